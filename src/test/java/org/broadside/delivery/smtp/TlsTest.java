package org.broadside.delivery.smtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.broadside.delivery.smtp.SmtpTestSupport.EHLO;
import static org.broadside.delivery.smtp.SmtpTestSupport.FAST;
import static org.broadside.delivery.smtp.SmtpTestSupport.simpleBody;

import java.security.KeyStore;
import java.security.cert.X509Certificate;
import org.broadside.testing.smtp.ScriptedSmtpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TlsTest {
    private static final char[] PW = "changeit".toCharArray();
    private static final KeyStore TRUST = ScriptedSmtpServer.keyStore("trust.p12");
    private ScriptedSmtpServer server;

    @BeforeEach
    void start() throws Exception {
        server = ScriptedSmtpServer.start().tls(ScriptedSmtpServer.keyStore("localhost.p12"), PW).startTls(true)
                .auth("user", "s3cret-Pa55", "PLAIN");
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    @Test
    void startTlsUpgradesReissuesEhloAndLogsIn() throws Exception {
        try (SmtpConnection c = SmtpConnection.open(endpoint(Security.STARTTLS).withAuth(AuthMechanism.PLAIN, "user",
                () -> "s3cret-Pa55".toCharArray()), FAST, null, TRUST)) {
            assertThat(c.tls()).isNotNull();
            assertThat(c.tls().protocol()).isIn("TLSv1.2", "TLSv1.3");
            assertThat(c.tls().peerSubject()).contains("CN=localhost");
            assertThat(c.send(Envelope.of("s@example.com", "r@example.com"), simpleBody(), EndOfDataHook.NONE).accepted())
                    .isTrue();
        }
        assertThat(server.commandLines()).filteredOn(l -> l.startsWith("EHLO")).hasSize(2);
    }

    @Test
    void strippedStartTlsStopsBeforeAuthAndNoPasswordIsSent() {
        server.startTls(false);
        TlsRequiredException e = catchThrowableOfType(TlsRequiredException.class, () -> SmtpConnection.open(endpoint(Security.STARTTLS)
                .withAuth(AuthMechanism.PLAIN, "user", () -> "s3cret-Pa55".toCharArray()), FAST, null, TRUST));

        assertThat(e).hasMessage("the server did not offer STARTTLS; stopped before AUTH, no password was sent");
        assertThat(server.commandLines()).noneMatch(l -> l.startsWith("AUTH"));
    }

    @Test
    void selfSignedCertificateIsRejectedWithItsFingerprint() throws Exception {
        CertificateRejectedException e = catchThrowableOfType(CertificateRejectedException.class, () -> SmtpConnection.open(endpoint(Security.STARTTLS), FAST, null));

        assertThat(e.sha256Fingerprint()).isEqualTo(localhostFingerprint());
        assertThat(e.subject()).contains("CN=localhost");
        assertThat(e.reason()).contains("not signed by a trusted authority");
        assertThat(server.messages()).isEmpty();
    }

    @Test
    void selfSignedCertificateIsAcceptedWhenPinned() throws Exception {
        try (SmtpConnection c = SmtpConnection.open(endpoint(Security.STARTTLS).withPin(localhostFingerprint()), FAST, null)) {
            assertThat(c.tls().sha256Fingerprint()).isEqualTo(localhostFingerprint());
        }
    }

    @Test
    void pinOfAnotherCertificateIsRejected() {
        String other = "00".repeat(32);
        CertificateRejectedException e = catchThrowableOfType(CertificateRejectedException.class, () -> SmtpConnection.open(endpoint(Security.STARTTLS).withPin(other), FAST, null, TRUST));

        assertThat(e.reason()).contains("pinned");
    }

    @Test
    void certificateForAnotherHostIsRejectedEvenWhenTrusted() throws Exception {
        server.close();
        server = ScriptedSmtpServer.start().tls(ScriptedSmtpServer.keyStore("wronghost.p12"), PW).startTls(true);

        CertificateRejectedException e = catchThrowableOfType(CertificateRejectedException.class, () -> SmtpConnection.open(endpoint(Security.STARTTLS), FAST, null, TRUST));

        assertThat(e.reason()).contains("different host name");
        assertThat(e.subject()).contains("CN=wrong.example");
    }

    @Test
    void implicitTlsWorksFromTheFirstByte() throws Exception {
        server.implicitTls(true);
        try (SmtpConnection c = SmtpConnection.open(endpoint(Security.SSL), FAST, null, TRUST)) {
            assertThat(c.tls()).isNotNull();
            assertThat(c.greeting().code()).isEqualTo(220);
        }
    }

    @Test
    void bytesInjectedBeforeTheHandshakeAreDiscarded() throws Exception {
        server.on(Stage.STARTTLS).reply("220 2.0.0 Ready").thenSend("250-INJECTED", "250 AUTH PLAIN");
        SmtpTestSupport.RecordingListener log = new SmtpTestSupport.RecordingListener();
        try (SmtpConnection c = SmtpConnection.open(endpoint(Security.STARTTLS), FAST, log, TRUST)) {
            assertThat(c.tls()).isNotNull();
            assertThat(c.capabilities().keywords()).doesNotContain("INJECTED");
        }
        assertThat(log.all()).contains("discarded").doesNotContain("SERVER: 250-INJECTED");
    }

    @Test
    void preparedSslContextCanSupplyTheTrust() throws Exception {
        javax.net.ssl.TrustManagerFactory tmf = javax.net.ssl.TrustManagerFactory.getInstance(
                javax.net.ssl.TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(TRUST);
        javax.net.ssl.SSLContext ctx = javax.net.ssl.SSLContext.getInstance("TLS");
        ctx.init(null, tmf.getTrustManagers(), null);
        try (SmtpConnection c = SmtpConnection.open(endpoint(Security.STARTTLS), FAST, null, ctx)) {
            assertThat(c.tls().peerSubject()).contains("CN=localhost");
        }
    }

    private SmtpEndpoint endpoint(Security security) {
        return SmtpEndpoint.plain("localhost", server.port(), EHLO).withSecurity(security);
    }

    private static String localhostFingerprint() throws Exception {
        KeyStore ks = ScriptedSmtpServer.keyStore("localhost.p12");
        return Fingerprints.sha256((X509Certificate) ks.getCertificate("server"));
    }
}
