package org.broadside.mime;

/**
 * Turns merged HTML into the readable text part: paragraphs, line breaks, "- " list items,
 * links as "text (url)", entities decoded, scripts and styles dropped. One pass, no regex,
 * because it runs for every recipient.
 */
public final class HtmlToText {
    private static final String[] KNOWN_TAGS = {"a", "p", "br", "li", "td", "div", "img", "span", "tr", "th", "ul", "ol",
        "h1", "h2", "h3", "h4", "h5", "h6", "table", "pre", "hr", "dt", "dd", "dl", "script", "style", "head", "title",
        "template", "noscript", "blockquote", "section", "article", "header", "footer", "address", "figure", "center",
        "main", "nav", "aside", "form", "fieldset", "caption"};

    private HtmlToText() {}

    public static String convert(String html) {
        if (html == null || html.isEmpty()) {
            return "";
        }
        return new Converter(html).run();
    }

    /** State of one conversion; kept out of the public class so it stays a single static call. */
    private static final class Converter {
        private final String html;
        private final char[] chars;    // hot loops read the array: no bounds-checked charAt per character
        private final CharBuf out;
        private final StringBuilder entity = new StringBuilder(8);
        private int newlines;          // line breaks owed before the next text
        private boolean space;         // a collapsed space owed before the next text
        private int pre;               // depth of <pre>: whitespace kept as is
        private int listDepth;
        private String href;
        private int linkStart;

        Converter(String html) {
            this.html = html;
            this.chars = html.toCharArray();
            this.out = new CharBuf(html.length() / 2 + 16);
        }

        String run() {
            char[] a = chars;
            int n = a.length;
            int i = 0;
            while (i < n) {
                char c = a[i];
                if (c == '<' && i + 1 < n && isTagStart(a[i + 1])) {
                    i = tag(i);
                } else if (c == '&') {
                    int before = out.length();
                    beforeText();
                    entity.setLength(0);
                    int next = HtmlEntities.decode(html, i, entity);
                    if (next < 0) {
                        out.append('&');
                        i++;
                    } else {
                        i = next;
                        // a decoded &nbsp; is a space that must not collapse
                        for (int k = 0; k < entity.length(); k++) {
                            char d = entity.charAt(k);
                            out.append(d == '\u00A0' ? ' ' : d);
                        }
                    }
                    if (out.length() == before) {
                        space = false;
                    }
                } else if (isWhitespace(c)) {
                    if (pre > 0) {
                        if (c == '\n') {
                            out.append('\n');
                        } else if (c != '\r') {
                            out.append(c);
                        }
                    } else if (out.length() > 0 && newlines == 0) {
                        space = true;
                    }
                    i++;
                } else {
                    // Copy a whole run of ordinary characters at once: far cheaper than char by char.
                    int j = i + 1;
                    while (j < n) {
                        char d = a[j];
                        if (d == '<' || d == '&' || d <= ' ') {
                            break;
                        }
                        j++;
                    }
                    beforeText();
                    out.append(a, i, j);
                    i = j;
                }
            }
            return finish();
        }

        private void beforeText() {
            if (newlines > 0) {
                trimTrailingSpaces();
                if (out.length() > 0) {
                    for (int k = 0; k < newlines; k++) {
                        out.append('\n');
                    }
                }
                newlines = 0;
                space = false;
            } else if (space) {
                if (out.length() > 0 && out.charAt(out.length() - 1) != '\n') {
                    out.append(' ');
                }
                space = false;
            }
        }

        private int tag(int lt) {
            int n = html.length();
            if (html.startsWith("<!--", lt)) {
                int end = html.indexOf("-->", lt + 4);
                return end < 0 ? n : end + 3;
            }
            int end = tagEnd(lt);
            if (html.charAt(lt + 1) == '!' || html.charAt(lt + 1) == '?') {
                return end;
            }
            boolean closing = html.charAt(lt + 1) == '/';
            int nameStart = lt + (closing ? 2 : 1);
            int nameEnd = nameStart;
            while (nameEnd < n && isAsciiLetterOrDigit(chars[nameEnd])) {
                nameEnd++;
            }
            String name = knownTag(nameStart, nameEnd);
            switch (name) {
                case "script", "style", "head", "title", "template", "noscript" -> {
                    if (!closing) {
                        return skipElement(name, end);
                    }
                }
                case "br" -> {
                    if (newlines < 2) {
                        if (out.length() > 0 || newlines > 0) {
                            newlines++;
                        }
                    }
                    space = false;
                }
                case "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "table", "section", "article",
                     "header", "footer", "hr", "address", "figure", "dl", "center", "main", "nav", "aside", "form", "fieldset" ->
                        paragraph();
                case "ul", "ol" -> {
                    listDepth = Math.max(0, listDepth + (closing ? -1 : 1));
                    paragraph();
                }
                case "li" -> {
                    if (!closing) {
                        lineBreak();
                        beforeText();
                        for (int k = 1; k < listDepth; k++) {
                            out.append(' ').append(' ');
                        }
                        out.append('-').append(' ');
                    } else {
                        lineBreak();
                    }
                }
                case "tr", "dt", "dd", "caption" -> lineBreak();
                case "td", "th" -> {
                    if (closing) {
                        space = true;
                    }
                }
                case "pre" -> {
                    paragraph();
                    pre = Math.max(0, pre + (closing ? -1 : 1));
                    if (!closing) {
                        beforeText();
                        if (end < n && html.charAt(end) == '\n') {
                            end++; // a newline right after <pre> is not content
                        }
                    }
                }
                case "a" -> link(closing, lt, end);
                case "img" -> {
                    String alt = attribute(lt, end, "alt");
                    if (alt != null && !alt.isBlank()) {
                        beforeText();
                        out.append(decodeEntities(alt.strip()));
                    }
                }
                default -> { }
            }
            return end;
        }

        private void link(boolean closing, int lt, int end) {
            if (!closing) {
                href = attribute(lt, end, "href");
                beforeText();
                linkStart = out.length();
                return;
            }
            if (href == null) {
                return;
            }
            String url = decodeEntities(href.strip());
            href = null;
            if (url.isEmpty() || url.startsWith("#") || url.regionMatches(true, 0, "javascript:", 0, 11)) {
                return;
            }
            String label = out.substring(Math.min(linkStart, out.length())).strip();
            String bare = url.regionMatches(true, 0, "mailto:", 0, 7) ? url.substring(7) : url;
            if (label.isEmpty()) {
                beforeText();
                out.append(bare);
            } else if (!label.equals(url) && !label.equals(bare)) {
                out.append(' ').append('(').append(bare).append(')');
            }
        }

        /** The tag name as one of the constants the switch knows, or "" for any other; no string is built per tag. */
        private String knownTag(int start, int end) {
            int length = end - start;
            for (String known : KNOWN_TAGS) {
                if (known.length() == length && sameIgnoringCase(known, start)) {
                    return known;
                }
            }
            return "";
        }

        private boolean sameIgnoringCase(String lower, int start) {
            for (int k = 0; k < lower.length(); k++) {
                if ((chars[start + k] | 0x20) != lower.charAt(k)) {
                    return false;
                }
            }
            return true;
        }

        private int skipElement(String name, int from) {
            int n = html.length();
            for (int i = html.indexOf("</", from); i >= 0; i = html.indexOf("</", i + 2)) {
                if (html.regionMatches(true, i + 2, name, 0, name.length())) {
                    return tagEnd(i);
                }
            }
            return n;
        }

        /** Index after the '>' that ends the tag, skipping quoted attribute values. */
        private int tagEnd(int lt) {
            int n = html.length();
            char quote = 0;
            for (int i = lt + 1; i < n; i++) {
                char c = chars[i];
                if (quote != 0) {
                    if (c == quote) {
                        quote = 0;
                    }
                } else if (c == '"' || c == '\'') {
                    quote = c;
                } else if (c == '>') {
                    return i + 1;
                }
            }
            return n;
        }

        /** The value of an attribute inside html[lt, end), or null. */
        private String attribute(int lt, int end, String name) {
            int i = lt + 1;
            while (i < end) {
                int found = indexOfIgnoreCase(name, i, end);
                if (found < 0) {
                    return null;
                }
                int after = found + name.length();
                boolean startsWord = isWhitespace(html.charAt(found - 1));
                int j = after;
                while (j < end && isWhitespace(html.charAt(j))) {
                    j++;
                }
                if (startsWord && j < end && html.charAt(j) == '=') {
                    j++;
                    while (j < end && isWhitespace(html.charAt(j))) {
                        j++;
                    }
                    if (j < end && (html.charAt(j) == '"' || html.charAt(j) == '\'')) {
                        int close = html.indexOf(html.charAt(j), j + 1);
                        return html.substring(j + 1, close < 0 || close > end ? end : close);
                    }
                    int k = j;
                    while (k < end && !isWhitespace(html.charAt(k)) && html.charAt(k) != '>') {
                        k++;
                    }
                    return html.substring(j, k);
                }
                i = after;
            }
            return null;
        }

        /** {@code name} is lower case; the cheap first-character test keeps regionMatches off most positions. */
        private int indexOfIgnoreCase(String name, int from, int end) {
            char first = name.charAt(0);
            for (int i = from; i + name.length() <= end; i++) {
                if ((chars[i] | 0x20) == first && html.regionMatches(true, i, name, 0, name.length())) {
                    return i;
                }
            }
            return -1;
        }

        private static String decodeEntities(String s) {
            String decoded = HtmlEntities.decodeAll(s);
            return decoded.indexOf('\u00A0') < 0 ? decoded : decoded.replace('\u00A0', ' ');
        }

        private void paragraph() {
            if (out.length() > 0) {
                newlines = 2;
            }
            space = false;
        }

        private void lineBreak() {
            if (out.length() > 0 && newlines == 0) {
                newlines = 1;
            }
            space = false;
        }

        private void trimTrailingSpaces() {
            int len = out.length();
            while (len > 0 && (out.charAt(len - 1) == ' ' || out.charAt(len - 1) == '\t')) {
                len--;
            }
            out.setLength(len);
        }

        private String finish() {
            trimTrailingSpaces();
            int end = out.length();
            while (end > 0 && out.charAt(end - 1) == '\n') {
                end--;
            }
            out.setLength(end);
            return out.toString();
        }

        private static boolean isAsciiLetterOrDigit(char c) {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
        }

        private static boolean isTagStart(char c) {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '/' || c == '!' || c == '?';
        }

        private static boolean isWhitespace(char c) {
            return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f';
        }
    }
}
