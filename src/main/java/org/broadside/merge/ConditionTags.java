package org.broadside.merge;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds the condition tags written raw in an HTML body ({@code <IF ...>}, {@code <ELSEIF ...>}, {@code <ELSE>},
 * {@code </IF>}), by the template parser's own rules, so an HTML parser can be told they are text: to it they look
 * like elements, and {@code <AND>} inside a condition would end the tag early for anyone guessing by the next '>'.
 */
public final class ConditionTags {
    private ConditionTags() {}

    /** One raw tag: the characters [start, end) of the source. */
    public record Span(int start, int end) {}

    /** The raw condition tags of an HTML source in order; a broken tag is not one (the checks report it). */
    public static List<Span> rawIn(String html) {
        List<Span> spans = new ArrayList<>();
        TextPositions positions = new TextPositions(html);
        ConditionParser conditions = new ConditionParser(positions, new FieldReferences(positions));
        int i = html.indexOf('<');
        while (i >= 0) {
            int end = end(html, i, conditions);
            if (end > i) spans.add(new Span(i, end));
            i = html.indexOf('<', Math.max(end, i + 1));
        }
        return spans;
    }

    /** The offset after the tag starting at start, or -1 when the '<' does not open a well-formed condition tag. */
    private static int end(String html, int start, ConditionParser conditions) {
        var cursor = new SourceCursor(html, true, start + 1);
        try {
            if (keyword(cursor, "/IF") || keyword(cursor.at(start + 1), "ELSE")) {
                cursor.skipSpace();
                return cursor.match(">") ? cursor.pos() : -1;
            }
            if (keyword(cursor.at(start + 1), "ELSEIF") || keyword(cursor.at(start + 1), "IF")) {
                conditions.parse(cursor, start, "<IF");
                return cursor.pos();
            }
        } catch (TemplateSyntaxException e) {
            return -1;
        }
        return -1;
    }

    private static boolean keyword(SourceCursor cursor, String word) {
        return cursor.match(word) && cursor.atWordEnd();
    }
}
