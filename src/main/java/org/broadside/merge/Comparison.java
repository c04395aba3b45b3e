package org.broadside.merge;

/** One test of a condition, such as [[Age]] >= 18. */
public record Comparison(Operand left, Operator operator, Operand right) {
    /** True when the test holds for the recipient; a missing field is the empty text. */
    public boolean test(FieldLookup fields) {
        String l = left.text(fields);
        String r = right.text(fields);
        return operator.holds(l, left.number(l), r, right.number(r));
    }
}
