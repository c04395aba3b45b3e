package org.broadside.cli;

import org.broadside.contacts.ContactRepository;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.util.concurrent.Callable;

/** "broadside list delete LIST": removes a list with its contacts and saved sources. */
@Command(name = "delete", description = "Delete a list with its contacts and saved import sources.", mixinStandardHelpOptions = true)
public final class ListDeleteCommand extends CommandSupport implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "LIST")
    String list;

    @Override
    public Integer call() {
        ContactRepository repo = new ContactRepository(database());
        var l = ListCommands.requireList(repo, list);
        long n = repo.count(l.id());
        repo.deleteList(l.id());
        out().printf("Deleted the list \"%s\" and its %,d contacts.%n", l.name(), n);
        return ExitCodes.OK;
    }
}
