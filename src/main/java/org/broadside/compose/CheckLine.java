package org.broadside.compose;

import org.broadside.merge.Severity;

/**
 * One finding of the pre-send check. line and column are 1-based, 0 when the finding is not about a position.
 */
public record CheckLine(Severity severity, String part, int line, int column, String message) {
    @Override
    public String toString() {
        String where = line > 0 ? part + " " + line + ":" + column : part;
        return severity.name().toLowerCase() + "  " + where + "  " + message;
    }
}
