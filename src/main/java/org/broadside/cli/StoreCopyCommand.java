package org.broadside.cli;

import org.broadside.store.Database;
import org.broadside.store.StoreCopy;
import org.broadside.store.StoreException;
import org.broadside.store.TeamStore;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * "broadside store copy --to URL | --to-data DIR": copies the store this command is on (the data directory's, or the
 * team store of --store) into an empty team store or an empty data directory, with every table's count printed and
 * checked. The target's password comes from the same variable as --store's, never from the command line.
 */
@Command(name = "copy", mixinStandardHelpOptions = true,
        description = {"Copy the whole store (lists, contacts, campaigns with their recipients and logs, blacklist, accounts,"
                + " mailboxes, bounces, schedules, server events) into an empty team store (--to) or an empty data"
                + " directory (--to-data). Counts are printed and verified; a copy that does not add up keeps nothing.",
                "Passwords of accounts are not copied: they stay in this computer's credential store."})
public final class StoreCopyCommand extends CommandSupport implements Callable<Integer> {
    @ArgGroup(exclusive = true, multiplicity = "1")
    Target target;

    static final class Target {
        @Option(names = "--to", paramLabel = "URL", description = "An empty team store on PostgreSQL; its password from $"
                + TeamStore.PASSWORD_ENV + ".")
        String url;

        @Option(names = "--to-data", paramLabel = "DIR", description = "A data directory whose store is new and empty.")
        Path dataDirectory;
    }

    @Override
    public Integer call() {
        Database from = database();
        Database to;
        try {
            to = target.url != null
                    ? Database.openTeam(root().dataDirectory(), TeamStore.fromOptions(target.url, Environment.current()).orElseThrow())
                    : Database.open(newDataDirectory(target.dataDirectory));
        } catch (StoreException e) {
            throw new UserInputException(e.getMessage(), e);
        }
        try (to) {
            out().println("Copying " + from.describe() + " into " + to.describe() + ":");
            List<StoreCopy.Copied> copied;
            try {
                copied = StoreCopy.copy(from, to, line -> {
                    out().println("  " + line);
                    out().flush();
                });
            } catch (StoreException e) {
                throw new UserInputException(e.getMessage(), e);
            }
            long rows = copied.stream().mapToLong(StoreCopy.Copied::rows).sum();
            out().printf("Copied %,d rows in %d tables; every count checked in both stores.%n", rows, copied.size());
            out().println("Account passwords stay in this computer's credential store: add them on each computer that sends.");
        }
        return ExitCodes.OK;
    }

    private static Path newDataDirectory(Path dir) {
        try {
            Files.createDirectories(dir); // a store already there is refused by the copy unless it is empty
        } catch (java.io.IOException e) {
            throw new UserInputException("Cannot create the data directory " + dir + ": " + e.getMessage(), e);
        }
        return dir;
    }
}
