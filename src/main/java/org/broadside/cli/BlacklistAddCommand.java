package org.broadside.cli;

import org.broadside.contacts.BlacklistRepository;
import org.broadside.contacts.validation.BlacklistEntries;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.List;
import java.util.concurrent.Callable;

/** "broadside blacklist add ADDRESS|@domain...": blacklists addresses or whole domains. */
@Command(name = "add", description = "Blacklist addresses or whole domains (@example.com).", mixinStandardHelpOptions = true)
public final class BlacklistAddCommand extends CommandSupport implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "ADDRESS|@domain")
    List<String> entries;

    @Option(names = "--reason", paramLabel = "TEXT", defaultValue = "added by hand")
    String reason;

    @Override
    public Integer call() {
        for (String e : entries) {
            String problem = BlacklistEntries.problem(e);
            if (problem != null) {
                throw new UserInputException("\"" + e.strip() + "\" cannot be blacklisted: " + problem
                        + " (give an address or @domain); nothing was added.");
            }
        }
        int added = new BlacklistRepository(database()).addAll(entries, reason, "cli");
        out().printf("Blacklisted %d new entr%s (%d already present).%n", added, added == 1 ? "y" : "ies", entries.size() - added);
        return ExitCodes.OK;
    }
}
