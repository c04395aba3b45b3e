package org.broadside.cli;

import org.broadside.contacts.ContactList;
import org.broadside.contacts.ContactRepository;
import org.broadside.contacts.Deduplicator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** "broadside list dedupe LIST [--across OTHER,...]": removes duplicate addresses within a list, or across lists. */
@Command(name = "dedupe", description = "Remove duplicate addresses within a list, or across lists.", mixinStandardHelpOptions = true)
public final class ListDedupeCommand extends CommandSupport implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "LIST")
    String list;

    @Option(names = "--across", paramLabel = "OTHER", split = ",",
            description = "Also remove from these lists every address LIST (or an earlier one named here) already has.")
    List<String> across = new ArrayList<>();

    @Override
    public Integer call() {
        ContactRepository repo = new ContactRepository(database());
        ContactList main = ListCommands.requireList(repo, list);
        List<ContactList> others = across.stream().map(n -> ListCommands.requireList(repo, n.strip())).toList();
        Deduplicator dedupe = new Deduplicator(repo);
        long within = dedupe.withinList(main.id());
        out().printf("\"%s\": %,d duplicates removed, %,d contacts left%n", main.name(), within, repo.count(main.id()));
        if (!others.isEmpty()) {
            List<Long> ids = new ArrayList<>();
            ids.add(main.id());
            others.forEach(o -> ids.add(o.id()));
            var removed = dedupe.acrossLists(ids);
            for (ContactList o : others) {
                out().printf("\"%s\": %,d addresses already in an earlier list removed, %,d contacts left%n", o.name(),
                        removed.getOrDefault(o.id(), 0L), repo.count(o.id()));
            }
        }
        return ExitCodes.OK;
    }
}
