package org.broadside.merge;

/**
 * The comparison operators of MaxBulk conditions. Ordering operators compare numbers when both sides are
 * numbers. Text comparisons ignore case, as MaxBulk does: a list holding "m" or "M" for gender is common,
 * and users write one condition for both.
 */
public enum Operator {
    EQUALS("=", true) {
        @Override boolean text(String left, String right) { return left.equalsIgnoreCase(right); }
        @Override boolean number(int cmp) { return cmp == 0; }
    },
    NOT_EQUALS("<>", true) {
        @Override boolean text(String left, String right) { return !left.equalsIgnoreCase(right); }
        @Override boolean number(int cmp) { return cmp != 0; }
    },
    CONTAINS("*", false) {
        @Override boolean text(String left, String right) { return indexOfIgnoreCase(left, right) >= 0; }
    },
    NOT_CONTAINS("!*", false) {
        @Override boolean text(String left, String right) { return indexOfIgnoreCase(left, right) < 0; }
    },
    STARTS_WITH("#?", false) {
        @Override boolean text(String left, String right) { return left.regionMatches(true, 0, right, 0, right.length()); }
    },
    ENDS_WITH("?#", false) {
        @Override boolean text(String left, String right) {
            return left.regionMatches(true, left.length() - right.length(), right, 0, right.length());
        }
    },
    GREATER(">", true) {
        @Override boolean text(String left, String right) { return left.compareToIgnoreCase(right) > 0; }
        @Override boolean number(int cmp) { return cmp > 0; }
    },
    LESS("<", true) {
        @Override boolean text(String left, String right) { return left.compareToIgnoreCase(right) < 0; }
        @Override boolean number(int cmp) { return cmp < 0; }
    },
    GREATER_OR_EQUAL(">=", true) {
        @Override boolean text(String left, String right) { return left.compareToIgnoreCase(right) >= 0; }
        @Override boolean number(int cmp) { return cmp >= 0; }
    },
    LESS_OR_EQUAL("<=", true) {
        @Override boolean text(String left, String right) { return left.compareToIgnoreCase(right) <= 0; }
        @Override boolean number(int cmp) { return cmp <= 0; }
    };

    final String symbol;
    /** Whether two numbers are compared as numbers ("18" = "18.0"); contains/starts/ends are always text. */
    final boolean numeric;

    Operator(String symbol, boolean numeric) {
        this.symbol = symbol;
        this.numeric = numeric;
    }

    /** The operator as written: "=", "<>", "*"... */
    public String symbol() {
        return symbol;
    }

    /** Whether two numbers are compared as numbers ("18" = "18.0"); contains/starts/ends are always text. */
    public boolean numeric() {
        return numeric;
    }

    /** Whether "left operator right" holds for two texts, numbers compared as numbers where the operator orders. */
    public boolean holds(String left, String right) {
        return holds(left, Numbers.parse(left), right, Numbers.parse(right));
    }

    /** As {@link #holds(String, String)}, with the numbers of the texts (NaN for "not a number") already read. */
    boolean holds(String left, double leftNumber, String right, double rightNumber) {
        if (numeric && !Double.isNaN(leftNumber) && !Double.isNaN(rightNumber)) {
            // Not Double.compare: it orders -0.0 before 0.0, and "-0" = "0" should hold, as it does in SQL.
            return number(leftNumber < rightNumber ? -1 : leftNumber > rightNumber ? 1 : 0);
        }
        return text(left, right);
    }

    abstract boolean text(String left, String right);

    boolean number(int cmp) {
        throw new IllegalStateException(symbol + " compares text only");
    }

    /** The operator written as symbol, or null. */
    public static Operator ofSymbol(String symbol) {
        for (Operator op : values()) {
            if (op.symbol.equals(symbol)) {
                return op;
            }
        }
        return null;
    }

    static boolean isSymbolChar(int c) {
        return c == '=' || c == '<' || c == '>' || c == '!' || c == '*' || c == '#' || c == '?';
    }

    private static int indexOfIgnoreCase(String haystack, String needle) {
        for (int i = 0; i + needle.length() <= haystack.length(); i++) {
            if (haystack.regionMatches(true, i, needle, 0, needle.length())) {
                return i;
            }
        }
        return -1;
    }
}
