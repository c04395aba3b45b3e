package org.broadside.merge;

/** One piece of a compiled template; rendering walks the tree without re-parsing anything. */
interface Node {
    void render(FieldLookup fields, ValueWriter writer, StringBuilder out);

    /** Literal text, copied as written. */
    record Text(String text) implements Node {
        @Override
        public void render(FieldLookup fields, ValueWriter writer, StringBuilder out) {
            out.append(text);
        }
    }

    /** [Name] or [Name|fallback]; the fallback is used when the value is missing or blank. */
    record Field(String name, String fallback) implements Node {
        @Override
        public void render(FieldLookup fields, ValueWriter writer, StringBuilder out) {
            String value = fields.value(name);
            if (value == null || value.isBlank()) {
                value = fallback;
            }
            writer.write(name, value, out);
        }
    }

    /** An IF with its ELSEIF branches in order, then the ELSE body (empty when there is no ELSE). */
    record Conditional(Condition[] conditions, Node[][] bodies, Node[] otherwise) implements Node {
        @Override
        public void render(FieldLookup fields, ValueWriter writer, StringBuilder out) {
            for (int i = 0; i < conditions.length; i++) {
                if (conditions[i].test(fields)) {
                    renderAll(bodies[i], fields, writer, out);
                    return;
                }
            }
            renderAll(otherwise, fields, writer, out);
        }
    }

    static void renderAll(Node[] nodes, FieldLookup fields, ValueWriter writer, StringBuilder out) {
        for (Node node : nodes) {
            node.render(fields, writer, out);
        }
    }
}
