package org.broadside.merge;

/**
 * Reads a decimal number the way a contact list writes it: optional sign, digits, optional '.' fraction.
 * Stricter than Double.parseDouble on purpose: "NaN", "1e3", "0x1F" or "12d" are text, not numbers.
 */
final class Numbers {
    private Numbers() {}

    /** The value, or NaN when the (trimmed) text is not a plain decimal number. */
    static double parse(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && text.charAt(start) <= ' ') {
            start++;
        }
        while (end > start && text.charAt(end - 1) <= ' ') {
            end--;
        }
        int i = start;
        if (i < end && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
            i++;
        }
        int digits = 0;
        boolean dot = false;
        for (; i < end; i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                digits++;
            } else if (c == '.' && !dot) {
                dot = true;
            } else {
                return Double.NaN;
            }
        }
        return digits == 0 ? Double.NaN : Double.parseDouble(text.substring(start, end));
    }
}
