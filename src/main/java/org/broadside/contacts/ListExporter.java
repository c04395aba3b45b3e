package org.broadside.contacts;

import org.broadside.merge.Condition;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a list to CSV (UTF-8 with BOM so Excel reads accents right). Values that a spreadsheet would run as a
 * formula (starting with = + - @ tab or CR) get a leading apostrophe, so an exported list cannot attack whoever opens it.
 * The file is written beside the target and moved into place, so a failure never leaves half a file.
 */
public final class ListExporter {
    private final ContactRepository contacts;

    public ListExporter(ContactRepository contacts) {
        this.contacts = contacts;
    }

    /** Exports the contacts passing the filter (a merge-language condition, null for all); returns how many were written. */
    public long export(ContactList list, Condition filter, Path file) {
        Path target = file.toAbsolutePath();
        Path temp = target.resolveSibling(target.getFileName() + ".part");
        long[] count = {0};
        try {
            try (BufferedWriter w = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                w.write('\uFEFF');
                List<String> header = new ArrayList<>();
                header.add("Email");
                header.addAll(list.fields());
                writeRow(w, header);
                contacts.forEach(list.id(), filter, contact -> {
                    List<String> row = new ArrayList<>();
                    row.add(contact.email());
                    for (String f : list.fields()) row.add(contact.fields().getOrDefault(f, ""));
                    try {
                        writeRow(w, row);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    count[0]++;
                });
            }
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return count[0];
        } catch (IOException | UncheckedIOException e) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // The original error is the one to report.
            }
            IOException cause = e instanceof UncheckedIOException u ? u.getCause() : (IOException) e;
            throw new UncheckedIOException("Cannot write " + target + ": " + cause.getMessage(), cause);
        }
    }

    private static void writeRow(BufferedWriter w, List<String> values) throws IOException {
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) w.write(',');
            w.write(quote(neutralize(values.get(i) == null ? "" : values.get(i))));
        }
        w.write("\r\n");
    }

    /** Prefixes an apostrophe to text a spreadsheet would evaluate (OWASP CSV injection advice). */
    public static String neutralize(String value) {
        if (value.isEmpty()) return value;
        char c = value.charAt(0);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' ? "'" + value : value;
    }

    /** Quotes a CSV cell when it holds a separator, a quote or a line break. */
    public static String quote(String value) {
        boolean needs = false;
        for (int i = 0; i < value.length() && !needs; i++) {
            char c = value.charAt(i);
            needs = c == ',' || c == '"' || c == '\n' || c == '\r' || c == ';';
        }
        return needs ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }
}
