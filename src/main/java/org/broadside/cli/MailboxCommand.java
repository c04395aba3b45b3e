package org.broadside.cli;

import org.broadside.bounces.MailboxRepository;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** "broadside mailbox": the mailboxes that receive bounces, complaints and unsubscribe requests. */
@Command(name = "mailbox", mixinStandardHelpOptions = true, description = "Manage bounce mailboxes (IMAP or POP3) that bounces scan reads.",
        subcommands = {MailboxAddCommand.class, MailboxListCommand.class, MailboxRemoveCommand.class, HelpCommand.class})
public final class MailboxCommand extends CommandSupport implements Runnable {
    @Override
    public void run() {
        throw new CommandLine.ParameterException(commandLine(), "Missing a subcommand: add, list or remove.");
    }

    static MailboxRepository repository(CommandSupport command) {
        return new MailboxRepository(command.database());
    }
}
