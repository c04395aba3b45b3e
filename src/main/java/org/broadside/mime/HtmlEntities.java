package org.broadside.mime;

import java.util.Map;

/** Decodes the HTML character references that appear in mail: numeric ones and a table of common names. */
final class HtmlEntities {
    private static final Map<String, String> NAMED = Map.ofEntries(
            Map.entry("amp", "&"), Map.entry("lt", "<"), Map.entry("gt", ">"), Map.entry("quot", "\""),
            Map.entry("apos", "'"), Map.entry("nbsp", "\u00A0"), Map.entry("copy", "\u00A9"), Map.entry("reg", "\u00AE"),
            Map.entry("trade", "\u2122"), Map.entry("euro", "\u20AC"), Map.entry("pound", "\u00A3"), Map.entry("yen", "\u00A5"),
            Map.entry("cent", "\u00A2"), Map.entry("sect", "\u00A7"), Map.entry("deg", "\u00B0"), Map.entry("middot", "\u00B7"),
            Map.entry("bull", "\u2022"), Map.entry("hellip", "\u2026"), Map.entry("ndash", "\u2013"), Map.entry("mdash", "\u2014"),
            Map.entry("lsquo", "\u2018"), Map.entry("rsquo", "\u2019"), Map.entry("ldquo", "\u201C"), Map.entry("rdquo", "\u201D"),
            Map.entry("laquo", "\u00AB"), Map.entry("raquo", "\u00BB"), Map.entry("times", "\u00D7"), Map.entry("shy", ""),
            Map.entry("auml", "\u00E4"), Map.entry("ouml", "\u00F6"), Map.entry("uuml", "\u00FC"), Map.entry("Auml", "\u00C4"),
            Map.entry("Ouml", "\u00D6"), Map.entry("Uuml", "\u00DC"), Map.entry("szlig", "\u00DF"), Map.entry("eacute", "\u00E9"),
            Map.entry("egrave", "\u00E8"), Map.entry("agrave", "\u00E0"), Map.entry("ccedil", "\u00E7"), Map.entry("zwnj", ""));

    private HtmlEntities() {}

    /**
     * Decodes the reference starting at {@code html[amp]} ('&') into {@code out}; returns the index
     * after it, or -1 when it is not a reference (the caller then keeps the '&').
     */
    static int decode(String html, int amp, StringBuilder out) {
        int end = html.indexOf(';', amp + 1);
        if (end < 0 || end - amp > 12) {
            return -1;
        }
        if (html.charAt(amp + 1) == '#') {
            try {
                boolean hex = end > amp + 2 && (html.charAt(amp + 2) == 'x' || html.charAt(amp + 2) == 'X');
                int cp = Integer.parseInt(html, amp + (hex ? 3 : 2), end, hex ? 16 : 10);
                if (cp <= 0 || cp > Character.MAX_CODE_POINT || (cp >= 0xD800 && cp <= 0xDFFF)) {
                    cp = 0xFFFD;
                }
                out.appendCodePoint(cp);
                return end + 1;
            } catch (NumberFormatException e) {
                return -1;
            }
        }
        String value = NAMED.get(html.substring(amp + 1, end));
        if (value == null) {
            return -1;
        }
        out.append(value);
        return end + 1;
    }
}
