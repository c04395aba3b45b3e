package org.broadside.merge;

import java.util.List;
import java.util.Set;

/**
 * A template compiled once per campaign and rendered once per recipient, without re-parsing.
 * Immutable and safe to share between sending threads.
 */
public final class Template {
    private final Node[] nodes;
    private final TemplateMode mode;
    private final ValueWriter writer;
    private final Set<String> referencedFields;
    private final List<FieldReference> fieldReferences;
    private final Set<String> fieldsNeedingAValue;
    private final String constantText;
    private final int sizeHint;

    Template(Node[] nodes, TemplateMode mode, ValueWriter writer, Set<String> referencedFields, List<FieldReference> fieldReferences,
             Set<String> fieldsNeedingAValue) {
        this.nodes = nodes;
        this.mode = mode;
        this.writer = writer;
        this.referencedFields = referencedFields;
        this.fieldReferences = fieldReferences;
        this.fieldsNeedingAValue = fieldsNeedingAValue;
        this.constantText = constantText(nodes);
        this.sizeHint = literalLength(nodes) + 16 * fieldReferences.size();
    }

    /** Parses source; every tag problem is reported here, so a raw tag never reaches a recipient. */
    public static Template compile(String source, TemplateMode mode) throws TemplateSyntaxException {
        return new TemplateParser(source, mode).parse();
    }

    /** The merged text for one recipient. In HEADER mode throws UnsafeHeaderValueException for an unsafe value. */
    public String render(FieldLookup fields) {
        if (constantText != null) {
            return constantText;
        }
        var out = new StringBuilder(sizeHint);
        renderTo(fields, out);
        return out.toString();
    }

    /** Appends the merged text to out, so a sender can reuse one builder for every recipient. */
    public void renderTo(FieldLookup fields, StringBuilder out) {
        Node.renderAll(nodes, fields, writer, out);
    }

    /**
     * Renders in pieces: literal text to {@code sink.literal}, merged values to {@code sink.merged()}; the pieces in
     * order are exactly {@link #render}'s text.
     */
    public void renderSpans(FieldLookup fields, SpanSink sink) {
        Node.renderSpansAll(nodes, fields, writer, sink);
    }

    /** Every literal text of the template, in every branch: the String objects {@link #renderSpans} hands out. */
    public List<String> literals() {
        List<String> out = new java.util.ArrayList<>();
        for (Node node : nodes) {
            node.collectLiterals(out::add);
        }
        return out;
    }

    /** Normalized names of every field used, in fields and in conditions, in order of first use. */
    public Set<String> referencedFields() {
        return referencedFields;
    }

    /** Every use of a field with its position, for pointing the user at it. */
    public List<FieldReference> fieldReferences() {
        return fieldReferences;
    }

    /**
     * Fields used in a condition or as a field without a fallback. A field outside this set is only ever used as
     * [Name|fallback], so a list without that column still renders (every recipient gets the fallback).
     */
    public Set<String> fieldsNeedingAValue() {
        return fieldsNeedingAValue;
    }

    /** Calls visitor for each field this recipient's rendering writes, in the branches its conditions choose. */
    void visitRenderedFields(FieldLookup fields, java.util.function.Consumer<Node.Field> visitor) {
        Node.visitAll(nodes, fields, visitor);
    }

    public TemplateMode mode() {
        return mode;
    }

    /** True when the template has no fields and no conditions, so every recipient gets the same text. */
    public boolean isConstant() {
        return constantText != null;
    }

    private static String constantText(Node[] nodes) {
        if (nodes.length == 0) {
            return "";
        }
        return nodes.length == 1 && nodes[0] instanceof Node.Text ? ((Node.Text) nodes[0]).text() : null;
    }

    private static int literalLength(Node[] nodes) {
        int length = 0;
        for (Node node : nodes) {
            if (node instanceof Node.Text) {
                length += ((Node.Text) node).text().length();
            }
        }
        return length;
    }
}
