package org.broadside.contacts.imports;

import java.util.List;

/** Where contacts come from: a file or a database query, read one row at a time so size never matters. */
public interface ContactSource extends AutoCloseable {
    /** The column names, in order, unique (a headerless file gets "Column 1", "Column 2"...). */
    List<String> columns();

    /** The next row, or null at the end. Throws {@link ImportException} when reading cannot go on at all. */
    SourceRow next();

    /** "line" for text files, "row" for spreadsheets and databases: the word used in the report. */
    default String unit() { return "line"; }

    @Override
    void close();
}
