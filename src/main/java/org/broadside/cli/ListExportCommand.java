package org.broadside.cli;

import org.broadside.contacts.ContactList;
import org.broadside.contacts.ContactRepository;
import org.broadside.contacts.ListExporter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** "broadside list export LIST FILE": writes the list to CSV with spreadsheet formulas neutralised. */
@Command(name = "export", description = "Export a list to a CSV file (formulas neutralised).", mixinStandardHelpOptions = true)
public final class ListExportCommand extends CommandSupport implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "LIST")
    String list;

    @Parameters(index = "1", paramLabel = "FILE")
    Path file;

    @Option(names = "--filter", paramLabel = "EXPR", description = "Export only the contacts matching this condition.")
    String filter;

    @Override
    public Integer call() {
        ContactRepository repo = new ContactRepository(database());
        ContactList l = ListCommands.requireList(repo, list);
        try {
            long n = new ListExporter(repo).export(l, ListCommands.filter(filter, l), file);
            out().printf("Exported %,d contacts of \"%s\" to %s%n", n, l.name(), file);
        } catch (UncheckedIOException e) {
            throw new UserInputException(e.getMessage());
        }
        return ExitCodes.OK;
    }
}
