package org.broadside.contacts.validation;

import java.util.Set;

/** Throw-away mailbox services: addresses that stop existing within hours, so mail to them is wasted. */
public final class DisposableDomains {
    private static final Set<String> DOMAINS = Set.of("mailinator.com", "guerrillamail.com", "guerrillamail.net",
            "guerrillamail.org", "sharklasers.com", "grr.la", "10minutemail.com", "10minutemail.net", "yopmail.com",
            "yopmail.fr", "yopmail.net", "tempmail.com", "temp-mail.org", "temp-mail.io", "tempmailo.com", "trashmail.com",
            "trashmail.de", "trashmail.net", "getnada.com", "nada.email", "dispostable.com", "maildrop.cc",
            "mailnesia.com", "mintemail.com", "mohmal.com", "throwawaymail.com", "fakeinbox.com", "spamgourmet.com",
            "mailcatch.com", "emailondeck.com", "burnermail.io", "mytemp.email", "tempinbox.com", "jetable.org",
            "spam4.me", "getairmail.com", "discard.email", "mail-temp.com", "moakt.com", "tempr.email", "inboxkitten.com",
            "33mail.com", "anonaddy.me", "spambox.us", "mailpoof.com", "emailfake.com", "fakemail.net", "harakirimail.com");

    private DisposableDomains() {}

    /** True for a known disposable domain or any subdomain of one (asciiDomain in lower-case punycode). */
    public static boolean isDisposable(String asciiDomain) {
        String d = asciiDomain;
        while (true) {
            if (DOMAINS.contains(d)) return true;
            int dot = d.indexOf('.');
            if (dot < 0 || d.indexOf('.', dot + 1) < 0) return false;
            d = d.substring(dot + 1);
        }
    }
}
