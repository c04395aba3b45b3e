package org.broadside.contacts.imports;

import java.nio.charset.Charset;

/**
 * How a delimited text file is written. Detected from its first bytes unless the user says otherwise.
 *
 * @param bomLength bytes of byte-order mark to skip
 */
public record CsvDialect(Charset charset, int bomLength, char delimiter, boolean header) {
    public String describe() {
        String d = switch (delimiter) {
            case '\t' -> "tab";
            case ',' -> "comma";
            case ';' -> "semicolon";
            case '|' -> "vertical bar";
            default -> "'" + delimiter + "'";
        };
        return charset.name() + (bomLength > 0 ? " with BOM" : "") + ", " + d + "-separated, "
                + (header ? "first line is the header" : "no header line");
    }
}
