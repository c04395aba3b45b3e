package org.broadside.cli;

import org.broadside.contacts.imports.BlacklistFiles;
import org.broadside.contacts.BlacklistRepository;
import org.broadside.contacts.imports.ImportException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
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
        BlacklistFiles.ImportReport r;
        try {
            r = new BlacklistFiles(new BlacklistRepository(database())).importFile(file, reason);
        } catch (ImportException e) {
            throw new UserInputException(e.getMessage(), e);
        }
        out().print(r.format(file, 1000));
        return ExitCodes.OK;
    }
}
