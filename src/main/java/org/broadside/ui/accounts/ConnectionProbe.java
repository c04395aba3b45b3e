package org.broadside.ui.accounts;

import org.broadside.accounts.Account;
import org.broadside.accounts.CredentialStore;
import org.broadside.compose.AccountLanes;
import org.broadside.delivery.smtp.CertificateRejectedException;
import org.broadside.delivery.smtp.Envelope;
import org.broadside.delivery.smtp.EndOfDataHook;
import org.broadside.delivery.smtp.MessageBody;
import org.broadside.delivery.smtp.SmtpConnection;
import org.broadside.delivery.smtp.SmtpEndpoint;
import org.broadside.delivery.smtp.SmtpException;
import org.broadside.delivery.smtp.SmtpTimeouts;
import org.broadside.delivery.smtp.TlsInfo;
import org.broadside.delivery.smtp.TransactionResult;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * "Test connection" and "Send test message" of the account manager: one short SMTP session whose transcript,
 * greeting, capabilities and TLS details come back for the user to read. Blocking: run it in the background.
 */
final class ConnectionProbe {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ConnectionProbe.class);
    private static final SmtpTimeouts TIMEOUTS = SmtpTimeouts.rfc5321().cappedAt(Duration.ofSeconds(20));

    /** What a probe found. untrustedFingerprint is set when the certificate was refused and could be pinned. */
    record Result(boolean ok, String summary, List<String> transcript, String untrustedFingerprint) {}

    private ConnectionProbe() {}

    static Result test(Account account, CredentialStore credentials) {
        return run(account, credentials, null, null);
    }

    static Result sendTest(Account account, CredentialStore credentials, String from, String to) {
        return run(account, credentials, from, to);
    }

    private static Result run(Account account, CredentialStore credentials, String from, String to) {
        List<String> transcript = new ArrayList<>();
        SmtpEndpoint endpoint;
        try {
            endpoint = AccountLanes.endpoint(account, credentials, to == null ? "localhost" : domain(from));
        } catch (Exception e) {
            return new Result(false, org.broadside.diagnostics.FailureText.logged(LOG, "The account's connection settings were refused", e), transcript, null);
        }
        try (SmtpConnection c = SmtpConnection.open(endpoint, TIMEOUTS,
                (d, text) -> { synchronized (transcript) { transcript.add(d.name().charAt(0) + ": " + text); } })) {
            StringBuilder sb = new StringBuilder();
            sb.append("Connected. Greeting: ").append(c.greeting().text()).append('\n');
            var caps = c.capabilities();
            sb.append("Extensions: ").append(String.join(", ", caps.keywords())).append('\n');
            if (!caps.authMechanisms().isEmpty()) sb.append("Login methods: ").append(String.join(", ", caps.authMechanisms())).append('\n');
            if (caps.maxSize() > 0) sb.append("Largest message: ").append(caps.maxSize() / 1024).append(" KB\n");
            TlsInfo tls = c.tls();
            if (tls == null) {
                sb.append("No encryption (plain connection).\n");
            } else {
                sb.append("TLS: ").append(tls.protocol()).append(", ").append(tls.cipherSuite()).append('\n')
                        .append("Certificate: ").append(tls.peerSubject()).append("\n  issued by ").append(tls.peerIssuer())
                        .append("\n  valid until ").append(tls.peerNotAfter()).append("\n  SHA-256 ").append(tls.sha256Fingerprint()).append('\n');
            }
            if (to != null) {
                TransactionResult r = c.send(Envelope.of(from, to), MessageBody.of(testMessage(from, to)), EndOfDataHook.NONE);
                sb.append(r.accepted() ? "Test message accepted by the server: " : "Test message refused: ")
                        .append(r.decisiveReply()).append('\n');
                c.quit();
                return new Result(r.accepted(), sb.toString(), transcript, null);
            }
            c.quit();
            return new Result(true, sb.toString(), transcript, null);
        } catch (CertificateRejectedException e) {
            return new Result(false, "The server's certificate is not trusted: " + e.reason() + "\nSubject: " + e.subject()
                    + "\nIssuer: " + e.issuer() + "\nSHA-256 fingerprint: " + e.sha256Fingerprint()
                    + "\nCompare it with the one your provider publishes; pin it only if they match.", transcript, e.sha256Fingerprint());
        } catch (SmtpException e) {
            // What happened, then what to do about it: the same advice the connection log gives for this failure.
            String check = org.broadside.log.ConnectFailureExplainer.whatToCheck(org.broadside.delivery.SmtpSetupFailures.classify(e));
            return new Result(false, e.getMessage() + "\n" + check, transcript, null);
        }
    }

    static byte[] testMessage(String from, String to) {
        String msg = "From: " + from + "\r\nTo: " + to + "\r\nSubject: Broadside test message\r\n"
                + "Date: " + DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now()) + "\r\n"
                + "Message-ID: <" + UUID.randomUUID() + "@broadside.test>\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: text/plain; charset=UTF-8\r\n\r\n"
                + "This is a test message from Broadside's account manager. The account works.\r\n";
        return msg.getBytes(StandardCharsets.UTF_8);
    }

    private static String domain(String address) {
        int at = address == null ? -1 : address.lastIndexOf('@');
        return at < 0 ? "localhost" : address.substring(at + 1).replace(">", "").strip();
    }
}
