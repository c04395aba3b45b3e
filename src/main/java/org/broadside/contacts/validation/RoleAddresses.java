package org.broadside.contacts.validation;

import java.util.Locale;
import java.util.Set;

/** Addresses of a function rather than a person (info@, sales@...): often shared, often quick to complain. */
public final class RoleAddresses {
    private static final Set<String> ROLES = Set.of("info", "sales", "admin", "administrator", "support", "contact",
            "webmaster", "postmaster", "hostmaster", "abuse", "noreply", "no-reply", "donotreply", "do-not-reply",
            "marketing", "office", "billing", "help", "hello", "team", "jobs", "careers", "hr", "press", "security",
            "root", "newsletter", "mail", "enquiries", "enquiry", "inquiries", "feedback", "accounts", "accounting",
            "service", "customerservice", "privacy", "legal", "compliance", "it", "all", "everyone", "staff", "list",
            "mailer-daemon", "reception", "orders", "shop", "store", "booking", "bookings", "media", "pr");

    private RoleAddresses() {}

    public static boolean isRole(String address) {
        int at = address.lastIndexOf('@');
        if (at <= 0) return false;
        String local = address.substring(0, at).toLowerCase(Locale.ROOT);
        int plus = local.indexOf('+');
        if (plus > 0) local = local.substring(0, plus);
        return ROLES.contains(local);
    }
}
