package org.broadside.ui.message;

import org.fxmisc.richtext.model.StyleSpans;
import org.fxmisc.richtext.model.StyleSpansBuilder;

import java.util.Collection;
import java.util.Collections;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Colours HTML source: merge conditions and fields first (they matter most here), then tags and comments. */
final class HtmlHighlighter {
    private static final Pattern TOKENS = Pattern.compile(
            "(?<COND></IF>|<(?:ELSE)?IF\\b(?:\"[^\"]*\"|<AND>|<OR>|<>|[^<>\"])*>|<ELSE>|&lt;/?IF\\b.*?&gt;|&lt;ELSE&gt;)"
                    + "|(?<FIELD>\\[\\[?[^\\[\\]\\r\\n]{1,80}\\]\\]?)"
                    + "|(?<COMMENT><!--[\\s\\S]*?-->)"
                    + "|(?<TAG></?[a-zA-Z][a-zA-Z0-9]*|/?>)"
                    + "|(?<ATTR>\\b[a-zA-Z-]+(?==))"
                    + "|(?<STRING>\"[^\"]*\")", Pattern.CASE_INSENSITIVE);

    private HtmlHighlighter() {}

    static StyleSpans<Collection<String>> spans(String text) {
        Matcher m = TOKENS.matcher(text);
        StyleSpansBuilder<Collection<String>> b = new StyleSpansBuilder<>();
        int last = 0;
        while (m.find()) {
            String style = m.group("COND") != null ? "hl-condition"
                    : m.group("FIELD") != null ? "hl-field"
                    : m.group("COMMENT") != null ? "hl-comment"
                    : m.group("TAG") != null ? "hl-tag"
                    : m.group("ATTR") != null ? "hl-attr" : "hl-string";
            b.add(Collections.emptyList(), m.start() - last);
            b.add(Collections.singleton(style), m.end() - m.start());
            last = m.end();
        }
        b.add(Collections.emptyList(), text.length() - last);
        return b.create();
    }
}
