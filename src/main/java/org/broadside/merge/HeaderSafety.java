package org.broadside.merge;

/** Decides whether text may go into a header line: no CR, LF, NUL or other control character except TAB. */
final class HeaderSafety {
    private HeaderSafety() {}

    /** Why the text is unsafe, e.g. "contains a line feed", or null when it is safe. */
    static String problem(String text) {
        for (int i = 0; i < text.length(); i++) {
            String reason = problem(text.charAt(i));
            if (reason != null) {
                return reason;
            }
        }
        return null;
    }

    static String problem(char c) {
        if (c == '\t') {
            return null;
        }
        if (c == '\r') {
            return "contains a carriage return";
        }
        if (c == '\n') {
            return "contains a line feed";
        }
        if (c == 0) {
            return "contains a NUL character";
        }
        // U+2028/2029 are line breaks to some clients and encoders, so they are as unsafe as LF.
        if (c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == '\u2028' || c == '\u2029') {
            return String.format("contains control character U+%04X", (int) c);
        }
        return null;
    }
}
