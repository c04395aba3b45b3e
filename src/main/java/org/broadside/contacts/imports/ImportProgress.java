package org.broadside.contacts.imports;

/** Told how many rows an import has read so far; called on the importing thread, so return quickly. */
@FunctionalInterface
public interface ImportProgress {
    ImportProgress NONE = rows -> {};

    void rowsRead(long rows);
}
