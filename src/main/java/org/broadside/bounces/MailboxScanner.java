package org.broadside.bounces;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import org.broadside.accounts.CredentialStore;
import org.broadside.accounts.Secrets;
import org.broadside.store.Database;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scans one mailbox on demand, in three steps so the database is never locked while the network is slow: read and
 * classify every message, record the outcomes in one transaction, then move or delete the recognised messages.
 * A dry run opens the folder read-only and rolls its records back. Messages that were not recognised stay as they were.
 */
public final class MailboxScanner {
    /** Bounces are small; larger messages are left alone rather than downloaded. */
    static final int MAX_MESSAGE_BYTES = 5 * 1024 * 1024;
    private static final Logger LOG = LoggerFactory.getLogger(MailboxScanner.class);

    private final MailboxRepository mailboxes;
    private final CredentialStore credentials;
    private final MailboxConnector connector;
    private final BounceClassifier classifier;
    private final BounceProcessor processor;

    public MailboxScanner(Database db, CredentialStore credentials, MailboxConnector connector, BounceClassifier classifier) {
        this.mailboxes = new MailboxRepository(db);
        this.credentials = credentials;
        this.connector = connector;
        this.classifier = classifier;
        this.processor = new BounceProcessor(db);
    }

    /** Scans the saved mailbox with this name, with its password from the credential store. */
    public ScanReport scan(String mailboxName, boolean dryRun) {
        MailboxAccount account = mailboxes.find(mailboxName)
                .orElseThrow(() -> new MailboxException("There is no mailbox named \"" + mailboxName + "\"."));
        char[] password = credentials.get(account.credentialKey())
                .orElseThrow(() -> new MailboxException("No password is stored for the mailbox " + account.name()
                        + ": add it again with --password-env VAR."));
        try {
            return scan(account, password, dryRun);
        } finally {
            Secrets.wipe(password);
        }
    }

    public ScanReport scan(MailboxAccount account, char[] password, boolean dryRun) {
        return scan(account, password, dryRun, ScanProgress.NONE);
    }

    /** Scans with progress after each message read; {@link ScanProgress#cancelled()} may stop it before anything is recorded. */
    public ScanReport scan(MailboxAccount account, char[] password, boolean dryRun, ScanProgress progress) {
        try (Store store = connector.connect(account, password)) {
            Folder folder = store.getFolder(account.folder());
            if (!folder.exists()) throw new MailboxException("The mailbox " + account.name() + " has no folder \"" + account.folder() + "\".");
            folder.open(dryRun ? Folder.READ_ONLY : Folder.READ_WRITE);
            boolean expunge = false;
            try {
                Message[] messages = folder.getMessages();
                List<Classification> classified = new ArrayList<>(messages.length);
                int recognisedSoFar = 0;
                for (Message m : messages) {
                    if (progress.cancelled()) throw new ScanCancelledException(account.name());
                    Classification c = classify(m);
                    classified.add(c);
                    if (c.kind().recognised()) recognisedSoFar++;
                    progress.read(classified.size(), messages.length, recognisedSoFar);
                }
                List<ScanLine> lines = processor.apply(account.name(), classified, dryRun);
                List<Message> recognised = new ArrayList<>();
                for (int i = 0; i < messages.length; i++) if (classified.get(i).kind().recognised()) recognised.add(messages[i]);
                int disposed = 0;
                if (!dryRun && !recognised.isEmpty() && account.afterScan() != AfterScan.KEEP) {
                    expunge = dispose(store, folder, account, recognised.toArray(Message[]::new));
                    disposed = recognised.size();
                }
                return new ScanReport(account.name(), dryRun, account.afterScan(), lines, disposed);
            } finally {
                if (folder.isOpen()) folder.close(expunge);
            }
        } catch (MessagingException e) {
            throw new MailboxException("Reading the mailbox " + account.name() + " failed: " + rootMessage(e), e);
        }
    }

    private Classification classify(Message message) throws MessagingException {
        try {
            if (message.getSize() > MAX_MESSAGE_BYTES) return unreadable(message, "too large to be a bounce");
            // One download of the whole message (with PEEK), then everything is parsed locally.
            MimeMessage copy = new MimeMessage((MimeMessage) message);
            return classifier.classify(copy);
        } catch (IOException | MessagingException | RuntimeException e) {
            // A message Broadside cannot parse is not one it understood: it stays in the mailbox for a person to read.
            LOG.debug("Message " + message.getMessageNumber() + " could not be classified", e);
            return unreadable(message, "could not be read: " + rootMessage(e));
        }
    }

    private static Classification unreadable(Message m, String reason) throws MessagingException {
        return new Classification(BounceKind.UNRECOGNISED, null, null, reason, List.of(), List.of(), "unread:" + m.getMessageNumber(),
                m.getReceivedDate() == null ? Instant.now() : m.getReceivedDate().toInstant(), null);
    }

    /** Returns true when closing the folder must expunge (servers without UIDPLUS cannot expunge single messages). */
    private static boolean dispose(Store store, Folder folder, MailboxAccount account, Message[] messages) throws MessagingException {
        if (folder instanceof IMAPFolder imap) {
            IMAPStore imapStore = (IMAPStore) store;
            if (account.afterScan() == AfterScan.MOVE) {
                Folder target = store.getFolder(account.processedFolder());
                if (!target.exists() && !target.create(Folder.HOLDS_MESSAGES))
                    throw new MailboxException("The folder \"" + account.processedFolder() + "\" cannot be created in " + account.name() + ".");
                if (imapStore.hasCapability("MOVE")) {
                    imap.moveMessages(messages, target);
                    return false;
                }
                imap.copyMessages(messages, target);
            }
            imap.setFlags(messages, new Flags(Flags.Flag.DELETED), true);
            if (imapStore.hasCapability("UIDPLUS")) {
                imap.expunge(messages);
                return false;
            }
            return true;
        }
        // POP3 removes exactly the messages flagged DELETED when the folder closes with expunge.
        folder.setFlags(messages, new Flags(Flags.Flag.DELETED), true);
        return true;
    }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) t = t.getCause();
        String m = t.getMessage();
        return m == null || m.isBlank() ? t.getClass().getSimpleName() : m.strip();
    }
}
