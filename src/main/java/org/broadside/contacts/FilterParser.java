package org.broadside.contacts;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Reads a filter expression: comparisons joined by {@code <AND>} and {@code <OR>} (also bare AND / OR), no parentheses. */
final class FilterParser {
    private final String text;
    private final List<String> listFields;
    private int pos;

    FilterParser(String text, List<String> listFields) {
        this.text = text;
        this.listFields = listFields;
    }

    ContactFilter parse() {
        List<List<Comparison>> anyOf = new ArrayList<>();
        List<Comparison> all = new ArrayList<>();
        all.add(comparison());
        while (true) {
            skipSpaces();
            if (pos >= text.length()) break;
            String joiner = joiner();
            if (joiner == null) throw error("expected <AND> or <OR>");
            if (joiner.equals("OR")) {
                anyOf.add(all);
                all = new ArrayList<>();
            }
            all.add(comparison());
        }
        anyOf.add(all);
        return ContactFilter.of(anyOf);
    }

    private Comparison comparison() {
        FilterOperand left = operand();
        skipSpaces();
        FilterOperator op = operator();
        if (op == null) throw error("expected an operator (= <> * !* #? ?# > < >= <=)");
        FilterOperand right = operand();
        return new Comparison(left, op, right);
    }

    private String joiner() {
        for (String j : List.of("<AND>", "<OR>", "AND ", "OR ")) {
            if (text.regionMatches(true, pos, j, 0, j.length())) {
                pos += j.length();
                return j.replaceAll("[<> ]", "").toUpperCase(Locale.ROOT);
            }
        }
        return null;
    }

    private FilterOperator operator() {
        for (FilterOperator op : FilterOperator.values()) {
            if (text.startsWith(op.symbol, pos)) {
                pos += op.symbol.length();
                return op;
            }
        }
        return null;
    }

    private FilterOperand operand() {
        skipSpaces();
        if (pos >= text.length()) throw error("expected a field or a value");
        char c = text.charAt(pos);
        if (c == '[') return field();
        if (c == '"' || c == '\u201C') return quoted();
        int start = pos;
        while (pos < text.length() && !Character.isWhitespace(text.charAt(pos)) && operatorAt(pos) == null
                && text.charAt(pos) != '<') pos++;
        if (pos == start) throw error("expected a field or a value");
        return new FilterOperand.Literal(text.substring(start, pos));
    }

    private FilterOperator operatorAt(int at) {
        for (FilterOperator op : FilterOperator.values()) if (text.startsWith(op.symbol, at)) return op;
        return null;
    }

    private FilterOperand field() {
        boolean doubled = text.startsWith("[[", pos);
        String close = doubled ? "]]" : "]";
        int start = pos + (doubled ? 2 : 1);
        int end = text.indexOf(close, start);
        if (end < 0) throw error("a field name is not closed with " + close);
        String name = text.substring(start, end).strip();
        pos = end + close.length();
        if (name.equalsIgnoreCase("email") || name.equalsIgnoreCase("e-mail")) return new FilterOperand.Field("Email");
        for (String f : listFields) {
            if (f.equalsIgnoreCase(name)) return new FilterOperand.Field(f);
        }
        throw new FilterSyntaxException("The filter uses the field [" + name + "], which this list does not have"
                + (listFields.isEmpty() ? "." : " (its fields are Email, " + String.join(", ", listFields) + ")."));
    }

    private FilterOperand quoted() {
        char open = text.charAt(pos);
        char close = open == '"' ? '"' : '\u201D';
        StringBuilder sb = new StringBuilder();
        pos++;
        while (pos < text.length()) {
            char c = text.charAt(pos++);
            if (c == '\\' && pos < text.length()) {
                sb.append(text.charAt(pos++));
            } else if (c == close) {
                if (close == '"' && pos < text.length() && text.charAt(pos) == '"') {
                    sb.append('"');
                    pos++;
                } else {
                    return new FilterOperand.Literal(sb.toString());
                }
            } else {
                sb.append(c);
            }
        }
        throw error("a quoted value is not closed");
    }

    private void skipSpaces() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) pos++;
    }

    private FilterSyntaxException error(String what) {
        return new FilterSyntaxException("The filter is not valid at character " + (pos + 1) + ": " + what + ".");
    }
}
