package org.broadside.delivery.smtp;

/**
 * Decides whether an address may go into a MAIL FROM or RCPT TO line. Refuses anything that could inject a
 * command or a parameter (CR, LF, NUL, controls, angle brackets, spaces) and non-ASCII without SMTPUTF8.
 * IDN domains must be converted to punycode by the caller; only the local part may stay non-ASCII.
 */
public final class AddressRules {
    static final int MAX_PATH = 256;

    private AddressRules() {
    }

    /** Null when the address is safe to send, else the reason in plain words. */
    public static String problem(String address, boolean smtpUtf8Offered, boolean isSender) {
        if (address == null) {
            return "the address is missing";
        }
        if (address.isEmpty()) {
            return isSender ? null : "the address is empty";
        }
        if (address.length() > MAX_PATH) {
            return "the address is longer than " + MAX_PATH + " characters";
        }
        boolean nonAscii = false;
        for (int i = 0; i < address.length(); i++) {
            char c = address.charAt(i);
            if (c < 0x20 || c == 0x7f || Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                return "the address contains a line break or control character";
            }
            if (c == '<' || c == '>') {
                return "the address contains an angle bracket";
            }
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                return "the address contains a space";
            }
            if (Character.isSurrogate(c)) {
                if (!Character.isHighSurrogate(c) || i + 1 >= address.length()
                        || !Character.isLowSurrogate(address.charAt(i + 1))) {
                    return "the address contains a broken character";
                }
                i++;
            }
            nonAscii |= c >= 0x80;
        }
        if (nonAscii && !smtpUtf8Offered) {
            return "the address contains non-ASCII characters and the server did not offer SMTPUTF8";
        }
        int at = address.lastIndexOf('@');
        if (!isSender && (at <= 0 || at == address.length() - 1) && !address.equalsIgnoreCase("postmaster")) {
            return "the address has no domain";
        }
        return null;
    }

    static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }
}
