package org.broadside.cli;

import org.broadside.contacts.Contact;
import org.broadside.contacts.ContactList;
import org.broadside.contacts.ContactRepository;
import org.broadside.merge.Condition;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.List;
import java.util.concurrent.Callable;

/** "broadside list show LIST": the contact count, the fields, then the first contacts, optionally filtered. */
@Command(name = "show", description = "Show a list: its contact count, its fields and up to N contacts.", mixinStandardHelpOptions = true)
public final class ListShowCommand extends CommandSupport implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "LIST")
    String list;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "20", description = "Contacts to show (default 20).")
    int limit;

    @Option(names = "--filter", paramLabel = "EXPR",
            description = "Merge-language condition, e.g. '[[Country]] = \"FR\" <AND> [[Age]] >= 18'.")
    String filter;

    @Override
    public Integer call() {
        if (limit < 0) throw new UserInputException("--limit must be 0 or more.");
        ContactRepository repo = new ContactRepository(database());
        ContactList l = ListCommands.requireList(repo, list);
        Condition f = ListCommands.filter(filter, l);
        long total = repo.count(l.id());
        out().printf("List \"%s\": %,d contacts%n", l.name(), total);
        if (f != null) out().printf("Matching the filter: %,d%n", repo.count(l.id(), f));
        out().println("Fields: Email" + (l.fields().isEmpty() ? "" : ", " + String.join(", ", l.fields())));
        List<Contact> shown = repo.search(l.id(), f, 0, limit);
        if (shown.isEmpty()) return ExitCodes.OK;
        out().println(String.join("\t", header(l)));
        for (Contact c : shown) {
            StringBuilder sb = new StringBuilder(printable(c.email()));
            for (String field : l.fields()) sb.append('\t').append(printable(c.fields().getOrDefault(field, "")));
            out().println(sb);
        }
        return ExitCodes.OK;
    }

    private static List<String> header(ContactList l) {
        var h = new java.util.ArrayList<String>();
        h.add("Email");
        h.addAll(l.fields());
        return h;
    }

    /** Keeps one contact on one line: tabs and line breaks inside values would break the table. */
    private static String printable(String v) {
        return v.replace("\t", " ").replace("\r\n", " / ").replace("\n", " / ").replace("\r", " / ");
    }
}
