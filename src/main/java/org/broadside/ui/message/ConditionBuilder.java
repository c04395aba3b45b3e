package org.broadside.ui.message;

import java.util.List;

/** Builds the MaxBulk {@code <IF>} statement the "Insert condition" dialog describes. */
public final class ConditionBuilder {
    /** The operators in the order the dialog offers them, with the words it shows. */
    public enum Op {
        EQUALS("=", "is"), NOT_EQUALS("<>", "is not"), CONTAINS("*", "contains"), NOT_CONTAINS("!*", "does not contain"),
        STARTS("#?", "starts with"), ENDS("?#", "ends with"), GREATER(">", "is greater than"), LESS("<", "is less than"),
        AT_LEAST(">=", "is at least"), AT_MOST("<=", "is at most");

        public final String symbol;
        public final String words;

        Op(String symbol, String words) {
            this.symbol = symbol;
            this.words = words;
        }

        @Override
        public String toString() { return words + "  (" + symbol + ")"; }
    }

    private ConditionBuilder() {}

    /** One statement; the else part is left out when empty. Quotes in the value are doubled away. */
    public static String build(String field, Op op, String value, String then, String otherwise) {
        String v = value == null ? "" : value.replace("\"", "'");
        StringBuilder sb = new StringBuilder("<IF [[").append(field).append("]] ").append(op.symbol)
                .append(" \"").append(v).append("\">").append(then == null ? "" : then);
        if (otherwise != null && !otherwise.isEmpty()) sb.append("<ELSE>").append(otherwise);
        return sb.append("</IF>").toString();
    }

    public static List<Op> operators() { return List.of(Op.values()); }
}
