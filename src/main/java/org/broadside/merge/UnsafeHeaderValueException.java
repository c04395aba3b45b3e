package org.broadside.merge;

/** A value that would break a header (line break, NUL, control character); the engine skips that recipient. */
public final class UnsafeHeaderValueException extends RuntimeException {
    private final String field;
    private final String reason;

    public UnsafeHeaderValueException(String field, String reason) {
        super("field \"" + field + "\" " + reason);
        this.field = field;
        this.reason = reason;
    }

    /** The normalized field name whose value (or fallback) was refused. */
    public String field() {
        return field;
    }

    /** For example "contains a line feed". */
    public String reason() {
        return reason;
    }
}
