package org.broadside.cli;

import org.broadside.accounts.CredentialStore;
import org.broadside.accounts.CredentialStores;
import org.broadside.accounts.Secrets;
import org.broadside.bounces.AfterScan;
import org.broadside.bounces.InvalidMailboxException;
import org.broadside.bounces.MailProtocol;
import org.broadside.bounces.MailboxAccount;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.TypeConversionException;

import java.util.Locale;

/** "broadside mailbox add NAME ...": adds a bounce mailbox, or replaces the settings of the one with that name. */
@Command(name = "add", sortOptions = false, mixinStandardHelpOptions = true,
        description = {"Adds a bounce mailbox, or replaces the settings of the mailbox with this name.",
                "The password comes from the environment variable named by --password-env, never from the command line."})
public final class MailboxAddCommand extends CommandSupport implements Runnable {
    @Parameters(index = "0", paramLabel = "NAME", description = "Name of the mailbox.")
    String name;

    @Option(names = "--protocol", required = true, paramLabel = "imap|pop3", converter = ProtocolConverter.class,
            description = "IMAP can move processed messages to a folder; POP3 can only delete them.")
    MailProtocol protocol;

    @Option(names = "--host", required = true, paramLabel = "HOST", description = "Mail server.")
    String host;

    @Option(names = "--port", paramLabel = "PORT", description = "Port (default: 993 for IMAP, 995 for POP3; 143 and 110 with --no-tls).")
    Integer port;

    @Option(names = "--no-tls", description = "Connect without TLS (only for a server on this computer or a trusted network).")
    boolean noTls;

    @Option(names = "--user", required = true, paramLabel = "USER", description = "User name for the login.")
    String user;

    @Option(names = "--password-env", paramLabel = "VAR",
            description = "Name of the environment variable holding the password; it is kept in the credential store.")
    String passwordEnv;

    @Option(names = "--folder", paramLabel = "FOLDER", defaultValue = "INBOX", description = "Folder to scan (default: ${DEFAULT-VALUE}).")
    String folder;

    @ArgGroup(exclusive = true)
    Disposal disposal;

    /** --move-to and --delete exclude each other; without either, processed messages stay where they are. */
    static final class Disposal {
        @Option(names = "--move-to", paramLabel = "FOLDER", description = "Move recognised messages to this folder (IMAP).")
        String moveTo;

        @Option(names = "--delete", description = "Delete recognised messages from the server.")
        boolean delete;
    }

    @Override
    public void run() {
        MailboxAccount account = build();
        char[] secret = passwordEnv == null ? null : Environment.secret(Environment.current(), passwordEnv);
        try {
            CredentialStore credentials = null;
            // The secret goes first: a failure leaves at worst an unused secret, never a mailbox whose password went missing.
            if (secret != null) {
                credentials = CredentialStores.open(root().dataDirectory(), Environment.current());
                credentials.put(account.credentialKey(), secret);
            }
            boolean created = MailboxCommand.repository(this).save(account);
            out().println((created ? "added" : "updated") + " mailbox " + account.name()
                    + (credentials != null ? "; password kept in " + credentials.description() : ""));
            if (secret == null) out().println("No new password stored: run this again with --password-env VAR to set one.");
        } finally {
            Secrets.wipe(secret);
        }
    }

    private MailboxAccount build() {
        boolean tls = !noTls;
        AfterScan after = disposal == null ? AfterScan.KEEP : disposal.delete ? AfterScan.DELETE : AfterScan.MOVE;
        try {
            return new MailboxAccount(name, protocol, host, port != null ? port : protocol.defaultPort(tls), tls, user, folder, after,
                    disposal == null ? null : disposal.moveTo);
        } catch (InvalidMailboxException e) {
            throw new UserInputException(e.getMessage(), e);
        }
    }


    /** "imap" or "pop3" as users type it. */
    static final class ProtocolConverter implements ITypeConverter<MailProtocol> {
        @Override
        public MailProtocol convert(String value) {
            try {
                return MailProtocol.valueOf(value.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException("protocol must be imap or pop3, not '" + value + "'");
            }
        }
    }
}
