package org.broadside.contacts;

import java.net.IDN;
import java.util.Locale;

/** The comparison form of an address: case-insensitive, internationalised domain in punycode. */
public final class EmailKeys {
    private EmailKeys() {}

    public static String key(String email) {
        if (isOwnKey(email)) return email;
        String e = email.strip();
        int at = e.lastIndexOf('@');
        if (at < 0) return e.toLowerCase(Locale.ROOT);
        String local = e.substring(0, at).toLowerCase(Locale.ROOT);
        String domain = e.substring(at + 1);
        if (isPlainAscii(domain)) return local + "@" + domain.toLowerCase(Locale.ROOT);
        try {
            domain = IDN.toASCII(domain, IDN.ALLOW_UNASSIGNED);
        } catch (IllegalArgumentException ignored) {
            // Not a valid IDN: keep it as written; validation reports it separately.
        }
        return local + "@" + domain.toLowerCase(Locale.ROOT);
    }

    /**
     * Whether the address is already its own key: printable ASCII without capitals or spaces, and a plain ASCII
     * domain (or no '@'). Nearly every address of a big list is, and then the key costs no copy.
     */
    private static boolean isOwnKey(String email) {
        int at = -1;
        for (int i = 0; i < email.length(); i++) {
            char c = email.charAt(i);
            if (c <= ' ' || c >= 0x7f || c >= 'A' && c <= 'Z') return false;
            if (c == '@') at = i;
        }
        return at < 0 ? !email.isEmpty() : isPlainAscii(email.substring(at + 1));
    }

    /** An ASCII domain is its own punycode form; skipping IDN here keeps a million-row import fast. */
    private static boolean isPlainAscii(String domain) {
        if (domain.isEmpty() || domain.startsWith(".") || domain.contains("..")) return false;
        for (int i = 0; i < domain.length(); i++) {
            char c = domain.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '.')) return false;
        }
        return true;
    }

    /** The domain part in its comparison form, or "" when there is no '@'. */
    public static String domainKey(String email) {
        String k = key(email);
        int at = k.lastIndexOf('@');
        return at < 0 ? "" : k.substring(at + 1);
    }
}
