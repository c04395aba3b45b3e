package org.broadside.cli;

import org.broadside.accounts.AccountAuth;
import org.broadside.accounts.AccountRepository;
import org.broadside.accounts.CredentialStore;
import org.broadside.accounts.CredentialStores;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.util.Locale;

/** "broadside account": the sending accounts and their secrets. */
@Command(name = "account", mixinStandardHelpOptions = true, description = "Manage sending accounts (SMTP servers, logins and sending limits).",
        subcommands = {AccountAddCommand.class, AccountListCommand.class, AccountRemoveCommand.class, AccountTestCommand.class, HelpCommand.class})
public final class AccountCommand extends CommandSupport implements Runnable {
    @Override
    public void run() {
        throw new CommandLine.ParameterException(commandLine(), "Missing a subcommand: add, list, remove or test.");
    }

    /** The accounts of the data directory of a subcommand. */
    static AccountRepository repository(CommandSupport command) {
        return new AccountRepository(command.database());
    }

    /** The credential store chosen for this data directory and environment (keyring, or the encrypted file). */
    static CredentialStore credentials(CommandSupport command) {
        return CredentialStores.open(command.root().dataDirectory(), Environment.current());
    }

    /** "cram-md5" as users type it, "CRAM_MD5" as the enum spells it. */
    static String display(AccountAuth auth) {
        return auth.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
