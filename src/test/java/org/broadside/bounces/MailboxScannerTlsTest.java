package org.broadside.bounces;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import org.broadside.accounts.InMemoryCredentialStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** IMAP over TLS: certificate and host name are checked; trust comes from the JDK or an explicit trust store, never from nowhere. */
class MailboxScannerTlsTest {
    @RegisterExtension
    static final GreenMailExtension GREENMAIL = new GreenMailExtension(ServerSetupTest.IMAP.dynamicPort());

    BounceFixture fixture;

    @BeforeEach
    void load() {
        fixture = new BounceFixture();
        GreenMailboxes.loadCorpus(GREENMAIL);
    }

    ScanReport scanThrough(String serverKeyStore, MailboxConnector connector) throws Exception {
        try (TlsProxy proxy = new TlsProxy(serverKeyStore, GREENMAIL.getImap().getPort())) {
            MailboxAccount account = new MailboxAccount("Bounces", MailProtocol.IMAP, "localhost", proxy.port(), true,
                    GreenMailboxes.LOGIN, "INBOX", AfterScan.KEEP, null);
            MailboxScanner scanner = new MailboxScanner(fixture.db, new InMemoryCredentialStore(), connector, BounceFixture.classifier());
            return scanner.scan(account, GreenMailboxes.PASSWORD.toCharArray(), true);
        }
    }

    @Test
    void trustedCertificateForTheHostIsAccepted() throws Exception {
        ScanReport report = scanThrough("/smtp/localhost.p12", MailboxConnector.trusting(TlsProxy.keyStore("/smtp/trust.p12")));
        assertThat(report.lines()).hasSize(36);
    }

    @Test
    void trustedCertificateForAnotherHostIsRefused() {
        assertThatThrownBy(() -> scanThrough("/smtp/wronghost.p12", MailboxConnector.trusting(TlsProxy.keyStore("/smtp/trust.p12"))))
                .isInstanceOf(MailboxException.class).hasMessageStartingWith("Cannot open the mailbox Bounces at localhost:")
                .hasMessageContaining("No subject alternative DNS name matching localhost");
    }

    @Test
    void selfSignedCertificateIsRefusedWithTheSystemTrust() {
        assertThatThrownBy(() -> scanThrough("/smtp/localhost.p12", MailboxConnector.systemTrust()))
                .isInstanceOf(MailboxException.class).hasMessageStartingWith("Cannot open the mailbox Bounces at localhost:")
                .hasMessageContaining("unable to find valid certification path");
    }
}
