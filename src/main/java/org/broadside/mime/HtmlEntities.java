package org.broadside.mime;

import org.jsoup.nodes.Entities;

/**
 * Decodes HTML character references: numeric ones as HTML5 reads them, and every named reference of the HTML5
 * table. The table is jsoup's (all 2,231 names), so the project keeps no list of its own that could fall behind:
 * the merge-tag reader decodes through here, and {@link HtmlToText} reads the HTML with jsoup itself.
 */
public final class HtmlEntities {
    /** The longest HTML5 name, "CounterClockwiseContourIntegral", is 31 characters. */
    private static final int LONGEST_NAME = 32;
    /**
     * HTML5 reads the C1 controls 0x80-0x9F of a numeric reference as Windows-1252, because that is what the
     * authors of such pages meant: &amp;#150; is an en dash. Zero means "no mapping" (the code point itself).
     */
    private static final char[] WINDOWS_1252 = {
        '\u20AC', 0, '\u201A', '\u0192', '\u201E', '\u2026', '\u2020', '\u2021', '\u02C6', '\u2030', '\u0160', '\u2039',
        '\u0152', 0, '\u017D', 0, 0, '\u2018', '\u2019', '\u201C', '\u201D', '\u2022', '\u2013', '\u2014', '\u02DC',
        '\u2122', '\u0161', '\u203A', '\u0153', 0, '\u017E', '\u0178'};

    private HtmlEntities() {}

    /**
     * Decodes the reference starting at {@code html[amp]} ('&') into {@code out}; returns the index
     * after it, or -1 when it is not a reference (the caller then keeps the '&').
     */
    public static int decode(CharSequence html, int amp, StringBuilder out) {
        int end = semicolon(html, amp);
        if (end < 0) {
            return -1;
        }
        if (html.charAt(amp + 1) == '#') {
            int cp = numeric(html, amp + 2, end);
            if (cp < 0) {
                return -1;
            }
            out.appendCodePoint(cp);
            return end + 1;
        }
        String value = Entities.getByName(html.subSequence(amp + 1, end).toString());
        if (value.isEmpty()) {
            return -1;
        }
        out.append(value);
        return end + 1;
    }

    /**
     * The single character the reference at {@code source[amp]} stands for, or -1 when it is not a reference
     * or stands for more than one UTF-16 unit (a merge tag's brackets and names never do).
     */
    public static int decodeChar(CharSequence source, int amp) {
        var one = new StringBuilder(2);
        return decode(source, amp, one) < 0 || one.length() != 1 ? -1 : one.charAt(0);
    }

    /** Length of the reference at {@code source[amp]} including '&' and ';', or -1 when there is none. */
    public static int length(CharSequence source, int amp) {
        int end = semicolon(source, amp);
        return end < 0 ? -1 : end + 1 - amp;
    }

    /** Decodes every reference in s; what is not a reference stays as written. */
    public static String decodeAll(String s) {
        int amp = s.indexOf('&');
        if (amp < 0) {
            return s;
        }
        var out = new StringBuilder(s.length());
        int from = 0;
        while (amp >= 0) {
            out.append(s, from, amp);
            int next = decode(s, amp, out);
            if (next < 0) {
                out.append('&');
                from = amp + 1;
            } else {
                from = next;
            }
            amp = s.indexOf('&', from);
        }
        return out.append(s, from, s.length()).toString();
    }

    private static int semicolon(CharSequence s, int amp) {
        int limit = Math.min(s.length(), amp + 2 + LONGEST_NAME);
        for (int i = amp + 1; i < limit; i++) {
            char c = s.charAt(i);
            if (c == ';') {
                return i > amp + 1 ? i : -1;
            }
            if (!(c == '#' && i == amp + 1) && !Character.isLetterOrDigit(c)) {
                return -1;
            }
        }
        return -1;
    }

    private static int numeric(CharSequence s, int from, int end) {
        boolean hex = from < end && (s.charAt(from) == 'x' || s.charAt(from) == 'X');
        int start = hex ? from + 1 : from;
        if (start == end || end - start > 8) {
            return -1;
        }
        int cp = 0;
        for (int i = start; i < end; i++) {
            int digit = Character.digit(s.charAt(i), hex ? 16 : 10);
            if (digit < 0) {
                return -1;
            }
            cp = cp * (hex ? 16 : 10) + digit;
        }
        if (cp >= 0x80 && cp <= 0x9F && WINDOWS_1252[cp - 0x80] != 0) {
            return WINDOWS_1252[cp - 0x80];
        }
        if (cp <= 0 || cp > Character.MAX_CODE_POINT || (cp >= 0xD800 && cp <= 0xDFFF)) {
            return 0xFFFD;
        }
        return cp;
    }

    /**
     * The text as HTML content or a quoted attribute value: {@code & < > " '} as entities, control characters other
     * than line feed and tab as spaces (they have no place in a page, and a server reply or a campaign name can carry
     * them). Null is the empty text.
     */
    public static String escape(String s) {
        if (s == null) return "";
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(ch < 0x20 && ch != '\n' && ch != '\t' ? ' ' : ch);
            }
        }
        return out.toString();
    }
}
