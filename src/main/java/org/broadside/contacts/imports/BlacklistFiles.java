package org.broadside.contacts.imports;

import org.broadside.contacts.BlacklistRepository;
import org.broadside.contacts.ListExporter;
import org.broadside.contacts.validation.BlacklistEntries;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The blacklist to and from files, for the command line and the Blacklist window alike. Import reads one address or
 * "@domain" per line, or a CSV with an Email column; export writes a CSV that import reads back.
 */
public final class BlacklistFiles {
    /** What an import did; {@code problems} are "line N: why (value)", in file order. */
    public record ImportReport(long read, int added, int alreadyThere, List<String> problems) {
        public ImportReport {
            problems = List.copyOf(problems);
        }

        /** The report as the command line prints it and the window shows it (at most {@code maxProblems} lines of problems). */
        public String format(Path file, int maxProblems) {
            StringBuilder sb = new StringBuilder(String.format("Blacklist import from %s%n  read        %,d%n  added       %,d%n"
                    + "  already in  %,d%n  invalid     %,d%n", file, read, added, alreadyThere, problems.size()));
            problems.stream().limit(maxProblems).forEach(p -> sb.append("  ").append(p).append(System.lineSeparator()));
            if (problems.size() > maxProblems) sb.append(String.format("  … and %,d more%n", problems.size() - maxProblems));
            return sb.toString();
        }
    }

    private final BlacklistRepository blacklist;

    public BlacklistFiles(BlacklistRepository blacklist) {
        this.blacklist = blacklist;
    }

    /**
     * Adds every valid entry of the file in one transaction; invalid lines are reported, not fatal.
     *
     * @throws org.broadside.contacts.imports.ImportException when the file cannot be read at all
     */
    public ImportReport importFile(Path file, String reason) {
        List<String> entries = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        long read = 0;
        try (ContactSource source = CsvSource.open(file, null, null)) {
            int column = ColumnNames.emailColumn(source.columns());
            // A file without a header starts with an entry: the "header" is the first one.
            boolean headerIsEntry = column < 0 && BlacklistEntries.problem(source.columns().get(0)) == null;
            if (column < 0) column = 0;
            if (headerIsEntry) {
                read++;
                entries.add(source.columns().get(0));
            }
            SourceRow row;
            while ((row = source.next()) != null) {
                read++;
                String value = row.problem() == null ? unneutralized(row.value(column).strip()) : "";
                String problem = row.problem() != null ? row.problem() : BlacklistEntries.problem(value);
                if (problem != null) problems.add("line " + row.line() + ": " + problem + (value.isEmpty() ? "" : " (" + value + ")"));
                else entries.add(value);
            }
        }
        int added = blacklist.addAll(entries, reason != null ? reason : "imported from " + file.getFileName(), "import");
        return new ImportReport(read, added, entries.size() - added, problems);
    }

    /**
     * An export writes "@domain" as "'@domain" so a spreadsheet does not take it for a formula (ListExporter.neutralize);
     * reading such a file back takes the quote off again.
     */
    private static String unneutralized(String value) {
        return value.startsWith("'") && BlacklistEntries.problem(value.substring(1)) == null ? value.substring(1) : value;
    }

    /** Writes every entry with its reason, source and date; the file appears under its name only once complete. */
    public int exportFile(Path file) {
        Path target = file.toAbsolutePath();
        Path temp = target.resolveSibling(target.getFileName() + ".part");
        List<BlacklistRepository.BlacklistEntry> all = blacklist.entries();
        try {
            try (BufferedWriter w = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                w.write("Email,Reason,Source,Added\r\n");
                for (BlacklistRepository.BlacklistEntry e : all) {
                    w.write(String.join(",", cell(e.entry()), cell(e.reason()), cell(e.source()),
                            cell(e.addedAtMillis() > 0 ? Instant.ofEpochMilli(e.addedAtMillis()).toString() : "")));
                    w.write("\r\n");
                }
            }
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return all.size();
        } catch (IOException e) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // The original error is the one to report.
            }
            throw new UncheckedIOException("Cannot write " + target + ": " + e.getMessage(), e);
        }
    }

    private static String cell(String value) {
        return ListExporter.quote(ListExporter.neutralize(value == null ? "" : value));
    }
}
