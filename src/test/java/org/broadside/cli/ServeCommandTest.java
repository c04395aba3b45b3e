package org.broadside.cli;

import org.broadside.server.BroadsideServer;
import org.broadside.server.ServerOptions;
import org.broadside.store.Database;
import org.broadside.testing.TempDirs;
import org.broadside.unsubscribe.RecipientToken;
import org.broadside.unsubscribe.RecipientTokens;
import org.broadside.unsubscribe.ServerSecret;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** "serve --init" and "unsubscribes pull" on the real command line. */
class ServeCommandTest {
    private final Map<String, String> env = new HashMap<>(Map.of("BROADSIDE_CREDENTIALS", "file", "BROADSIDE_PASSPHRASE", "a long passphrase"));

    @AfterEach
    void restoreEnvironment() {
        Environment.reset();
    }

    @Test
    void initShowsTheKeyOnceKeepsItOwnerOnlyAndRefusesToReplaceIt() throws Exception {
        Path data = TempDirs.create("serve-cli");
        CliRun first = CliRun.run(data, "serve", "--init");
        assertThat(first.exitCode()).isZero();
        String key = Files.readString(data.resolve(ServerSecret.FILE_NAME)).strip();
        assertThat(first.out()).contains(key).contains("shown this once");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve(ServerSecret.FILE_NAME)))).isEqualTo("rw-------");
        CliRun again = CliRun.run(data, "serve", "--init");
        assertThat(again.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(again.err()).contains("already is a server key").doesNotContain(key);
        assertThat(Files.readString(data.resolve(ServerSecret.FILE_NAME)).strip()).isEqualTo(key);
    }

    @Test
    void serveWithoutAKeyOrWithABadAddressSaysWhatIsWrong() {
        Path data = TempDirs.create("serve-cli");
        assertThat(CliRun.run(data, "serve").err()).contains("serve --init");
        CliRun.run(data, "serve", "--init");
        CliRun bad = CliRun.run(data, "serve", "--listen", "localhost");
        assertThat(bad.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(bad.err()).contains("--listen must be HOST:PORT");
        assertThat(CliRun.run(data, "serve", "--public-url", "news.example").err()).contains("--public-url must be");
    }

    @Test
    void pullSavesTheKeyAppliesAndAcknowledges() throws Exception {
        Path serverData = TempDirs.create("serve-cli-server");
        ServerSecret secret = ServerSecret.create(serverData);
        try (BroadsideServer server = BroadsideServer.start(Database.open(serverData), secret, ServerOptions.loopback())) {
            String token = new RecipientTokens(secret).seal(new RecipientToken("c-1", "jo@example.com", null));
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.localUrl() + "/u/" + token))
                    .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(200);

            Path desktop = TempDirs.create("serve-cli-desktop");
            Environment.use(() -> env);
            // Each run opens the encrypted credential file (600,000 PBKDF2 rounds): one run here; idempotence is PullEndToEndTest's.
            env.put(UnsubscribesPullCommand.KEY_ENV, secret.text());
            CliRun saved = CliRun.run(desktop, "unsubscribes", "pull", "--from", server.localUrl().toString(), "--save-key");
            assertThat(saved.exitCode()).as(saved.err()).isZero();
            assertThat(saved.out()).contains("saved the key").contains("1 new event: 1 unsubscribe recorded");
            assertThat(CliRun.run(desktop, "bounces", "list").out()).contains("unsubscribe  jo@example.com").contains("one-click");
            assertThat(CliRun.run(desktop, "blacklist", "show").out()).contains("jo@example.com");
            env.put(UnsubscribesPullCommand.KEY_ENV, "not-a-key");
            assertThat(CliRun.run(desktop, "unsubscribes", "pull", "--from", server.localUrl().toString(), "--save-key").err()).contains("bss1.");
        }
    }

    @Test
    void aCertificateGivenWithSaveKeyIsKeptForTheAppsTimedPulls() throws Exception {
        Path cert = Path.of(ServeCommandTest.class.getResource("/org/broadside/server/localhost-cert.pem").toURI());
        Path key = Path.of(ServeCommandTest.class.getResource("/org/broadside/server/localhost-key.pem").toURI());
        Path serverData = TempDirs.create("serve-cli-tls");
        ServerSecret secret = ServerSecret.create(serverData);
        try (BroadsideServer server = BroadsideServer.start(Database.open(serverData), secret, ServerOptions.loopback().withTls(cert, key))) {
            String url = "https://localhost:" + server.port();
            Path desktop = TempDirs.create("serve-cli-tls-desktop");
            Environment.use(() -> env);
            env.put(UnsubscribesPullCommand.KEY_ENV, secret.text());
            CliRun saved = CliRun.run(desktop, "unsubscribes", "pull", "--from", url, "--save-key", "--trust-cert", cert.toString());
            assertThat(saved.exitCode()).as(saved.err()).isZero();
            // The app's timer pulls with what the data directory keeps: without the certificate, a self-signed server failed.
            assertThat(org.broadside.unsubscribe.TrustedCertificates.forServer(desktop, url)).isPresent();
        }
    }
}
