package org.broadside.merge;

/** One piece of a compiled template; rendering walks the tree without re-parsing anything. */
interface Node {
    void render(FieldLookup fields, ValueWriter writer, StringBuilder out);

    /**
     * Hands every field this recipient's rendering would write to visitor, following the same branches as
     * {@link #render}: a field inside a condition that is false for the recipient is not visited.
     */
    default void visitRendered(FieldLookup fields, java.util.function.Consumer<Field> visitor) {}

    /** {@link #render} into a sink that keeps literal text apart from merged values. */
    default void renderSpans(FieldLookup fields, ValueWriter writer, SpanSink sink) {
        render(fields, writer, sink.merged());
    }

    /** Hands every literal text of this node and the nodes inside it, in every branch, to consumer. */
    default void collectLiterals(java.util.function.Consumer<String> consumer) {}

    /** Literal text, copied as written. */
    record Text(String text) implements Node {
        @Override
        public void render(FieldLookup fields, ValueWriter writer, StringBuilder out) {
            out.append(text);
        }

        @Override
        public void renderSpans(FieldLookup fields, ValueWriter writer, SpanSink sink) {
            sink.literal(text);
        }

        @Override
        public void collectLiterals(java.util.function.Consumer<String> consumer) {
            consumer.accept(text);
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

        @Override
        public void visitRendered(FieldLookup fields, java.util.function.Consumer<Field> visitor) {
            visitor.accept(this);
        }

        /** True when the recipient would get no text here: the value is blank and there is no fallback. */
        boolean rendersEmpty(FieldLookup fields) {
            String value = fields.value(name);
            return (value == null || value.isBlank()) && fallback.isBlank();
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

        @Override
        public void renderSpans(FieldLookup fields, ValueWriter writer, SpanSink sink) {
            for (int i = 0; i < conditions.length; i++) {
                if (conditions[i].test(fields)) {
                    renderSpansAll(bodies[i], fields, writer, sink);
                    return;
                }
            }
            renderSpansAll(otherwise, fields, writer, sink);
        }

        @Override
        public void collectLiterals(java.util.function.Consumer<String> consumer) {
            for (Node[] body : bodies) {
                for (Node node : body) {
                    node.collectLiterals(consumer);
                }
            }
            for (Node node : otherwise) {
                node.collectLiterals(consumer);
            }
        }

        @Override
        public void visitRendered(FieldLookup fields, java.util.function.Consumer<Field> visitor) {
            for (int i = 0; i < conditions.length; i++) {
                if (conditions[i].test(fields)) {
                    visitAll(bodies[i], fields, visitor);
                    return;
                }
            }
            visitAll(otherwise, fields, visitor);
        }
    }

    static void visitAll(Node[] nodes, FieldLookup fields, java.util.function.Consumer<Field> visitor) {
        for (Node node : nodes) {
            node.visitRendered(fields, visitor);
        }
    }

    static void renderSpansAll(Node[] nodes, FieldLookup fields, ValueWriter writer, SpanSink sink) {
        for (Node node : nodes) {
            node.renderSpans(fields, writer, sink);
        }
    }

    static void renderAll(Node[] nodes, FieldLookup fields, ValueWriter writer, StringBuilder out) {
        for (Node node : nodes) {
            node.render(fields, writer, out);
        }
    }
}
