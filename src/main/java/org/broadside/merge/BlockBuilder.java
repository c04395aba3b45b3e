package org.broadside.merge;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** Assembles parsed pieces into the node tree and enforces IF/ELSEIF/ELSE/ENDIF balance. */
final class BlockBuilder {
    private final TextPositions positions;
    private final Deque<OpenIf> open = new ArrayDeque<>();
    private final List<Node> root = new ArrayList<>();
    private final StringBuilder pendingText = new StringBuilder();

    BlockBuilder(TextPositions positions) {
        this.positions = positions;
    }

    void text(CharSequence text) {
        pendingText.append(text);
    }

    void text(char c) {
        pendingText.append(c);
    }

    void field(String name, String fallback) {
        add(new Node.Field(name, fallback));
    }

    void openIf(int offset, Condition condition) {
        flushText();
        open.push(new OpenIf(offset, condition));
    }

    void elseIf(int offset, Condition condition) throws TemplateSyntaxException {
        OpenIf current = current(offset, "<ELSEIF without an open <IF");
        if (current.elseOffset >= 0) {
            throw positions.error(offset, "<ELSEIF after <ELSE> in the same <IF");
        }
        flushText();
        current.startBranch(condition);
    }

    void otherwise(int offset) throws TemplateSyntaxException {
        OpenIf current = current(offset, "<ELSE> without an open <IF");
        if (current.elseOffset >= 0) {
            throw positions.error(offset, "second <ELSE> in the same <IF");
        }
        flushText();
        current.startElse(offset);
    }

    void endIf(int offset) throws TemplateSyntaxException {
        OpenIf current = current(offset, "</IF> without an open <IF");
        flushText();
        open.pop();
        add(current.build());
    }

    Node[] finish() throws TemplateSyntaxException {
        if (!open.isEmpty()) {
            throw positions.error(open.peek().offset, "<IF is never closed by </IF>");
        }
        flushText();
        return root.toArray(Node[]::new);
    }

    private OpenIf current(int offset, String problemWhenNone) throws TemplateSyntaxException {
        if (open.isEmpty()) {
            throw positions.error(offset, problemWhenNone);
        }
        return open.peek();
    }

    private void add(Node node) {
        flushText();
        (open.isEmpty() ? root : open.peek().body).add(node);
    }

    private void flushText() {
        if (pendingText.length() > 0) {
            // Direct add: calling add() here would recurse into flushText.
            (open.isEmpty() ? root : open.peek().body).add(new Node.Text(pendingText.toString()));
            pendingText.setLength(0);
        }
    }

    /** An IF whose </IF> has not been seen yet; body is the branch currently being filled. */
    private static final class OpenIf {
        final int offset;
        final List<Condition> conditions = new ArrayList<>();
        final List<Node[]> bodies = new ArrayList<>();
        List<Node> body = new ArrayList<>();
        int elseOffset = -1;

        OpenIf(int offset, Condition condition) {
            this.offset = offset;
            conditions.add(condition);
        }

        void startBranch(Condition condition) {
            bodies.add(body.toArray(Node[]::new));
            conditions.add(condition);
            body = new ArrayList<>();
        }

        void startElse(int offset) {
            bodies.add(body.toArray(Node[]::new));
            elseOffset = offset;
            body = new ArrayList<>();
        }

        Node build() {
            Node[] otherwise = new Node[0];
            if (elseOffset >= 0) {
                otherwise = body.toArray(Node[]::new);
            } else {
                bodies.add(body.toArray(Node[]::new));
            }
            return new Node.Conditional(conditions.toArray(Condition[]::new), bodies.toArray(Node[][]::new), otherwise);
        }
    }
}
