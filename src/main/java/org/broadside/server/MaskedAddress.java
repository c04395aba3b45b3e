package org.broadside.server;

/** An address as pages and logs show it: the first character of the local part, then "***" ("j***@example.com"). */
final class MaskedAddress {
    private MaskedAddress() {}

    static String of(String email) {
        if (email == null) return "";
        int at = email.lastIndexOf('@');
        if (at <= 0) return "***";
        return email.substring(0, email.offsetByCodePoints(0, 1)) + "***" + email.substring(at);
    }
}
