package org.broadside.merge;

/**
 * The comparison operators of MaxBulk conditions. Ordering operators compare numbers when both sides are
 * numbers. Text comparisons ignore case, as MaxBulk does: a list holding "m" or "M" for gender is common,
 * and users write one condition for both.
 */
enum Operator {
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

    abstract boolean text(String left, String right);

    boolean number(int cmp) {
        throw new IllegalStateException(symbol + " compares text only");
    }

    static Operator ofSymbol(String symbol) {
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
