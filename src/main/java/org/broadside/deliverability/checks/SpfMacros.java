package org.broadside.deliverability.checks;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * SPF macro expansion (RFC 7208 section 7): %{letter digits r delimiters}, %%, %_ and %-; an upper-case letter
 * URL-escapes its value. Only the letters allowed in mechanism arguments are accepted (c, r and t belong to exp=
 * text, which Broadside does not evaluate).
 */
final class SpfMacros {
    private static final String DELIMITERS = ".-+,/_=";
    private static final int MAX_DOMAIN = 253;

    private SpfMacros() {
    }

    /** Expands a domain-spec and shortens it from the left to 253 characters, as RFC 7208 7.3 requires. */
    static String expandDomain(String domainSpec, SpfMacroValues values) throws SpfMacroException {
        String name = expand(domainSpec, values);
        while (name.length() > MAX_DOMAIN && name.indexOf('.') >= 0) {
            name = name.substring(name.indexOf('.') + 1);
        }
        return name;
    }

    /** Expands every macro of a macro-string. */
    static String expand(String macroString, SpfMacroValues values) throws SpfMacroException {
        StringBuilder out = new StringBuilder(macroString.length() + 32);
        int i = 0;
        while (i < macroString.length()) {
            char c = macroString.charAt(i);
            if (c != '%') {
                out.append(c);
                i++;
                continue;
            }
            if (i + 1 >= macroString.length()) {
                throw new SpfMacroException("\"" + macroString + "\" ends with a lone %");
            }
            char next = macroString.charAt(i + 1);
            switch (next) {
                case '%' -> out.append('%');
                case '_' -> out.append(' ');
                case '-' -> out.append("%20");
                case '{' -> {
                    int close = macroString.indexOf('}', i + 2);
                    if (close < 0) {
                        throw new SpfMacroException("\"" + macroString + "\" has a %{ without its }");
                    }
                    out.append(one(macroString.substring(i + 2, close), values));
                    i = close + 1;
                    continue;
                }
                default -> throw new SpfMacroException("\"%" + next + "\" in \"" + macroString
                        + "\": a % must be followed by {, %, _ or -");
            }
            i += 2;
        }
        return out.toString();
    }

    /** One %{...} body: letter, optional digits, optional r, optional delimiters. */
    private static String one(String body, SpfMacroValues values) throws SpfMacroException {
        if (body.isEmpty()) {
            throw new SpfMacroException("empty macro %{}");
        }
        char letter = body.charAt(0);
        char lower = Character.toLowerCase(letter);
        String value = "slodipvh".indexOf(lower) >= 0 ? values.of(lower) : null;
        if (value == null) {
            throw new SpfMacroException("%{" + body + "}: \"" + letter + "\" is not a macro letter of SPF terms");
        }
        int p = 1;
        int digitsStart = p;
        while (p < body.length() && Character.isDigit(body.charAt(p))) {
            p++;
        }
        int keep = Integer.MAX_VALUE;
        if (p > digitsStart) {
            keep = digitsStart + 9 < p ? Integer.MAX_VALUE : Integer.parseInt(body.substring(digitsStart, p));
            if (keep == 0) {
                throw new SpfMacroException("%{" + body + "}: the number of parts must not be zero");
            }
        }
        boolean reverse = p < body.length() && Character.toLowerCase(body.charAt(p)) == 'r';
        if (reverse) {
            p++;
        }
        String delimiters = body.substring(p);
        for (char d : delimiters.toCharArray()) {
            if (DELIMITERS.indexOf(d) < 0) {
                throw new SpfMacroException("%{" + body + "}: \"" + d + "\" is not an SPF delimiter (" + DELIMITERS + ")");
            }
        }
        String result = transform(value, keep, reverse, delimiters.isEmpty() ? "." : delimiters);
        return Character.isUpperCase(letter) ? urlEscape(result) : result;
    }

    /** Splits on the delimiters, reverses if asked, keeps the right-most parts and joins them with dots. */
    private static String transform(String value, int keep, boolean reverse, String delimiters) {
        if (keep == Integer.MAX_VALUE && !reverse && delimiters.equals(".")) {
            return value;
        }
        List<String> parts = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < value.length(); i++) {
            if (delimiters.indexOf(value.charAt(i)) >= 0) {
                parts.add(value.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(value.substring(start));
        if (reverse) {
            Collections.reverse(parts);
        }
        if (keep < parts.size()) {
            parts = parts.subList(parts.size() - keep, parts.size());
        }
        return String.join(".", parts);
    }

    /** RFC 3986 percent-encoding of everything but the unreserved characters. */
    private static String urlEscape(String s) {
        StringBuilder out = new StringBuilder(s.length() * 3);
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (Character.isLetterOrDigit(c) && c < 0x80 || c == '-' || c == '.' || c == '_' || c == '~') {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }
}
