package org.broadside.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** "broadside bounces": scan bounce mailboxes, undo what a scan did, edit the rules. */
@Command(name = "bounces", mixinStandardHelpOptions = true,
        description = "Process bounces, complaints and unsubscribe requests from a bounce mailbox.",
        subcommands = {BounceScanCommand.class, BounceUndoCommand.class, BounceRulesCommand.class, BounceListCommand.class,
                HelpCommand.class})
public final class BouncesCommand extends CommandSupport implements Runnable {
    @Override
    public void run() {
        throw new CommandLine.ParameterException(commandLine(), "Missing a subcommand: scan, undo, rules or list.");
    }
}
