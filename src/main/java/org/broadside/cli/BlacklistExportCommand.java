package org.broadside.cli;

import org.broadside.contacts.imports.BlacklistFiles;
import org.broadside.contacts.BlacklistRepository;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** "broadside blacklist export FILE": every entry with its reason, source and date, as CSV that import reads back. */
@Command(name = "export", description = "Write the blacklist to a CSV file (Email, Reason, Source, Added).", mixinStandardHelpOptions = true)
public final class BlacklistExportCommand extends CommandSupport implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE")
    Path file;

    @Override
    public Integer call() {
        try {
            int n = new BlacklistFiles(new BlacklistRepository(database())).exportFile(file);
            out().printf("Wrote %,d blacklist entr%s to %s%n", n, n == 1 ? "y" : "ies", file.toAbsolutePath());
        } catch (UncheckedIOException e) {
            throw new UserInputException(e.getMessage(), e);
        }
        return ExitCodes.OK;
    }
}
