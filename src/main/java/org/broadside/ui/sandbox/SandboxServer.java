package org.broadside.ui.sandbox;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;

import java.util.List;

/**
 * The built-in SMTP server for trying a campaign without a real one: GreenMail on 127.0.0.1, on a port the
 * system picks, accepting every recipient and keeping the messages in memory for the Sandbox inbox.
 */
public final class SandboxServer implements AutoCloseable {
    public static final String ACCOUNT_NAME = "Sandbox";
    public static final String HOST = "127.0.0.1";

    private final GreenMail greenMail;

    private SandboxServer(GreenMail greenMail) {
        this.greenMail = greenMail;
    }

    /** Starts the server; it listens until {@link #close()}. */
    public static SandboxServer start() {
        GreenMail gm = new GreenMail(new ServerSetup(0, HOST, ServerSetup.PROTOCOL_SMTP).dynamicPort());
        gm.start();
        return new SandboxServer(gm);
    }

    public String host() { return HOST; }

    public int port() { return greenMail.getSmtp().getPort(); }

    /** Everything received so far, oldest first. */
    public List<MimeMessage> received() {
        return List.of(greenMail.getReceivedMessages());
    }

    /** Empties the inbox. */
    public void clear() {
        try {
            greenMail.purgeEmailFromAllMailboxes();
        } catch (Exception e) {
            throw new IllegalStateException("The sandbox inbox could not be emptied: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        greenMail.stop();
    }
}
