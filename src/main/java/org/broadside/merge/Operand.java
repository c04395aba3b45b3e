package org.broadside.merge;

/** One side of a comparison: a constant (quoted or a bare number) or a [[field]]. Constants parse their number once. */
public sealed interface Operand {
    /** The text compared: the constant, or the recipient's value of the field ("" when it has none). */
    String text(FieldLookup fields);

    /** The number in text (as returned by {@link #text}), or NaN. */
    double number(String text);

    /** A constant: its number is known before any recipient is seen. */
    record Constant(String value, double parsed) implements Operand {
        static Constant of(String value) {
            return new Constant(value, Numbers.parse(value));
        }

        @Override
        public String text(FieldLookup fields) {
            return value;
        }

        @Override
        public double number(String text) {
            return parsed;
        }
    }

    /** A field, by its normalized name; a missing field compares as empty text. */
    record Field(String name) implements Operand {
        @Override
        public String text(FieldLookup fields) {
            String value = fields.value(name);
            return value == null ? "" : value;
        }

        @Override
        public double number(String text) {
            return Numbers.parse(text);
        }
    }
}
