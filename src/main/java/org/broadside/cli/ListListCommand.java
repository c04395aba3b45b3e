package org.broadside.cli;

import org.broadside.contacts.ContactList;
import org.broadside.contacts.ContactRepository;
import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

/** "broadside list list": every list with its contact count and fields. */
@Command(name = "list", description = "Show every list with its number of contacts and its fields.", mixinStandardHelpOptions = true)
public final class ListListCommand extends CommandSupport implements Callable<Integer> {
    @Override
    public Integer call() {
        ContactRepository repo = new ContactRepository(database());
        var lists = repo.lists();
        if (lists.isEmpty()) {
            out().println("No lists yet. Create one with: broadside list import LIST FILE");
            return ExitCodes.OK;
        }
        for (ContactList list : lists) {
            out().printf("%s  %,d contacts  fields: Email%s%n", list.name(), repo.count(list.id()),
                    list.fields().isEmpty() ? "" : ", " + String.join(", ", list.fields()));
        }
        return ExitCodes.OK;
    }
}
