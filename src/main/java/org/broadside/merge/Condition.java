package org.broadside.merge;

/**
 * A condition in disjunctive form: OR of AND-groups. MaxBulk has no parentheses and AND binds tighter than OR,
 * so "a AND b OR c" is the groups [a, b] and [c].
 */
final class Condition {
    private final Comparison[][] anyOf;

    Condition(Comparison[][] anyOf) {
        this.anyOf = anyOf;
    }

    boolean test(FieldLookup fields) {
        for (Comparison[] allOf : anyOf) {
            if (allHold(allOf, fields)) {
                return true;
            }
        }
        return false;
    }

    private static boolean allHold(Comparison[] allOf, FieldLookup fields) {
        for (Comparison comparison : allOf) {
            if (!comparison.test(fields)) {
                return false;
            }
        }
        return true;
    }
}
