package org.broadside.contacts;

/** The comparison operators of the merge language, longest symbols first so the tokenizer is greedy. */
enum FilterOperator {
    NOT_CONTAINS("!*"), STARTS_WITH("#?"), ENDS_WITH("?#"), NOT_EQUAL("<>"), GREATER_OR_EQUAL(">="),
    LESS_OR_EQUAL("<="), EQUAL("="), CONTAINS("*"), GREATER(">"), LESS("<");

    final String symbol;

    FilterOperator(String symbol) {
        this.symbol = symbol;
    }

    /** Whether numbers on both sides are compared as numbers (containment is always textual). */
    boolean numericCapable() {
        return switch (this) {
            case EQUAL, NOT_EQUAL, GREATER, LESS, GREATER_OR_EQUAL, LESS_OR_EQUAL -> true;
            default -> false;
        };
    }

    String sqlComparator() {
        return switch (this) {
            case EQUAL -> "=";
            case NOT_EQUAL -> "<>";
            case GREATER -> ">";
            case LESS -> "<";
            case GREATER_OR_EQUAL -> ">=";
            case LESS_OR_EQUAL -> "<=";
            default -> throw new IllegalStateException(name());
        };
    }

    boolean holds(int comparison) {
        return switch (this) {
            case EQUAL -> comparison == 0;
            case NOT_EQUAL -> comparison != 0;
            case GREATER -> comparison > 0;
            case LESS -> comparison < 0;
            case GREATER_OR_EQUAL -> comparison >= 0;
            case LESS_OR_EQUAL -> comparison <= 0;
            default -> throw new IllegalStateException(name());
        };
    }
}
