package org.broadside.merge;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses a condition: the one of an IF or ELSEIF tag, from after the keyword up to and including the closing '>',
 * or one written alone (a filter), up to the end of the text. Errors point at the tag's start: that is where the
 * user looks for a broken tag.
 */
final class ConditionParser {
    private final TextPositions positions;
    private final FieldReferences references;

    ConditionParser(TextPositions positions, FieldReferences references) {
        this.positions = positions;
        this.references = references;
    }

    /** The condition of a tag, which ends at its '>'. */
    Condition parse(SourceCursor cursor, int tagOffset, String tag) throws TemplateSyntaxException {
        cursor.skipSpace();
        if (cursor.peek() == '>') {
            throw positions.error(tagOffset, tag + " has no condition");
        }
        return parse(cursor, tagOffset, tag, '>');
    }

    /** A condition written alone, which ends with the text. */
    Condition parseAlone(SourceCursor cursor) throws TemplateSyntaxException {
        return parse(cursor, 0, "the condition", SourceCursor.END);
    }

    private Condition parse(SourceCursor cursor, int tagOffset, String tag, int end) throws TemplateSyntaxException {
        List<Comparison[]> anyOf = new ArrayList<>();
        List<Comparison> allOf = new ArrayList<>();
        while (true) {
            allOf.add(comparison(cursor, tagOffset, tag));
            cursor.skipSpace();
            int c = cursor.peek();
            if (c == end) {
                cursor.next();
                anyOf.add(allOf.toArray(Comparison[]::new));
                return new Condition(anyOf.toArray(Comparison[][]::new));
            }
            if (connective(cursor, "AND")) {
                continue;
            }
            if (connective(cursor, "OR")) {
                anyOf.add(allOf.toArray(Comparison[]::new));
                allOf = new ArrayList<>();
                continue;
            }
            if (c == SourceCursor.END) {
                throw positions.error(tagOffset, tag + " is not closed by '>'");
            }
            if (bareConnective(cursor)) {
                throw positions.error(tagOffset, "AND and OR are written <AND> and <OR> in " + tag);
            }
            throw positions.error(tagOffset, (end == '>' ? "expected <AND>, <OR> or '>'" : "expected <AND> or <OR>")
                    + " after a comparison in " + tag);
        }
    }

    private Comparison comparison(SourceCursor cursor, int tagOffset, String tag) throws TemplateSyntaxException {
        cursor.skipSpace();
        Operand left = operand(cursor, tagOffset);
        if (left == null) {
            throw positions.error(tagOffset, "expected [[Field]], a quoted value or a number in " + tag);
        }
        cursor.skipSpace();
        Operator operator = operator(cursor, tagOffset);
        cursor.skipSpace();
        Operand right = operand(cursor, tagOffset);
        if (right == null) {
            int c = cursor.peek();
            boolean nothing = c == '>' || c == '<' || c == SourceCursor.END;
            throw positions.error(tagOffset, (nothing ? "missing value after operator '"
                    : "expected a quoted value, a number or [[Field]] after operator '") + operator.symbol + "'");
        }
        return new Comparison(left, operator, right);
    }

    private Operator operator(SourceCursor cursor, int tagOffset) throws TemplateSyntaxException {
        var symbol = new StringBuilder(2);
        int beforeLast = cursor.pos();
        while (Operator.isSymbolChar(cursor.peek())) {
            beforeLast = cursor.pos();
            symbol.append((char) cursor.peek());
            cursor.next();
        }
        if (symbol.length() == 0) {
            throw positions.error(tagOffset, "missing operator (=, <>, *, !*, #?, ?#, >, <, >=, <=)");
        }
        Operator operator = Operator.ofSymbol(symbol.toString());
        if (operator == null && symbol.charAt(symbol.length() - 1) == '>' && !valueFollows(cursor)) {
            // "[[A]] <>>" is an operator whose value is missing, not an operator "<>>": give the '>' back to the tag.
            operator = Operator.ofSymbol(symbol.substring(0, symbol.length() - 1));
            if (operator != null) {
                cursor.moveTo(beforeLast);
            }
        }
        if (operator == null) {
            throw positions.error(tagOffset, "unknown operator '" + symbol + "'");
        }
        return operator;
    }

    private static boolean valueFollows(SourceCursor cursor) {
        int start = cursor.pos();
        cursor.skipSpace();
        int c = cursor.peek();
        cursor.moveTo(start);
        return c == '"' || c == '\'' || c == '[' || startsNumber(c);
    }

    /** A [[field]], a "quoted" (or 'quoted') value or a bare number; null when none starts here. */
    private Operand operand(SourceCursor cursor, int tagOffset) throws TemplateSyntaxException {
        int start = cursor.pos();
        int c = cursor.peek();
        if (c == '[') {
            return field(cursor, start, tagOffset);
        }
        if (startsNumber(c)) {
            return number(cursor);
        }
        if (c != '"' && c != '\'') {
            return null;
        }
        cursor.next();
        var value = new StringBuilder();
        // A value never spans lines, so a forgotten quote is caught at this tag, not pages later.
        for (int v = cursor.peek(); v != c; v = cursor.peek()) {
            if (v == SourceCursor.END || v == '\n' || v == '\r') {
                throw positions.error(tagOffset, "missing closing quote");
            }
            value.append((char) v);
            cursor.next();
        }
        cursor.next();
        return Operand.Constant.of(value.toString());
    }

    private static boolean startsNumber(int c) {
        return c >= '0' && c <= '9' || c == '-' || c == '+' || c == '.';
    }

    /**
     * A number typed without quotes, as MaxBulk users do ({@code [[Score]] >= 10}, {@code -2.5}): the same constant
     * as the quoted one. Null when the characters are not a whole number (e.g. "10abc" or a lone "-"), so the caller
     * reports the value as missing or malformed.
     */
    private static Operand number(SourceCursor cursor) {
        int start = cursor.pos();
        var text = new StringBuilder();
        for (int c = cursor.peek(); startsNumber(c); c = cursor.peek()) {
            text.append((char) c);
            cursor.next();
        }
        int after = cursor.peek();
        boolean delimited = after == SourceCursor.END || after == '>' || after == '<' || Character.isWhitespace(after)
                || Character.isSpaceChar(after);
        Operand.Constant constant = Operand.Constant.of(text.toString());
        if (!delimited || Double.isNaN(constant.parsed())) {
            cursor.moveTo(start);
            return null;
        }
        return constant;
    }

    private Operand field(SourceCursor cursor, int start, int tagOffset) throws TemplateSyntaxException {
        if (!cursor.match("[[")) {
            throw positions.error(tagOffset, "a field in a condition takes double brackets: [[Field]]");
        }
        var raw = new StringBuilder();
        while (!cursor.match("]]")) {
            int c = cursor.peek();
            if (c == SourceCursor.END || c == '\n' || c == '\r' || c == '[' || c == '>') {
                throw positions.error(tagOffset, "field name is not closed by ]]");
            }
            raw.append((char) c);
            cursor.next();
        }
        String name = FieldNames.normalize(raw.toString());
        if (!FieldNames.isValid(name)) {
            throw positions.error(tagOffset, "invalid field name \"" + raw + "\"");
        }
        String field = alias(name);
        references.add(field, start, false);
        return new Operand.Field(field);
    }

    /** "E-mail" is how many lists and MaxBulk users spell the address field; it reads the address like [[Email]]. */
    private static String alias(String normalizedName) {
        return normalizedName.equals("e-mail") ? "email" : normalizedName;
    }

    /** Consumes "<AND>" or "<OR>" (any case, spaces allowed before '>'), or leaves the cursor where it was. */
    private static boolean connective(SourceCursor cursor, String word) {
        int start = cursor.pos();
        if (cursor.match("<") && cursor.match(word) && cursor.atWordEnd()) {
            cursor.skipSpace();
            if (cursor.match(">")) {
                return true;
            }
        }
        cursor.moveTo(start);
        return false;
    }

    /** Whether a bare AND or OR (without angle brackets) is next; the cursor stays. */
    private static boolean bareConnective(SourceCursor cursor) {
        int start = cursor.pos();
        boolean bare = cursor.match("AND") && cursor.atWordEnd() || cursor.at(start).match("OR") && cursor.atWordEnd();
        cursor.moveTo(start);
        return bare;
    }
}
