package org.broadside.contacts.imports;

import org.broadside.contacts.validation.EmailSyntax;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * CSV, TSV and TXT files: RFC 4180 quoting with multi-line values, read leniently the way spreadsheets write them.
 * A row whose quote never closes is reported at its first line, and reading resumes on the next line.
 */
public final class CsvSource implements ContactSource {
    /** A quoted value longer than this is taken as a stray quote rather than a real multi-line cell. */
    static final int MAX_QUOTED_CHARS = 1_000_000;
    private static final int SAMPLE_BYTES = 1 << 20;

    private final Reader reader;
    private final CsvDialect dialect;
    private final CsvTokenizer tokenizer;
    private final List<String> columns;
    private SourceRow pendingFirst;

    private CsvSource(Reader reader, CsvDialect dialect) {
        this.reader = reader;
        this.dialect = dialect;
        this.tokenizer = new CsvTokenizer(reader, dialect.delimiter(), MAX_QUOTED_CHARS);
        SourceRow first = nextNonBlank();
        if (first == null) {
            columns = List.of();
        } else if (dialect.header()) {
            columns = ColumnNames.unique(first.values());
        } else {
            List<String> names = new ArrayList<>();
            boolean emailNamed = false;
            for (int i = 0; i < first.values().size(); i++) {
                if (!emailNamed && EmailSyntax.isValid(first.value(i).strip())) {
                    names.add("Email");
                    emailNamed = true;
                } else {
                    names.add("");
                }
            }
            columns = ColumnNames.unique(names);
            pendingFirst = first;
        }
    }

    /** Opens the file, detecting what the settings leave null. An empty file is refused. */
    public static CsvSource open(Path file, Character delimiter, Boolean header) {
        try {
            if (Files.size(file) == 0) throw new ImportException("The file " + file.getFileName() + " is empty.");
            byte[] sample = new byte[SAMPLE_BYTES];
            int n;
            try (InputStream in = Files.newInputStream(file)) {
                n = in.readNBytes(sample, 0, sample.length);
            }
            FileContent.Kind kind = FileContent.of(sample, Math.min(n, FileContent.HEAD_BYTES));
            if (kind != FileContent.Kind.TEXT) throw new NotTextFileException(file.getFileName().toString(), kind);
            CsvDialect dialect = CsvDialectDetector.detect(sample, n, delimiter, header);
            InputStream in = Files.newInputStream(file);
            in.skipNBytes(dialect.bomLength());
            var decoder = dialect.charset().newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE);
            CsvSource source = new CsvSource(new InputStreamReader(in, decoder), dialect);
            if (source.columns.isEmpty()) {
                source.close();
                throw new ImportException("The file " + file.getFileName() + " holds no data.");
            }
            return source;
        } catch (NoSuchFileException e) {
            throw new ImportException("The file " + file + " does not exist.", e);
        } catch (IOException e) {
            throw new ImportException("The file " + file + " cannot be read: " + SafeText.of(e.getMessage(), 200), e);
        }
    }

    /** Reads text already in memory (a pasted table). */
    public static CsvSource of(String text, char delimiter, boolean header) {
        return new CsvSource(new java.io.StringReader(text), new CsvDialect(java.nio.charset.StandardCharsets.UTF_8, 0, delimiter, header));
    }

    public CsvDialect dialect() { return dialect; }

    @Override
    public List<String> columns() { return columns; }

    @Override
    public SourceRow next() {
        if (pendingFirst != null) {
            SourceRow r = pendingFirst;
            pendingFirst = null;
            return r;
        }
        return nextNonBlank();
    }

    /** Blank lines are skipped silently: spreadsheets leave them at the end of files. */
    private SourceRow nextNonBlank() {
        try {
            while (true) {
                SourceRow row = tokenizer.next();
                if (row == null) return null;
                if (row.problem() == null && allBlank(row.values())) continue;
                if (row.problem() == null && columns != null && !columns.isEmpty()) return checkWidth(row);
                return row;
            }
        } catch (IOException e) {
            throw new ImportException("The file could not be read to the end: " + SafeText.of(e.getMessage(), 200), e);
        }
    }

    /** A loop rather than a stream: it runs once per row. */
    private static boolean allBlank(List<String> values) {
        for (String v : values) if (!v.isBlank()) return false;
        return true;
    }

    /** Fewer cells is fine (trailing empty cells are often cut); extra non-empty cells mean the row is misaligned. */
    private SourceRow checkWidth(SourceRow row) {
        List<String> v = row.values();
        if (v.size() <= columns.size()) return row;
        for (int i = columns.size(); i < v.size(); i++) {
            if (!v.get(i).isBlank()) {
                return SourceRow.broken(row.line(), "has " + v.size() + " values but the header has " + columns.size()
                        + " columns");
            }
        }
        return SourceRow.of(row.line(), v.subList(0, columns.size()));
    }

    @Override
    public void close() {
        try {
            reader.close();
        } catch (IOException ignored) {
            // Closing a file we only read cannot lose data.
        }
    }
}
