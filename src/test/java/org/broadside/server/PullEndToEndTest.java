package org.broadside.server;

import org.broadside.bounces.BounceEvent;
import org.broadside.bounces.BounceKind;
import org.broadside.bounces.BounceRepository;
import org.broadside.contacts.BlacklistRepository;
import org.broadside.store.Database;
import org.broadside.testing.TempDirs;
import org.broadside.unsubscribe.PullException;
import org.broadside.unsubscribe.PullResult;
import org.broadside.unsubscribe.ServerSecret;
import org.broadside.unsubscribe.TrustedCertificates;
import org.broadside.unsubscribe.UnsubscribePull;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.net.ssl.SSLContext;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The pull path end to end over HTTPS: the server on one data directory (it has never heard of the campaign), the
 * desktop on another with the sent campaign and its contacts. TLS is verified: the test trusts the test certificate
 * explicitly, and without that trust the pull is refused.
 */
class PullEndToEndTest {
    private static final Path CERT = resource("localhost-cert.pem");
    private static final Path KEY = resource("localhost-key.pem");

    private ServerFixture server;
    private Database desktop;
    private SSLContext trust;
    private String base;

    @BeforeEach
    void start() throws Exception {
        server = new ServerFixture(ServerOptions.loopback().withTls(CERT, KEY), false);
        desktop = Database.open(TempDirs.create("desktop"));
        ServerFixture.addCampaign(desktop, ServerFixture.CAMPAIGN, "Acme News", List.of(ServerFixture.JO, ServerFixture.ANN));
        trust = TrustedCertificates.of(CERT);
        base = "https://localhost:" + server.server.port();
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    @Test
    void anUnsubscribeOnTheServerReachesTheDesktopOnceAndItsUndoToo() throws Exception {
        HttpClient https = HttpClient.newBuilder().sslContext(trust).build();
        String token = server.token(ServerFixture.JO);
        HttpResponse<String> click = https.send(HttpRequest.newBuilder(URI.create(base + "/u/" + token))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(click.statusCode()).isEqualTo(200);
        assertThat(click.headers().firstValue("Strict-Transport-Security")).isPresent();

        UnsubscribePull pull = new UnsubscribePull(desktop, trust);
        PullResult first = pull.pull(base, server.secret);
        assertThat(first).isEqualTo(new PullResult(1, 1, 0, 1));
        assertThat(blacklisted(ServerFixture.JO)).isTrue();
        BounceEvent e = new BounceRepository(desktop).latest(1).get(0);
        assertThat(e.kind()).isEqualTo(BounceKind.UNSUBSCRIBE);
        assertThat(e.mailbox()).isEqualTo("one-click");
        assertThat(e.campaignId()).isNotNull();

        PullResult again = pull.pull(base, server.secret);
        assertThat(again).isEqualTo(new PullResult(0, 0, 0, 0));
        assertThat(again.describe()).as("what the window and the command line show").isEqualTo("nothing new");
        assertThat(new BounceRepository(desktop).latest(10)).hasSize(1);

        // The person undoes it on the page; the next pull takes the unsubscribe back on the desktop.
        String page = https.send(HttpRequest.newBuilder(URI.create(base + "/u/" + token)).build(), HttpResponse.BodyHandlers.ofString()).body();
        HttpResponse<String> undo = https.send(HttpRequest.newBuilder(URI.create(base + "/u/" + token + "/undo"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("csrf=" + UnsubscribeRoutesTest.csrfOf(page))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(undo.statusCode()).isEqualTo(200);
        assertThat(pull.pull(base, server.secret)).isEqualTo(new PullResult(1, 0, 1, 1));
        assertThat(blacklisted(ServerFixture.JO)).isFalse();
        assertThat(new BounceRepository(desktop).latest(1).get(0).undone()).isTrue();
    }

    @Test
    void eventsAppliedButNotAcknowledgedAreNotAppliedTwice() throws Exception {
        assertThat(server.server.events().unsubscribe(new org.broadside.unsubscribe.RecipientToken(ServerFixture.CAMPAIGN, ServerFixture.ANN, null),
                "one-click").get()).isPresent();
        UnsubscribePull pull = new UnsubscribePull(desktop, trust);
        pull.pull(base, server.secret);
        // As if the acknowledgement had been lost: the server sends the event again.
        server.db.inTransaction(c -> c.createStatement().executeUpdate("UPDATE server_events SET acked_at = NULL"));
        PullResult again = pull.pull(base, server.secret);
        assertThat(again.fetched()).isEqualTo(1);
        assertThat(again.recorded()).isZero();
        assertThat(new BounceRepository(desktop).latest(10)).hasSize(1);
    }

    @Test
    void aWrongKeyIsRefusedAndNothingIsAcknowledged() throws Exception {
        server.oneClickOverTls(trust, base, server.token(ServerFixture.JO));
        assertThatThrownBy(() -> new UnsubscribePull(desktop, trust).pull(base, ServerSecret.generate()))
                .isInstanceOf(PullException.class).hasMessageContaining("refused the key");
        assertThat(server.server.events().unacknowledged(0, 10)).hasSize(1);
    }

    @Test
    void tlsIsVerifiedByDefault() {
        assertThatThrownBy(() -> new UnsubscribePull(desktop, null).pull(base, server.secret))
                .isInstanceOf(PullException.class).hasMessageContaining("Cannot reach");
    }

    private boolean blacklisted(String email) {
        return new BlacklistRepository(desktop).entries().stream().anyMatch(e -> e.entry().equalsIgnoreCase(email));
    }

    private static Path resource(String name) {
        try {
            return Path.of(PullEndToEndTest.class.getResource(name).toURI());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
