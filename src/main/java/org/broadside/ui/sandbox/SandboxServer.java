package org.broadside.ui.sandbox;

import com.icegreen.greenmail.mail.MovingMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The built-in SMTP server for trying a campaign without a real one: GreenMail on 127.0.0.1, accepting every
 * recipient and writing each message to the {@link SandboxMailbox} on disk (GreenMail's own in-memory mailboxes
 * are bypassed). It keeps its port between starts, so the Sandbox account and a mail client pointed at it keep
 * working; when that port is taken it picks a new one and remembers that.
 */
public final class SandboxServer implements AutoCloseable {
    public static final String ACCOUNT_NAME = "Sandbox";
    public static final String HOST = "127.0.0.1";
    private static final Logger LOG = LoggerFactory.getLogger(SandboxServer.class);

    private final GreenMail greenMail;
    private final SandboxMailbox mailbox;

    private SandboxServer(GreenMail greenMail, SandboxMailbox mailbox) {
        this.greenMail = greenMail;
        this.mailbox = mailbox;
    }

    /** Starts a server whose messages go to a fresh temporary folder: for tests and tools that keep nothing. */
    public static SandboxServer start() {
        try {
            return start(Files.createTempDirectory("broadside-sandbox"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Starts the server over {@code directory} (messages as .eml files, the port in a file named "port"), on the
     * remembered port when it is free; it listens until {@link #close()}.
     */
    public static SandboxServer start(Path directory) {
        SandboxMailbox mailbox = new SandboxMailbox(directory);
        SandboxPort port = new SandboxPort(directory.resolve("port"));
        int wanted = port.remembered();
        GreenMail gm = null;
        if (wanted > 0 && isFree(wanted)) {
            try {
                gm = started(new ServerSetup(wanted, HOST, ServerSetup.PROTOCOL_SMTP), mailbox);
            } catch (RuntimeException e) {
                // Taken between the check and the bind: fall through to a port the system picks.
                LOG.info("Sandbox port " + wanted + " could not be used; choosing another", e);
            }
        }
        if (gm == null) gm = started(new ServerSetup(0, HOST, ServerSetup.PROTOCOL_SMTP).dynamicPort(), mailbox);
        port.remember(gm.getSmtp().getPort());
        return new SandboxServer(gm, mailbox);
    }

    private static GreenMail started(ServerSetup setup, SandboxMailbox mailbox) {
        GreenMail gm = new GreenMail(setup);
        gm.getUserManager().setMessageDeliveryHandler(new DiskDelivery(mailbox));
        try {
            gm.start();
        } catch (RuntimeException e) {
            gm.stop();
            throw e;
        }
        return gm;
    }

    private static boolean isFree(int port) {
        try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getByName(HOST))) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    public String host() { return HOST; }

    public int port() { return greenMail.getSmtp().getPort(); }

    /** The messages on disk, with their headers indexed. */
    public SandboxMailbox mailbox() { return mailbox; }

    /** Everything received so far, oldest first, parsed again from disk: for tests and small inboxes only. */
    public List<MimeMessage> received() {
        List<MimeMessage> all = new ArrayList<>();
        for (InboxMessage m : mailbox.since(0)) {
            try {
                all.add(mailbox.read(m));
            } catch (IOException | MessagingException e) {
                throw new IllegalStateException("The Sandbox message " + m.file() + " could not be read: " + e.getMessage(), e);
            }
        }
        return all;
    }

    /** Deletes every received message. */
    public void clear() {
        try {
            mailbox.deleteAll();
        } catch (IOException e) {
            throw new UncheckedIOException("The Sandbox inbox could not be emptied: " + e.getMessage(), e);
        }
    }

    /** How many messages GreenMail itself keeps in memory: none, since each goes to disk; tests check it. */
    int messagesHeldInMemory() {
        return greenMail.getReceivedMessages().length;
    }

    @Override
    public void close() {
        greenMail.stop();
    }

    /**
     * GreenMail asks, per recipient, which user gets the message; every recipient gets this one pseudo-user, whose
     * delivery writes the file. A message with several recipients arrives here once per recipient and is stored once.
     */
    private static final class DiskDelivery implements com.icegreen.greenmail.user.MessageDeliveryHandler, GreenMailUser {
        private final SandboxMailbox mailbox;
        private java.lang.ref.WeakReference<MovingMessage> last = new java.lang.ref.WeakReference<>(null);

        DiskDelivery(SandboxMailbox mailbox) { this.mailbox = mailbox; }

        @Override
        public GreenMailUser handle(MovingMessage msg, com.icegreen.greenmail.mail.MailAddress address) { return this; }

        @Override
        public synchronized void deliver(MovingMessage msg) {
            if (last.get() == msg) return;
            last = new java.lang.ref.WeakReference<>(msg);
            deliver(msg.getMessage());
        }

        @Override
        public void deliver(MimeMessage message) {
            try {
                mailbox.store(message);
            } catch (IOException | MessagingException e) {
                // GreenMail answers the client with a 4xx/5xx for an exception here, so the sender sees the failure too.
                throw new IllegalStateException("The Sandbox could not store a message: " + e.getMessage(), e);
            }
        }

        @Override public String getEmail() { return "sandbox@localhost"; }
        @Override public String getLogin() { return "sandbox"; }
        @Override public void create() { }
        @Override public void delete() { }
        @Override public String getPassword() { return ""; }
        @Override public void setPassword(String password) { }
        @Override public void authenticate(String password) { }
        @Override public String getQualifiedMailboxName() { return "sandbox"; }
    }
}
