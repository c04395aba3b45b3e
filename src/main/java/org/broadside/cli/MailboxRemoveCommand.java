package org.broadside.cli;

import org.broadside.accounts.CredentialStores;
import org.broadside.bounces.MailboxCredentials;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** "broadside mailbox remove NAME": forgets a bounce mailbox and its password; recorded bounce events stay. */
@Command(name = "remove", mixinStandardHelpOptions = true, description = "Removes a bounce mailbox and its stored password.")
public final class MailboxRemoveCommand extends CommandSupport implements Runnable {
    @Parameters(index = "0", paramLabel = "NAME")
    String name;

    @Override
    public void run() {
        if (MailboxCommand.repository(this).find(name).isEmpty()) throw new UserInputException("There is no mailbox named \"" + name + "\".");
        // The secret goes first: if the credential store cannot be opened, the mailbox stays as it was.
        CredentialStores.open(root().dataDirectory(), Environment.current()).delete(MailboxCredentials.key(name));
        MailboxCommand.repository(this).remove(name);
        out().println("removed mailbox " + name);
    }
}
