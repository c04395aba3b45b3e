package org.broadside.contacts.imports;

import java.util.List;

/**
 * One record read from a source: where it starts (line or row number, 1-based) and its values in column order,
 * or the reason it could not be read (then values is empty and the importer reports it and goes on).
 */
public record SourceRow(long line, List<String> values, String problem) {
    public static SourceRow of(long line, List<String> values) { return new SourceRow(line, values, null); }

    public static SourceRow broken(long line, String problem) { return new SourceRow(line, List.of(), problem); }

    public String value(int column) {
        if (column < 0 || column >= values.size()) return "";
        String v = values.get(column);
        return v == null ? "" : v;
    }
}
