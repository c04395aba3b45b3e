package org.broadside.cli;

import picocli.CommandLine.Command;

/** "broadside unsubscribes": what the Broadside server recorded, for a desktop that does not share its store. */
@Command(name = "unsubscribes", mixinStandardHelpOptions = true,
        description = "Unsubscribes received by a Broadside server (broadside serve).",
        subcommands = {UnsubscribesPullCommand.class, HelpCommand.class})
public final class UnsubscribesCommand extends CommandSupport implements Runnable {
    @Override
    public void run() {
        commandLine().usage(out());
    }
}
