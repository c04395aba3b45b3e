package org.broadside.ui.message;

import org.broadside.merge.Severity;

/** One preflight finding as the Message tab lists it. line/column are 1-based, 0 when not tied to a place. */
public record CheckLine(Severity severity, String part, int line, int column, String message) {
    public String where() {
        return line > 0 ? part + " " + line + ":" + column : part;
    }
}
