package org.broadside.cli;

import org.broadside.contacts.BlacklistRepository;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.util.concurrent.Callable;

/** "broadside blacklist remove ADDRESS|@domain": takes an entry off the blacklist. */
@Command(name = "remove", description = "Take an address or @domain off the blacklist.", mixinStandardHelpOptions = true)
public final class BlacklistRemoveCommand extends CommandSupport implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "ADDRESS|@domain")
    String entry;

    @Override
    public Integer call() {
        if (!new BlacklistRepository(database()).remove(entry)) {
            throw new UserInputException("\"" + entry.strip() + "\" is not on the blacklist.");
        }
        out().println("Removed " + BlacklistRepository.normalize(entry) + " from the blacklist.");
        return ExitCodes.OK;
    }
}
