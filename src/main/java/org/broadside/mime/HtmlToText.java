package org.broadside.mime;

import java.util.Locale;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;

/**
 * Turns HTML into the readable text part: paragraphs, line breaks, "- " list items, links as "text (url)", every
 * HTML5 entity decoded, scripts and styles dropped. The HTML is read by jsoup, as a browser would read it (unclosed
 * tags, stray brackets, all 2,231 entity names), not by a scanner of our own. A campaign's text part is made once per
 * campaign from its template (merge tags escaped first, see compose.CompiledCampaign), so the parse is not per
 * recipient; received bounces are converted one message at a time.
 */
public final class HtmlToText {
    private HtmlToText() {}

    public static String convert(String html) {
        if (html == null || html.isEmpty()) {
            return "";
        }
        var writer = new Writer();
        Jsoup.parse(html).filter(writer);
        return writer.finish();
    }

    /** Walks the parsed document once, writing text with the line breaks its elements imply. */
    private static final class Writer implements NodeFilter {
        private final StringBuilder out = new StringBuilder();
        private int newlines;          // line breaks owed before the next text
        private boolean space;         // a collapsed space owed before the next text
        private int pre;               // depth of <pre>: whitespace kept as is
        private int listDepth;
        private String href;
        private int linkStart;

        @Override
        public FilterResult head(Node node, int depth) {
            if (node instanceof TextNode text) {
                text(text.getWholeText());
            } else if (node instanceof Element e) {
                switch (e.normalName()) {
                    case "script", "style", "head", "title", "template", "noscript" -> {
                        return FilterResult.SKIP_ENTIRELY;
                    }
                    default -> open(e);
                }
            }
            return FilterResult.CONTINUE;
        }

        @Override
        public FilterResult tail(Node node, int depth) {
            if (node instanceof Element e) {
                close(e);
            }
            return FilterResult.CONTINUE;
        }

        private void open(Element e) {
            switch (e.normalName()) {
                case "br" -> {
                    if (newlines < 2 && (out.length() > 0 || newlines > 0)) {
                        newlines++;
                    }
                    space = false;
                }
                case "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "table", "section", "article",
                     "header", "footer", "hr", "address", "figure", "dl", "center", "main", "nav", "aside", "form", "fieldset" ->
                        paragraph();
                case "ul", "ol" -> {
                    listDepth++;
                    paragraph();
                }
                case "li" -> {
                    lineBreak();
                    beforeText();
                    out.append("  ".repeat(Math.max(0, listDepth - 1))).append("- ");
                }
                case "tr", "dt", "dd", "caption" -> lineBreak();
                case "pre" -> {
                    paragraph();
                    pre++;
                    beforeText();
                }
                case "a" -> {
                    href = e.hasAttr("href") ? e.attr("href") : null;
                    beforeText();
                    linkStart = out.length();
                }
                case "img" -> {
                    String alt = e.attr("alt").replace('\u00A0', ' ').strip();
                    if (!alt.isEmpty()) {
                        beforeText();
                        out.append(alt);
                    }
                }
                default -> { }
            }
        }

        private void close(Element e) {
            switch (e.normalName()) {
                case "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "table", "section", "article",
                     "header", "footer", "address", "figure", "dl", "center", "main", "nav", "aside", "form", "fieldset" ->
                        paragraph();
                case "ul", "ol" -> {
                    listDepth = Math.max(0, listDepth - 1);
                    paragraph();
                }
                case "li", "tr", "dt", "dd", "caption" -> lineBreak();
                case "td", "th" -> space = true;
                case "pre" -> {
                    pre = Math.max(0, pre - 1);
                    paragraph();
                }
                case "a" -> endLink();
                default -> { }
            }
        }

        private void text(String s) {
            int n = s.length();
            for (int i = 0; i < n; i++) {
                char c = s.charAt(i);
                if (c == '\u00A0') {
                    // A non-breaking space is a space that must not collapse.
                    beforeText();
                    out.append(' ');
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
                } else {
                    int j = i + 1;
                    while (j < n && !isWhitespace(s.charAt(j)) && s.charAt(j) != '\u00A0') {
                        j++;
                    }
                    beforeText();
                    out.append(s, i, j);
                    i = j - 1;
                }
            }
        }

        private void endLink() {
            if (href == null) {
                return;
            }
            String url = href.replace('\u00A0', ' ').strip();
            href = null;
            if (url.isEmpty() || url.startsWith("#") || url.toLowerCase(Locale.ROOT).startsWith("javascript:")) {
                return;
            }
            String label = out.substring(Math.min(linkStart, out.length())).strip();
            String bare = url.regionMatches(true, 0, "mailto:", 0, 7) ? url.substring(7) : url;
            if (label.isEmpty()) {
                beforeText();
                out.append(bare);
            } else if (!label.equals(url) && !label.equals(bare)) {
                out.append(" (").append(bare).append(')');
            }
        }

        private void beforeText() {
            if (newlines > 0) {
                trimTrailingSpaces();
                if (out.length() > 0) {
                    out.append("\n".repeat(newlines));
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

        String finish() {
            trimTrailingSpaces();
            int end = out.length();
            while (end > 0 && out.charAt(end - 1) == '\n') {
                end--;
            }
            out.setLength(end);
            return out.toString();
        }

        private static boolean isWhitespace(char c) {
            return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f';
        }
    }
}
