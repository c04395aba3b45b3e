package org.broadside.merge;

import java.util.Locale;

/** The few HTML entities an editor produces when it escapes merge tags, plus numeric references. */
final class HtmlEntities {
    private HtmlEntities() {}

    /** Decodes the entity named by source[from, to) (between '&' and ';'); -1 when unknown. */
    static int decode(String source, int from, int to) {
        String name = source.substring(from, to);
        if (name.charAt(0) == '#') {
            return decodeNumeric(name);
        }
        switch (name.toLowerCase(Locale.ROOT)) {
            case "lt": return '<';
            case "gt": return '>';
            case "amp": return '&';
            case "quot": return '"';
            case "apos": return '\'';
            case "nbsp": return '\u00A0';
            default: return -1;
        }
    }

    private static int decodeNumeric(String name) {
        boolean hex = name.length() > 1 && (name.charAt(1) == 'x' || name.charAt(1) == 'X');
        String digits = name.substring(hex ? 2 : 1);
        if (digits.isEmpty() || digits.length() > 6) {
            return -1;
        }
        int value = 0;
        for (int i = 0; i < digits.length(); i++) {
            int digit = Character.digit(digits.charAt(i), hex ? 16 : 10);
            if (digit < 0) {
                return -1;
            }
            value = value * (hex ? 16 : 10) + digit;
        }
        // Only BMP characters: anything else never appears in an escaped merge tag.
        return value <= 0xFFFF ? value : -1;
    }

    /** Decodes every known entity in s; unknown ones stay as written. */
    static String decodeAll(String s) {
        if (s.indexOf('&') < 0) {
            return s;
        }
        var cursor = new SourceCursor(s, true, 0);
        var out = new StringBuilder(s.length());
        for (int c = cursor.peek(); c != SourceCursor.END; c = cursor.peek()) {
            out.append((char) c);
            cursor.next();
        }
        return out.toString();
    }
}
