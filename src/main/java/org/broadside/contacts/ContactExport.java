package org.broadside.contacts;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes a list's contacts to a CSV or Excel file: chosen fields in the chosen order, optionally only the contacts a
 * search shows (the list manager's search: case and accents ignored). Contacts are read in batches and written as
 * they come, so a million contacts never sit in memory; the file appears under its name only once complete.
 */
public final class ContactExport {
    /** CSV (UTF-8 with a byte-order mark, so Excel reads accents right) or an Excel workbook. */
    public enum Format {
        CSV("csv"), XLSX("xlsx");

        private final String extension;

        Format(String extension) { this.extension = extension; }

        public String extension() { return extension; }
    }

    /**
     * What to export. {@code fields} are column names in order; "Email" is the address, the others list fields.
     * {@code search} empty and {@code filter} null export every contact.
     */
    public record Request(ContactList list, List<String> fields, String search, org.broadside.merge.Condition filter, Format format) {
        public Request {
            fields = List.copyOf(fields);
            search = search == null ? "" : search.strip();
            if (fields.isEmpty()) throw new IllegalArgumentException("Choose at least one field to export.");
        }

        public Request(ContactList list, List<String> fields, String search, Format format) {
            this(list, fields, search, null, format);
        }
    }

    /** How many contacts were written, and whether the user stopped the export (then no file was written). */
    public record Result(long written, boolean cancelled) {}

    /** Rows an Excel sheet holds, header included; more contacts continue on a next sheet. */
    static final int SHEET_ROWS = 1_048_576;
    private final ContactRepository contacts;

    public ContactExport(ContactRepository contacts) {
        this.contacts = contacts;
    }

    public Result write(Request request, Path file, ListTaskMonitor monitor) {
        Path target = file.toAbsolutePath();
        Path temp = target.resolveSibling(target.getFileName() + ".part");
        String needle = request.search().isEmpty() ? null : AccentFoldingSearch.fold(request.search());
        long total = contacts.count(request.list().id());
        try {
            long[] written = {0};
            ContactRepository.Walk walk;
            try (RowSink sink = request.format() == Format.CSV ? new CsvSink(temp) : new XlsxSink(temp)) {
                sink.row(request.fields());
                walk = contacts.forEachStoppable(request.list().id(), total, monitor, c -> {
                    if (needle != null && !matches(c, needle)) return;
                    // In memory with the meaning the list manager's SQL gives it (ConditionSqlTest holds them equal).
                    if (request.filter() != null && !request.filter().test(ContactLookup.of(c))) return;
                    List<String> row = new ArrayList<>(request.fields().size());
                    for (String f : request.fields()) row.add(isEmail(f) ? c.email() : c.fields().getOrDefault(f, ""));
                    try {
                        sink.row(row);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    written[0]++;
                });
            }
            if (walk.cancelled()) {
                Files.deleteIfExists(temp);
                return new Result(written[0], true);
            }
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return new Result(written[0], false);
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

    /** The list manager's search, in Java: the address or the stored fields contain the text, accents ignored. */
    static boolean matches(Contact c, String foldedNeedle) {
        return AccentFoldingSearch.fold(c.email()).contains(foldedNeedle)
                || AccentFoldingSearch.fold(FieldsJson.write(c.fields())).contains(foldedNeedle);
    }

    private static boolean isEmail(String field) {
        return field.toLowerCase(Locale.ROOT).equals("email");
    }

    private interface RowSink extends AutoCloseable {
        void row(List<String> values) throws IOException;

        @Override
        void close() throws IOException;
    }

    private static final class CsvSink implements RowSink {
        private final BufferedWriter w;

        CsvSink(Path file) throws IOException {
            w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
            w.write('\uFEFF');
        }

        @Override
        public void row(List<String> values) throws IOException {
            for (int i = 0; i < values.size(); i++) {
                if (i > 0) w.write(',');
                w.write(ListExporter.quote(ListExporter.neutralize(values.get(i) == null ? "" : values.get(i))));
            }
            w.write("\r\n");
        }

        @Override
        public void close() throws IOException { w.close(); }
    }

    /** Cells are written as text: an address or a postcode must not become a formula or a number. */
    private static final class XlsxSink implements RowSink {
        private final OutputStream out;
        private final Workbook workbook;
        private Worksheet sheet;
        private List<String> header;
        private int sheets;
        private int row;

        XlsxSink(Path file) throws IOException {
            out = Files.newOutputStream(file);
            workbook = new Workbook(out, "Broadside", "1.0");
        }

        @Override
        public void row(List<String> values) throws IOException {
            if (header == null) {
                header = List.copyOf(values);
                startSheet();
                return;
            }
            if (row == SHEET_ROWS) {
                sheet.finish();
                startSheet();
            }
            write(values);
        }

        private void startSheet() throws IOException {
            sheet = workbook.newWorksheet(++sheets == 1 ? "Contacts" : "Contacts " + sheets);
            row = 0;
            for (int c = 0; c < header.size(); c++) sheet.style(0, c).bold().set();
            write(header);
            sheet.freezePane(0, 1);
        }

        private void write(List<String> values) throws IOException {
            for (int c = 0; c < values.size(); c++) {
                String v = values.get(c);
                if (v != null && !v.isEmpty()) sheet.value(row, c, v);
            }
            row++;
            // Rows are kept until flushed: a flush every thousand keeps memory flat at any list size.
            if (row % 1000 == 0) sheet.flush();
        }

        @Override
        public void close() throws IOException {
            try {
                workbook.finish();
            } finally {
                out.close();
            }
        }
    }
}
