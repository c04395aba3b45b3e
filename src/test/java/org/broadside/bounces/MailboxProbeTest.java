package org.broadside.bounces;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.ServerSocket;

import static org.assertj.core.api.Assertions.assertThat;

/** "Test connection" of a bounce mailbox against a real IMAP server: each step in words, never the password. */
class MailboxProbeTest {
    @RegisterExtension
    static final GreenMailExtension GREENMAIL = new GreenMailExtension(ServerSetupTest.IMAP.dynamicPort());

    @BeforeEach
    void load() {
        GreenMailboxes.loadCorpus(GREENMAIL);
    }

    MailboxAccount plain(String folder, AfterScan after, String processed) {
        return new MailboxAccount("Bounces", MailProtocol.IMAP, "127.0.0.1", GREENMAIL.getImap().getPort(), false,
                GreenMailboxes.LOGIN, folder, after, processed);
    }

    @Test
    void aWorkingMailboxShowsEachStepAndTheMessageCount() {
        MailboxProbe.Result r = MailboxProbe.test(MailboxConnector.systemTrust(), plain("INBOX", AfterScan.MOVE, "Processed"),
                GreenMailboxes.PASSWORD.toCharArray());
        assertThat(r.ok()).isTrue();
        assertThat(r.transcript()).containsSubsequence(
                "Connecting to 127.0.0.1:" + GREENMAIL.getImap().getPort() + " (IMAP, without TLS)…",
                "Connected to 127.0.0.1 port " + GREENMAIL.getImap().getPort() + ".",
                "Logging in as bounces…", "Logged in.", "Folder INBOX: 36 messages.",
                "Folder Processed does not exist yet: the first scan creates it.",
                "✔ The mailbox works: scans can read it.");
        assertThat(String.join("\n", r.transcript())).doesNotContain(GreenMailboxes.PASSWORD);
    }

    @Test
    void aWrongPasswordIsSaidInPlainWordsWithoutThePassword() {
        MailboxProbe.Result r = MailboxProbe.test(MailboxConnector.systemTrust(), plain("INBOX", AfterScan.KEEP, null), "not-it-42".toCharArray());
        assertThat(r.ok()).isFalse();
        assertThat(r.summary()).isEqualTo("✘ The server refused the login of bounces: check the user name and the password.");
        assertThat(String.join("\n", r.transcript())).doesNotContain("not-it-42").doesNotContain(GreenMailboxes.PASSWORD);
    }

    @Test
    void aMissingFolderIsNamed() {
        MailboxProbe.Result r = MailboxProbe.test(MailboxConnector.systemTrust(), plain("Bounces/Nowhere", AfterScan.KEEP, null),
                GreenMailboxes.PASSWORD.toCharArray());
        assertThat(r.ok()).isFalse();
        assertThat(r.summary()).isEqualTo("✘ There is no folder \"Bounces/Nowhere\" in this mailbox: check the folder's name.");
    }

    @Test
    void noServerOnThePortIsSaidWithWhatToCheck() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        MailboxAccount a = new MailboxAccount("Bounces", MailProtocol.IMAP, "127.0.0.1", closed, false, "bounces", "INBOX", AfterScan.KEEP, null);
        MailboxProbe.Result r = MailboxProbe.test(MailboxConnector.systemTrust(), a, "x".toCharArray());
        assertThat(r.ok()).isFalse();
        assertThat(r.summary()).startsWith("✘ No connection to 127.0.0.1:" + closed + ": ").endsWith("Check the host and the port, and that no firewall blocks the connection.");
    }

    @Test
    void tlsShowsTheProtocolAndTheCertificate() throws Exception {
        try (TlsProxy proxy = new TlsProxy("/smtp/localhost.p12", GREENMAIL.getImap().getPort())) {
            MailboxAccount a = new MailboxAccount("Bounces", MailProtocol.IMAP, "localhost", proxy.port(), true, GreenMailboxes.LOGIN, "INBOX", AfterScan.KEEP, null);
            MailboxProbe.Result r = MailboxProbe.test(MailboxConnector.trusting(TlsProxy.keyStore("/smtp/trust.p12")), a, GreenMailboxes.PASSWORD.toCharArray());
            assertThat(r.ok()).as(String.join("\n", r.transcript())).isTrue();
            assertThat(r.transcript()).anyMatch(l -> l.startsWith("TLS: TLSv1.")).anyMatch(l -> l.startsWith("Certificate: CN=localhost"));
        }
    }

    @Test
    void aCertificateForAnotherHostStopsAtTls() throws Exception {
        try (TlsProxy proxy = new TlsProxy("/smtp/wronghost.p12", GREENMAIL.getImap().getPort())) {
            MailboxAccount a = new MailboxAccount("Bounces", MailProtocol.IMAP, "localhost", proxy.port(), true, GreenMailboxes.LOGIN, "INBOX", AfterScan.KEEP, null);
            MailboxProbe.Result r = MailboxProbe.test(MailboxConnector.trusting(TlsProxy.keyStore("/smtp/trust.p12")), a, GreenMailboxes.PASSWORD.toCharArray());
            assertThat(r.ok()).isFalse();
            assertThat(r.summary()).startsWith("✘ TLS failed: ").contains("name localhost");
            assertThat(r.transcript()).noneMatch(l -> l.startsWith("Logging in"));
        }
    }
}
