package org.broadside.delivery.direct;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyStore;
import org.broadside.delivery.Attempt;
import org.broadside.delivery.RecipientState;
import org.broadside.testing.smtp.ScriptedSmtpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** STARTTLS towards MX hosts reached by IP literal: the certificate is checked against the MX name. */
class DirectTlsTest {
    private static final KeyStore TRUST = ScriptedSmtpServer.keyStore("trust.p12");
    private static final char[] PW = "changeit".toCharArray();
    private final DirectFixture f = new DirectFixture();

    @AfterEach
    void tearDown() throws Exception {
        f.close();
    }

    private DirectOptions options(TlsPolicy policy) {
        return DirectOptions.defaults("mail.sender.test").withTimeouts(DirectFixture.FAST).withTls(policy)
                .forTests(f.ports, TRUST);
    }

    @Test
    void offeredStartTlsIsUsedAndTheCertificateVerifiedAgainstTheMxName() throws Exception {
        ScriptedSmtpServer server = f.server("localhost").tls(ScriptedSmtpServer.keyStore("localhost.p12"), PW).startTls(true);
        f.zone.mx("tls.test", 10, "localhost");

        Attempt a = f.session(options(TlsPolicy.OPPORTUNISTIC)).send(f.message("a@tls.test"), () -> { });

        assertThat(a.outcome()).isEqualTo(RecipientState.SENT);
        assertThat(server.commandLines()).contains("STARTTLS");
        assertThat(f.logText()).contains("TLS certificate verified for localhost");
    }

    @Test
    void opportunisticTlsEncryptsEvenWhenTheCertificateNamesAnotherHost() throws Exception {
        ScriptedSmtpServer server = f.server("localhost").tls(ScriptedSmtpServer.keyStore("wronghost.p12"), PW).startTls(true);
        f.zone.mx("tls.test", 10, "localhost");

        Attempt a = f.session(options(TlsPolicy.OPPORTUNISTIC)).send(f.message("a@tls.test"), () -> { });

        assertThat(a.outcome()).isEqualTo(RecipientState.SENT);
        assertThat(server.commandLines()).contains("STARTTLS");
        assertThat(f.logText()).contains("TLS certificate NOT verified (certificate is not valid for localhost)");
    }

    @Test
    void requiredTlsRefusesACertificateForAnotherHost() throws Exception {
        ScriptedSmtpServer server = f.server("localhost").tls(ScriptedSmtpServer.keyStore("wronghost.p12"), PW).startTls(true);
        f.zone.mx("tls.test", 10, "localhost");

        Attempt a = f.session(options(TlsPolicy.REQUIRED)).send(f.message("a@tls.test"), () -> { });

        assertThat(a.outcome()).isEqualTo(RecipientState.DEFERRED);
        assertThat(server.commandLines()).noneMatch(l -> l.startsWith("MAIL"));
    }

    @Test
    void requiredTlsSendsNothingWhenStartTlsIsNotOffered() throws Exception {
        ScriptedSmtpServer server = f.server("localhost");
        f.zone.mx("tls.test", 10, "localhost");

        Attempt a = f.session(options(TlsPolicy.REQUIRED)).send(f.message("a@tls.test"), () -> { });

        assertThat(a.outcome()).isEqualTo(RecipientState.DEFERRED);
        assertThat(a.reply()).contains("STARTTLS");
        assertThat(server.commandLines()).noneMatch(l -> l.startsWith("MAIL"));
    }

    @Test
    void opportunisticTlsDeliversInClearWhenStartTlsIsNotOffered() throws Exception {
        ScriptedSmtpServer server = f.server("localhost");
        f.zone.mx("tls.test", 10, "localhost");

        Attempt a = f.session(options(TlsPolicy.OPPORTUNISTIC)).send(f.message("a@tls.test"), () -> { });

        assertThat(a.outcome()).isEqualTo(RecipientState.SENT);
        assertThat(server.commandLines()).doesNotContain("STARTTLS");
    }

    @Test
    void opportunisticTlsFallsBackToClearTextWhenOfferedStartTlsFails() throws Exception {
        ScriptedSmtpServer server = f.server("localhost").startTls(true);
        server.on(org.broadside.delivery.smtp.Stage.STARTTLS).reply("454 4.7.0 TLS not available due to local problem");
        f.zone.mx("tls.test", 10, "localhost");

        Attempt a = f.session(options(TlsPolicy.OPPORTUNISTIC)).send(f.message("a@tls.test"), () -> { });

        assertThat(a.outcome()).isEqualTo(RecipientState.SENT);
        assertThat(server.receivedCommands()).extracting(c -> c.connection()).contains(1, 2);
        assertThat(f.logText()).contains("delivering without TLS");
    }

    @Test
    void requiredTlsDoesNotFallBackWhenOfferedStartTlsFails() throws Exception {
        ScriptedSmtpServer server = f.server("localhost").startTls(true);
        server.on(org.broadside.delivery.smtp.Stage.STARTTLS).reply("454 4.7.0 TLS not available due to local problem");
        f.zone.mx("tls.test", 10, "localhost");

        Attempt a = f.session(options(TlsPolicy.REQUIRED)).send(f.message("a@tls.test"), () -> { });

        assertThat(a.outcome()).isEqualTo(RecipientState.DEFERRED);
        assertThat(server.commandLines()).noneMatch(l -> l.startsWith("MAIL"));
    }
}
