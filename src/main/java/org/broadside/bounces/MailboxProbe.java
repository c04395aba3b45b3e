package org.broadside.bounces;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import jakarta.mail.Store;

import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

/**
 * "Test connection" of a bounce mailbox: connects, shakes hands (TLS), logs in, opens the folder and counts its
 * messages, writing one line per step for the user to read. The password is used, never written. Blocking: run it
 * in the background.
 */
public final class MailboxProbe {
    /** What the test found: ok when every step worked; the lines say what happened, in order. */
    public record Result(boolean ok, List<String> transcript) {
        public Result {
            transcript = List.copyOf(transcript);
        }

        /** The last line: what worked, or what did not. */
        public String summary() { return transcript.isEmpty() ? "" : transcript.get(transcript.size() - 1); }
    }

    private MailboxProbe() {}

    public static Result test(MailboxConnector connector, MailboxAccount account, char[] password) {
        List<String> lines = new ArrayList<>();
        String where = account.host() + ":" + account.port();
        lines.add("Connecting to " + where + " (" + account.protocol() + (account.tls() ? ", TLS from the first byte" : ", without TLS") + ")…");
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(account.host(), account.port()), MailboxConnector.CONNECT_TIMEOUT_MILLIS);
            lines.add("Connected to " + socket.getInetAddress().getHostAddress() + " port " + account.port() + ".");
            if (account.tls() && !handshake(connector, socket, account, lines)) return new Result(false, lines);
        } catch (IOException e) {
            lines.add("✘ No connection to " + where + ": " + MailboxScanner.rootMessage(e)
                    + ". Check the host and the port, and that no firewall blocks the connection.");
            return new Result(false, lines);
        }
        if (!account.tls()) lines.add("No TLS: the password and the messages travel unencrypted (use this only on this computer or a trusted network).");
        lines.add("Logging in as " + account.username() + "…");
        try (Store store = connector.connect(account, password)) {
            lines.add("Logged in.");
            return folders(store, account, lines);
        } catch (MailboxException e) {
            lines.add(e.getCause() instanceof AuthenticationFailedException
                    ? "✘ The server refused the login of " + account.username() + ": check the user name and the password."
                    : "✘ " + e.getMessage());
            return new Result(false, lines);
        } catch (MessagingException e) {
            lines.add("✘ The mailbox could not be read: " + MailboxScanner.rootMessage(e));
            return new Result(false, lines);
        }
    }

    private static boolean handshake(MailboxConnector connector, Socket plain, MailboxAccount account, List<String> lines) {
        try (SSLSocket tls = (SSLSocket) connector.tlsSockets().createSocket(plain, account.host(), account.port(), false)) {
            SSLParameters parameters = tls.getSSLParameters();
            // The same check the scan makes: the certificate must name the host.
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            tls.setSSLParameters(parameters);
            tls.setSoTimeout(MailboxConnector.READ_TIMEOUT_MILLIS);
            tls.startHandshake();
            SSLSession session = tls.getSession();
            lines.add("TLS: " + session.getProtocol() + ", " + session.getCipherSuite() + ".");
            Certificate[] chain = session.getPeerCertificates();
            if (chain.length > 0 && chain[0] instanceof X509Certificate x) {
                lines.add("Certificate: " + x.getSubjectX500Principal().getName() + ", issued by " + x.getIssuerX500Principal().getName()
                        + ", valid until " + x.getNotAfter().toInstant().toString().substring(0, 10) + ".");
            }
            return true;
        } catch (IOException e) {
            lines.add("✘ TLS failed: " + MailboxScanner.rootMessage(e) + ". The certificate must be trusted and name " + account.host()
                    + "; and the port must speak TLS from the first byte (" + account.protocol().defaultPort(true) + " for " + account.protocol() + ").");
            return false;
        }
    }

    private static Result folders(Store store, MailboxAccount account, List<String> lines) throws MessagingException {
        Folder folder = store.getFolder(account.folder());
        if (!folder.exists()) {
            lines.add("✘ There is no folder \"" + account.folder() + "\" in this mailbox: check the folder's name.");
            return new Result(false, lines);
        }
        folder.open(Folder.READ_ONLY);
        try {
            int n = folder.getMessageCount();
            lines.add("Folder " + account.folder() + ": " + n + " message" + (n == 1 ? "" : "s") + ".");
        } finally {
            folder.close(false);
        }
        if (account.afterScan() == AfterScan.MOVE) {
            boolean exists = store.getFolder(account.processedFolder()).exists();
            lines.add("Folder " + account.processedFolder() + (exists ? " exists: recognised messages are moved there."
                    : " does not exist yet: the first scan creates it."));
        }
        lines.add("✔ The mailbox works: scans can read it.");
        return new Result(true, lines);
    }
}
