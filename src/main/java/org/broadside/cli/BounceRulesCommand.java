package org.broadside.cli;

import org.broadside.bounces.BounceRules;
import org.broadside.bounces.BounceRulesRepository;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** "broadside bounces rules [...]": shows the bounce rules, and changes the ones given. */
@Command(name = "rules", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Shows the bounce rules; options change them (the others keep their value).")
public final class BounceRulesCommand extends CommandSupport implements Runnable {
    @Option(names = "--hard-bounces", paramLabel = "blacklist|record", description = "What a hard bounce does.")
    Choice hard;

    @Option(names = "--soft-bounce-limit", paramLabel = "N", description = "Soft bounces in a row that blacklist an address (0: never).")
    Integer softLimit;

    @Option(names = "--complaints", paramLabel = "blacklist|record", description = "What a spam complaint does.")
    Choice complaints;

    @Option(names = "--unsubscribes", paramLabel = "blacklist|record", description = "What an unsubscribe request does.")
    Choice unsubscribes;

    /** Blacklist the address, or only record the event. */
    enum Choice { BLACKLIST, RECORD }

    @Override
    public void run() {
        BounceRulesRepository repository = new BounceRulesRepository(database());
        BounceRules current = repository.get();
        if (hard != null || softLimit != null || complaints != null || unsubscribes != null) {
            try {
                current = new BounceRules(hard != null ? hard == Choice.BLACKLIST : current.blacklistHardBounces(),
                        softLimit != null ? softLimit : current.softBounceLimit(),
                        complaints != null ? complaints == Choice.BLACKLIST : current.blacklistComplaints(),
                        unsubscribes != null ? unsubscribes == Choice.BLACKLIST : current.blacklistUnsubscribes());
            } catch (IllegalArgumentException e) {
                throw new UserInputException(e.getMessage(), e);
            }
            repository.save(current);
        }
        out().println("hard bounce:  " + word(current.blacklistHardBounces()));
        out().println("soft bounce:  " + (current.softBounceLimit() == 0 ? "record" : "blacklist after " + current.softBounceLimit() + " in a row"));
        out().println("complaint:    " + word(current.blacklistComplaints()));
        out().println("unsubscribe:  " + word(current.blacklistUnsubscribes()));
    }

    private static String word(boolean blacklist) { return blacklist ? "blacklist" : "record"; }
}
