package org.broadside.bounces;

import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.store.MailFolder;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.base.GreenMailOperations;
import jakarta.mail.Flags;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import java.io.InputStream;
import java.util.List;

/** Loads the corpus into a GreenMail mailbox and reads back what is where, straight from GreenMail's store. */
final class GreenMailboxes {
    static final String LOGIN = "bounces";
    static final String PASSWORD = "s3cret-mailbox";

    private GreenMailboxes() {}

    static GreenMailUser loadCorpus(GreenMailOperations greenMail) {
        GreenMailUser user = greenMail.setUser("bounces@news.example.org", LOGIN, PASSWORD);
        for (String file : BounceFixture.corpusFiles()) user.deliver(preserved(file));
        return user;
    }

    /** The file as is: without this, saving would give the message a new Message-ID. */
    static MimeMessage preserved(String file) {
        MimeMessage original = BounceFixture.message(file);
        try {
            return new MimeMessage(original) {
                @Override
                protected void updateMessageID() {
                    // keep the corpus Message-ID
                }
            };
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<StoredMessage> messages(GreenMailOperations greenMail, GreenMailUser user, String folder) {
        MailFolder f = folder.equals("INBOX") ? inbox(greenMail, user) : greenMail.getManagers().getImapHostManager().getFolder(user, folder);
        return f == null ? List.of() : f.getMessages().stream().filter(m -> !m.isSet(Flags.Flag.DELETED)).toList();
    }

    static List<String> subjects(GreenMailOperations greenMail, GreenMailUser user, String folder) {
        return messages(greenMail, user, folder).stream().map(m -> {
            try {
                return m.getMimeMessage().getSubject();
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).sorted().toList();
    }

    private static MailFolder inbox(GreenMailOperations greenMail, GreenMailUser user) {
        try {
            return greenMail.getManagers().getImapHostManager().getInbox(user);
        } catch (FolderException e) {
            throw new IllegalStateException(e);
        }
    }

    static MailboxAccount account(MailProtocol protocol, int port, AfterScan after, String processedFolder) {
        return new MailboxAccount("Bounces", protocol, "127.0.0.1", port, false, LOGIN, "INBOX", after, processedFolder);
    }

    static InputStream resource(String name) {
        InputStream in = GreenMailboxes.class.getResourceAsStream(name);
        if (in == null) throw new IllegalStateException("Missing test resource " + name);
        return in;
    }
}
