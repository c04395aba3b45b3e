package org.broadside.delivery.smtp;

/** Finds an RFC 3463 enhanced status code at the start of a reply text, without regular expressions. */
final class EnhancedCodes {
    private EnhancedCodes() {
    }

    /** The "x.y.z" at the start of {@code text}, when its class matches the reply code's first digit. */
    static String find(int code, String text) {
        int n = text.length();
        if (n < 5) {
            return null;
        }
        char cls = text.charAt(0);
        if (cls != (char) ('0' + code / 100) || text.charAt(1) != '.') {
            return null;
        }
        int i = digits(text, 2, 3);
        if (i < 0 || i >= n || text.charAt(i) != '.') {
            return null;
        }
        int j = digits(text, i + 1, 3);
        if (j < 0 || (j < n && text.charAt(j) != ' ')) {
            return null;
        }
        return text.substring(0, j);
    }

    private static int digits(String s, int from, int max) {
        int i = from;
        while (i < s.length() && i - from < max && Character.isDigit(s.charAt(i)) && s.charAt(i) < 128) {
            i++;
        }
        return i == from ? -1 : i;
    }
}
