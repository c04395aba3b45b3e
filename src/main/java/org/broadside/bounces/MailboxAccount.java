package org.broadside.bounces;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A mailbox that receives bounces, complaints and unsubscribe requests. Holds no secret: the password lives in
 * the credential store under {@link #credentialKey()}.
 *
 * @param tls             TLS from the first byte (imaps/pop3s) with certificate and host name checks; on unless turned off
 * @param processedFolder where {@link AfterScan#MOVE} puts recognised messages; null otherwise
 */
public record MailboxAccount(String name, MailProtocol protocol, String host, int port, boolean tls, String username,
                             String folder, AfterScan afterScan, String processedFolder) {
    private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{N} ._@+-]{1,64}");

    /** Checks the settings; each problem is one sentence for the user. */
    public MailboxAccount {
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(afterScan, "afterScan");
        if (name == null || !NAME.matcher(name).matches())
            throw new InvalidMailboxException("A mailbox name has 1 to 64 letters, digits, spaces or . _ @ + -.");
        if (host == null || host.isBlank() || host.strip().contains(" ")) throw new InvalidMailboxException("Give the mail server's host name.");
        if (port < 1 || port > 65535) throw new InvalidMailboxException("The port must be between 1 and 65535.");
        if (username == null || username.isBlank()) throw new InvalidMailboxException("Give the user name for the mailbox.");
        folder = folder == null || folder.isBlank() ? "INBOX" : folder.strip();
        if (protocol == MailProtocol.POP3 && !folder.equalsIgnoreCase("INBOX"))
            throw new InvalidMailboxException("POP3 has only the inbox: leave out the folder, or use IMAP.");
        if (afterScan == AfterScan.MOVE) {
            if (protocol == MailProtocol.POP3)
                throw new InvalidMailboxException("POP3 has no folders to move processed messages to: choose to delete them instead (--delete on the command line), or use IMAP.");
            if (processedFolder == null || processedFolder.isBlank())
                throw new InvalidMailboxException("Name the folder that processed messages are moved to.");
            processedFolder = processedFolder.strip();
            if (processedFolder.equalsIgnoreCase(folder))
                throw new InvalidMailboxException("The processed folder must differ from the folder that is scanned.");
        } else {
            processedFolder = null;
        }
        host = host.strip();
        username = username.strip();
        name = name.strip();
    }

    public String credentialKey() { return MailboxCredentials.key(name); }
}
