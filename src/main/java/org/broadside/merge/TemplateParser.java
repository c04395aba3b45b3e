package org.broadside.merge;

import org.broadside.mime.HtmlEntities;

/**
 * Compiles template source into nodes in one pass. Text is copied as written; only '[' and '<'
 * (and, in HTML, '&' that may start "&lt;") can begin something else.
 */
final class TemplateParser {
    private final String source;
    private final TemplateMode mode;
    private final boolean html;
    private final TextPositions positions;
    private final FieldReferences references;
    private final BlockBuilder blocks;
    private final ConditionParser conditions;

    TemplateParser(String source, TemplateMode mode) {
        this.source = source;
        this.mode = mode;
        this.html = mode == TemplateMode.HTML;
        this.positions = new TextPositions(source);
        this.references = new FieldReferences(positions);
        this.blocks = new BlockBuilder(positions);
        this.conditions = new ConditionParser(positions, references);
    }

    Template parse() throws TemplateSyntaxException {
        int i = 0;
        while (i < source.length()) {
            char c = source.charAt(i);
            int next = -1;
            if (c == '[') {
                next = field(i);
            } else if (c == '<' || (html && c == '&')) {
                next = tag(i);
            } else if (mode == TemplateMode.HEADER && HeaderSafety.problem(c) != null) {
                throw positions.error(i, "header text " + HeaderSafety.problem(c));
            }
            if (next < 0) {
                blocks.text(c);
                i++;
            } else {
                i = next;
            }
        }
        return new Template(blocks.finish(), mode, ValueWriter.of(mode), references.names(), references.all(),
                references.needingAValue());
    }

    /**
     * [Name] or [Name|fallback] (also [[Name]], forgiving a condition habit). Returns the offset after it, or -1 when
     * the bracket cannot be a field and is therefore text: no closing ']' on the line, or a name that does not
     * start with a letter or holds other characters than letters, digits, spaces, '_', '-', '.'.
     */
    private int field(int start) {
        int brackets = source.startsWith("[[", start) ? 2 : 1;
        int close = start + brackets;
        while (close < source.length() && source.charAt(close) != ']') {
            char c = source.charAt(close);
            if (c == '[' || c == '\n' || c == '\r') {
                return -1;
            }
            close++;
        }
        if (close == source.length() || (brackets == 2 && !source.startsWith("]]", close))) {
            return -1;
        }
        String content = source.substring(start + brackets, close);
        if (html) {
            content = HtmlEntities.decodeAll(content);
        }
        int bar = content.indexOf('|');
        String name = FieldNames.normalize(bar < 0 ? content : content.substring(0, bar));
        if (!FieldNames.isValid(name)) {
            return -1;
        }
        String fallback = bar < 0 ? "" : content.substring(bar + 1);
        references.add(name, start, !fallback.isBlank());
        blocks.field(name, fallback);
        return close + brackets;
    }

    /** A condition tag, returning the offset after it, or -1 when the '<' is ordinary text. */
    private int tag(int start) throws TemplateSyntaxException {
        var cursor = new SourceCursor(source, html, start);
        if (cursor.peek() != '<') {
            return -1;
        }
        cursor.next();
        int afterLt = cursor.pos();
        if (keyword(cursor, "/IF")) {
            closeTag(cursor, start, "</IF");
            blocks.endIf(start);
        } else if (keyword(cursor.at(afterLt), "ELSEIF")) {
            blocks.elseIf(start, conditions.parse(cursor, start, "<ELSEIF"));
        } else if (keyword(cursor.at(afterLt), "ELSE")) {
            closeTag(cursor, start, "<ELSE");
            blocks.otherwise(start);
        } else if (keyword(cursor.at(afterLt), "IF")) {
            blocks.openIf(start, conditions.parse(cursor, start, "<IF"));
        } else if (keyword(cursor.at(afterLt), "AND") || keyword(cursor.at(afterLt), "OR")) {
            cursor.skipSpace();
            if (cursor.peek() == '>') {
                throw positions.error(start, "<AND> and <OR> belong inside the condition of an <IF");
            }
            return -1;
        } else {
            return -1;
        }
        return cursor.pos();
    }

    private static boolean keyword(SourceCursor cursor, String word) {
        return cursor.match(word) && cursor.atWordEnd();
    }

    private void closeTag(SourceCursor cursor, int start, String tag) throws TemplateSyntaxException {
        cursor.skipSpace();
        if (!cursor.match(">")) {
            throw positions.error(start, tag + " must be closed by '>'");
        }
    }
}
