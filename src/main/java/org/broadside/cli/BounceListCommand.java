package org.broadside.cli;

import org.broadside.bounces.BounceEvent;
import org.broadside.bounces.BounceRepository;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.List;

/** "broadside bounces list": the newest bounce events, with the ids undo takes. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the newest bounce events, newest first.")
public final class BounceListCommand extends CommandSupport implements Runnable {
    @Option(names = "--limit", paramLabel = "N", defaultValue = "50", description = "How many events (default: ${DEFAULT-VALUE}).")
    int limit;

    @Override
    public void run() {
        List<BounceEvent> events = new BounceRepository(database()).latest(Math.max(1, limit));
        if (events.isEmpty()) {
            out().println("No bounce events yet. Scan a mailbox with: broadside bounces scan --mailbox NAME");
            return;
        }
        for (BounceEvent e : events) {
            out().println(e.id() + "  " + e.messageDate().toString().substring(0, 10) + "  " + e.kind().label() + "  "
                    + (e.email() == null ? "-" : e.email()) + "  " + e.action().describe(false)
                    + (e.undone() ? "  (undone)" : "") + (e.reason() == null ? "" : "  " + e.reason()));
        }
    }
}
