package org.broadside.cli;

import org.broadside.accounts.Account;
import org.broadside.accounts.AccountAuth;
import org.broadside.accounts.CredentialKeys;
import org.broadside.accounts.CredentialStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** "broadside account remove NAME": deletes the account and its password or token. */
@Command(name = "remove", mixinStandardHelpOptions = true, description = "Removes a sending account and deletes its password or token.")
public final class AccountRemoveCommand extends CommandSupport implements Runnable {
    @Parameters(index = "0", paramLabel = "NAME", description = "The account to remove.")
    String name;

    @Override
    public void run() {
        Account account = AccountCommand.repository(this).find(name)
                .orElseThrow(() -> new UserInputException("There is no account named " + name + "."));
        // Opened first: when the store cannot be unlocked nothing is removed, so no secret is left behind.
        // An account without login has no secret (add deletes it when the login is switched off).
        CredentialStore credentials = account.auth() == AccountAuth.NONE ? null : AccountCommand.credentials(this);
        AccountCommand.repository(this).delete(account.name());
        if (credentials != null) credentials.delete(CredentialKeys.account(account.name()));
        out().println("removed account " + account.name());
    }
}
