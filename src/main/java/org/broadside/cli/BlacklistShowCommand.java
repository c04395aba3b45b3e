package org.broadside.cli;

import org.broadside.contacts.BlacklistRepository;
import picocli.CommandLine.Command;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;

/** "broadside blacklist show": every entry with its reason, source and date. */
@Command(name = "show", description = "Show the blacklist with reasons and dates.", mixinStandardHelpOptions = true)
public final class BlacklistShowCommand extends CommandSupport implements Callable<Integer> {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());

    @Override
    public Integer call() {
        var entries = new BlacklistRepository(database()).entries();
        out().printf("Blacklist: %,d entries%n", entries.size());
        for (var e : entries) {
            out().printf("%s\t%s\t%s\t%s%n", e.entry(), DATE.format(Instant.ofEpochMilli(e.addedAtMillis())),
                    e.reason() == null ? "" : e.reason(), e.source() == null ? "" : e.source());
        }
        return ExitCodes.OK;
    }
}
