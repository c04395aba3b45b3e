package org.broadside.compose;

import org.broadside.merge.Severity;

/**
 * One finding of the pre-send check. line and column are 1-based, 0 when the finding is not about a position.
 * {@code code} says what it is about and {@code about} names the thing concerned (an account, a list, a domain;
 * null when none), so a caller can word it anew without reading {@code message}, the command line's text.
 */
public record CheckLine(Severity severity, String part, int line, int column, String message, CheckCode code, String about) {
    public CheckLine {
        if (code == null) code = CheckCode.OTHER;
    }

    public CheckLine(Severity severity, String part, int line, int column, String message) {
        this(severity, part, line, column, message, CheckCode.OTHER, null);
    }

    @Override
    public String toString() {
        String where = line > 0 ? part + " " + line + ":" + column : part;
        return severity.name().toLowerCase() + "  " + where + "  " + message;
    }
}
