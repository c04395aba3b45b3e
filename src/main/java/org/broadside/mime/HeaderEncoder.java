package org.broadside.mime;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Writes header fields: RFC 2047 encoded words for non-ASCII text, folding at 78 columns where a
 * space allows it, never beyond 998. The common short ASCII case is written without building strings.
 */
final class HeaderEncoder {
    static final int SOFT_LIMIT = 78;
    static final int HARD_LIMIT = 998;
    private static final int WORD_BYTES = 45; // 60 base64 chars: an encoded word stays within 75 characters
    private static final String WORD_START = "=?UTF-8?B?";
    private static final String SPECIALS = "()<>[]:;@\\,.\"";

    private HeaderEncoder() {}

    /** An unstructured field (Subject, extra headers). */
    static void writeUnstructured(ByteSink sink, String name, String value) {
        if (isPlain(value) && name.length() + 2 + value.length() <= SOFT_LIMIT) {
            sink.writeAscii(name);
            sink.writeByte(':');
            sink.writeByte(' ');
            sink.writeAscii(value);
            sink.crlf();
            return;
        }
        sink.writeAscii(unstructured(name, value));
    }

    /**
     * Extra headers may be structured (List-Unsubscribe), so printable ASCII is only folded, never
     * encoded; a value that cannot be folded under 998 characters is refused, naming the header.
     */
    static void writeExtra(ByteSink sink, Header h) {
        if (!isPrintableAscii(h.value())) {
            writeUnstructured(sink, h.name(), h.value());
            return;
        }
        if (h.name().length() + 2 + h.value().length() <= SOFT_LIMIT) {
            writeUnstructured(sink, h.name(), h.value());
            return;
        }
        String folded = fold(h.name(), splitAtSingleSpaces(h.value()));
        if (longestLine(folded) > HARD_LIMIT) {
            throw new IllegalArgumentException("header " + h.name() + " has a line over 998 characters that cannot be folded");
        }
        sink.writeAscii(folded);
    }

    static boolean isPrintableAscii(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 32 || c > 126) {
                return false;
            }
        }
        return true;
    }

    /** The whole field, folded, ending in CRLF. */
    static String unstructured(String name, String value) {
        if (isPlain(value)) {
            List<String> tokens = splitAtSingleSpaces(value);
            String folded = fold(name, tokens);
            if (longestLine(folded) <= HARD_LIMIT) {
                return folded;
            }
        }
        return fold(name, encodedWords(value, name.length() + 2));
    }

    /** An address field; raw UTF-8 only for local parts when the message is allowed SMTPUTF8. */
    static void writeAddress(ByteSink sink, String name, MailAddress a) {
        String display = a.displayName();
        String address = a.headerAddress();
        boolean simpleName = display == null || isAtomPhrase(display);
        if (simpleName && MailAddress.isAscii(address)) {
            int length = name.length() + 2 + address.length() + (display == null ? 0 : display.length() + 3);
            if (length <= SOFT_LIMIT) {
                sink.writeAscii(name);
                sink.writeByte(':');
                sink.writeByte(' ');
                if (display != null) {
                    sink.writeAscii(display);
                    sink.writeByte(' ');
                    sink.writeByte('<');
                    sink.writeAscii(address);
                    sink.writeByte('>');
                } else {
                    sink.writeAscii(address);
                }
                sink.crlf();
                return;
            }
        }
        sink.writeUtf8(address(name, a));
    }

    static String address(String name, MailAddress a) {
        List<String> tokens = new ArrayList<>();
        String display = a.displayName();
        if (display != null) {
            if (isAtomPhrase(display)) {
                tokens.addAll(splitAtSingleSpaces(display));
            } else if (isPlain(display) && display.length() < 900) {
                tokens.add(quote(display));
            } else {
                tokens.addAll(encodedWords(display, name.length() + 2));
            }
            tokens.add("<" + a.headerAddress() + ">");
        } else {
            tokens.add(a.headerAddress());
        }
        return fold(name, tokens);
    }

    /** Joins tokens with single spaces, starting a new line (CRLF SP) before a token that would pass 78 columns. */
    static String fold(String name, List<String> tokens) {
        StringBuilder sb = new StringBuilder(name.length() + 80);
        sb.append(name).append(':');
        int col = name.length() + 1;
        boolean first = true;
        for (String t : tokens) {
            if (!first && col + 1 + t.length() > SOFT_LIMIT) {
                sb.append("\r\n");
                col = 0;
            }
            sb.append(' ').append(t);
            col += 1 + t.length();
            first = false;
        }
        return sb.append("\r\n").toString();
    }

    /** Splits where exactly one space separates two other characters, so unfolding gives back the value exactly. */
    static List<String> splitAtSingleSpaces(String value) {
        List<String> tokens = new ArrayList<>();
        int start = 0;
        for (int i = 1; i < value.length() - 1; i++) {
            if (value.charAt(i) == ' ' && value.charAt(i - 1) != ' ' && value.charAt(i + 1) != ' ') {
                tokens.add(value.substring(start, i));
                start = i + 1;
            }
        }
        tokens.add(value.substring(start));
        return tokens;
    }

    /** B-encoded UTF-8 words, split only between code points; the first is sized to fit after the field name. */
    static List<String> encodedWords(String text, int firstColumn) {
        List<String> words = new ArrayList<>();
        int firstBudget = Math.min(WORD_BYTES, (SOFT_LIMIT - firstColumn - 1 - 12) / 4 * 3);
        int budget = firstBudget >= 3 ? firstBudget : WORD_BYTES;
        byte[] chunk = new byte[WORD_BYTES];
        int used = 0;
        int i = 0;
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            byte[] bytes = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8);
            if (used + bytes.length > budget) {
                words.add(word(chunk, used));
                used = 0;
                budget = WORD_BYTES;
            }
            System.arraycopy(bytes, 0, chunk, used, bytes.length);
            used += bytes.length;
            i += Character.charCount(cp);
        }
        if (used > 0 || words.isEmpty()) {
            words.add(word(chunk, used));
        }
        return words;
    }

    private static String word(byte[] chunk, int used) {
        byte[] part = java.util.Arrays.copyOf(chunk, used);
        return WORD_START + Base64.getEncoder().encodeToString(part) + "?=";
    }

    /** Printable ASCII and nothing a decoder could take for an encoded word. */
    static boolean isPlain(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 32 || c > 126) {
                return false;
            }
            if (c == '=' && i + 1 < value.length() && value.charAt(i + 1) == '?') {
                return false;
            }
        }
        return true;
    }

    /** Words of atext separated by single spaces: can be written without quotes. */
    static boolean isAtomPhrase(String s) {
        if (s.isEmpty() || s.charAt(0) == ' ' || s.charAt(s.length() - 1) == ' ' || !isPlain(s)) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (SPECIALS.indexOf(c) >= 0 || (c == ' ' && s.charAt(i - 1) == ' ')) {
                return false;
            }
        }
        return true;
    }

    static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /**
     * A parameter such as {@code filename}: quoted when short ASCII, otherwise RFC 2231 extended
     * and split into continuations so no line gets long.
     */
    static List<String> parameter(String attribute, String value) {
        if (isPlain(value) && value.length() <= 60) {
            return List.of(attribute + "=" + quote(value));
        }
        StringBuilder encoded = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "!#$&+-.^_`|~".indexOf(c) >= 0) {
                encoded.append((char) c);
            } else {
                encoded.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
            }
        }
        List<String> params = new ArrayList<>();
        String all = encoded.toString();
        int index = 0;
        for (int start = 0; start < all.length(); index++) {
            int end = Math.min(all.length(), start + 54);
            // never split a %XX escape
            if (end < all.length() && all.lastIndexOf('%', end - 1) >= end - 2) {
                end = all.lastIndexOf('%', end - 1);
            }
            String piece = all.substring(start, end);
            params.add(attribute + "*" + index + "*=" + (index == 0 ? "UTF-8''" : "") + piece);
            start = end;
        }
        if (params.size() == 1) {
            // no continuation needed: the plain extended form is the one every client reads
            return List.of(attribute + "*=UTF-8''" + all);
        }
        return params;
    }

    /** {@code Name: value;\r\n\tparam;\r\n\tparam\r\n} */
    static String withParameters(String name, String value, List<String> params) {
        StringBuilder sb = new StringBuilder(name).append(": ").append(value);
        for (String p : params) {
            sb.append(";\r\n\t").append(p);
        }
        return sb.append("\r\n").toString();
    }

    private static int longestLine(String folded) {
        int longest = 0;
        int start = 0;
        for (int i = folded.indexOf("\r\n"); i >= 0; i = folded.indexOf("\r\n", start)) {
            longest = Math.max(longest, i - start);
            start = i + 2;
        }
        return longest;
    }
}
