package org.broadside.contacts;

/** One side of a comparison: a field of the contact (Email included) or a literal text. */
sealed interface FilterOperand {
    String value(Contact contact);

    /** SQL yielding the operand as text, never NULL; literals are inlined with quotes doubled, so no injection. */
    String sql();

    /** Whether the text is known to be ASCII, which lets the SQL use SQLite's fast lower(). */
    boolean asciiOnly();

    static String quote(String text) {
        return "'" + text.replace("\0", "").replace("'", "''") + "'";
    }

    /** A field; "Email" reads the address column, any other name reads the JSON fields column. */
    record Field(String name) implements FilterOperand {
        boolean isEmail() { return name.equalsIgnoreCase("email"); }

        @Override
        public String value(Contact contact) {
            if (isEmail()) return contact.email();
            for (var e : contact.fields().entrySet()) {
                if (e.getKey().equalsIgnoreCase(name)) return e.getValue() == null ? "" : e.getValue();
            }
            return "";
        }

        @Override
        public String sql() {
            if (isEmail()) return "email";
            if (name.indexOf('"') >= 0 || name.indexOf('\\') >= 0) {
                // A JSON path cannot spell such a key; look it up by exact key instead (slower, but correct).
                return "COALESCE((SELECT value FROM json_each(fields) WHERE key = " + quote(name) + "), '')";
            }
            return "COALESCE(json_extract(fields, " + quote("$.\"" + name + "\"") + "), '')";
        }

        @Override
        public boolean asciiOnly() { return false; }
    }

    /** A quoted or bare literal. */
    record Literal(String text) implements FilterOperand {
        @Override
        public String value(Contact contact) { return text; }

        @Override
        public String sql() {
            return quote(text);
        }

        @Override
        public boolean asciiOnly() { return text.chars().allMatch(ch -> ch < 128); }
    }
}
