package org.broadside.cli;

import org.broadside.contacts.BlacklistRepository;
import org.broadside.contacts.imports.ColumnNames;
import org.broadside.contacts.imports.ContactSource;
import org.broadside.contacts.imports.CsvSource;
import org.broadside.contacts.imports.ImportException;
import org.broadside.contacts.imports.SourceRow;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * "broadside blacklist import FILE": one address or @domain per line, or a CSV with an Email column. Invalid lines
 * are reported with their number; the valid ones are added in one transaction.
 */
@Command(name = "import", description = "Blacklist every address or @domain of a file (one per line, or a CSV with an Email column).",
        mixinStandardHelpOptions = true)
public final class BlacklistImportCommand extends CommandSupport implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE")
    Path file;

    @Option(names = "--reason", paramLabel = "TEXT")
    String reason;

    @Override
    public Integer call() {
        List<String> entries = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        long read = 0;
        try (ContactSource source = CsvSource.open(file, null, null)) {
            int column = ColumnNames.emailColumn(source.columns());
            boolean headerIsEntry = column < 0 && BlacklistRepository.entryProblem(source.columns().get(0)) == null;
            if (column < 0) column = 0;
            if (headerIsEntry) {
                read++;
                entries.add(source.columns().get(0));
            }
            SourceRow row;
            while ((row = source.next()) != null) {
                read++;
                String value = row.problem() == null ? row.value(column).strip() : "";
                String problem = row.problem() != null ? row.problem() : BlacklistRepository.entryProblem(value);
                if (problem != null) problems.add("line " + row.line() + ": " + problem + (value.isEmpty() ? "" : " (" + value + ")"));
                else entries.add(value);
            }
        } catch (ImportException e) {
            throw new UserInputException(e.getMessage(), e);
        }
        int added = new BlacklistRepository(database()).addAll(entries,
                reason != null ? reason : "imported from " + file.getFileName(), "import");
        out().printf("Blacklist import from %s%n  read        %,d%n  added       %,d%n  already in  %,d%n  invalid     %,d%n",
                file, read, added, entries.size() - added, problems.size());
        problems.stream().limit(1000).forEach(p -> out().println("  " + p));
        return ExitCodes.OK;
    }
}
