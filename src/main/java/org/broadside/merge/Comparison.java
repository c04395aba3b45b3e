package org.broadside.merge;

/** One test of a condition, such as [[Age]] >= "18". */
record Comparison(Operand left, Operator operator, Operand right) {
    boolean test(FieldLookup fields) {
        String l = left.text(fields);
        String r = right.text(fields);
        if (operator.numeric) {
            double a = left.number(l);
            double b = right.number(r);
            if (!Double.isNaN(a) && !Double.isNaN(b)) {
                return operator.number(Double.compare(a, b));
            }
        }
        return operator.text(l, r);
    }
}
