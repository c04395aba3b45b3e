package org.broadside.cli;

import org.broadside.testing.smtp.ScriptedSmtpServer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** 'broadside account test' against a scripted server: what the user sees when it works and when TLS is not trusted. */
class AccountTestCommandTest {
    final CliFixture cli = new CliFixture();

    @Test
    void plainServerShowsGreetingCapabilitiesAndTranscript() throws Exception {
        try (ScriptedSmtpServer server = ScriptedSmtpServer.start()) {
            assertThat(cli.run("account", "add", "Local", "--host", "127.0.0.1", "--port", Integer.toString(server.port()),
                    "--security", "none")).as(cli.err()).isZero();
            assertThat(cli.run("account", "test", "Local")).as(cli.out()).isZero();
            assertThat(cli.out()).contains("Greeting:      220").contains("PIPELINING").contains("C: EHLO").contains("OK: the account can send.");
        }
    }

    @Test
    void selfSignedCertificateIsRefusedAndItsFingerprintOfferedForPinning() throws Exception {
        char[] pw = "changeit".toCharArray();
        try (ScriptedSmtpServer server = ScriptedSmtpServer.start().tls(ScriptedSmtpServer.keyStore("localhost.p12"), pw).startTls(true)) {
            cli.run("account", "add", "Local", "--host", "localhost", "--port", Integer.toString(server.port()), "--security", "starttls");
            assertThat(cli.run("account", "test", "Local")).isEqualTo(1);
            assertThat(cli.out()).contains("Certificate NOT trusted").contains("--pin-fingerprint").contains("FAILED");
            String fingerprint = cli.out().lines().filter(l -> l.strip().startsWith("SHA-256")).findFirst().orElseThrow().strip().split("\\s+")[1];
            assertThat(cli.run("account", "add", "Local", "--host", "localhost", "--port", Integer.toString(server.port()),
                    "--security", "starttls", "--pin-fingerprint", fingerprint)).as(cli.err()).isZero();
            assertThat(cli.run("account", "test", "Local")).as(cli.out()).isZero();
            assertThat(cli.out()).contains("TLS:           TLSv1.");
        }
    }
}
