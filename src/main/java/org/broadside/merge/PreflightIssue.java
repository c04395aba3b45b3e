package org.broadside.merge;

/**
 * One finding of the preflight, located in a message part (line and column are 1-based, 0 when not tied to a place).
 * Callers decide by {@link #kind()}, never by the wording of the message.
 */
public record PreflightIssue(Severity severity, String part, int line, int column, String message, Kind kind) {

    /** What the finding is about. */
    public enum Kind {
        /** The template cannot be compiled: an unclosed IF, a bad field name in a condition... */
        SYNTAX,
        /** A field that is neither a column of the list nor a built-in. */
        UNKNOWN_FIELD,
        /** Recipients who would get an empty text where a field is written. */
        MISSING_VALUE,
        /** Recipients whose value cannot go into a header; they are skipped at send time. */
        UNSAFE_HEADER
    }
}
