package org.broadside.contacts.imports;

/** An import that would give the list more fields than {@link ImportLimits#maxColumns()}; refused before any write. */
public final class TooManyColumnsException extends ImportException {
    private final int columns;
    private final int limit;

    public TooManyColumnsException(int columns, int limit) {
        super(String.format("The source has %,d columns to import, and an import takes at most %,d (each becomes a field"
                + " of the list). Choose the columns to import, or raise the maximum number of columns.", columns, limit));
        this.columns = columns;
        this.limit = limit;
    }

    public int columns() { return columns; }

    public int limit() { return limit; }
}
