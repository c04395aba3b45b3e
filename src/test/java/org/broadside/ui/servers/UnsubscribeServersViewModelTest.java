package org.broadside.ui.servers;

import org.broadside.accounts.InMemoryCredentialStore;
import org.broadside.contacts.BlacklistRepository;
import org.broadside.server.ServerFixture;
import org.broadside.server.ServerOptions;
import org.broadside.store.Database;
import org.broadside.testing.TempDirs;
import org.broadside.ui.common.SameThreadRunner;
import org.broadside.unsubscribe.KnownServers;
import org.broadside.unsubscribe.ServerKeys;
import org.broadside.unsubscribe.ServerPulls;
import org.broadside.unsubscribe.ServerSecret;
import org.broadside.unsubscribe.UnsubscribeServerRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tools > Unsubscribe servers without its window: a real server on loopback, a desktop store of its own, the key in
 * an in-memory credential store.
 */
class UnsubscribeServersViewModelTest {
    private ServerFixture server;
    private Database desktop;
    private InMemoryCredentialStore credentials;
    private UnsubscribeServersViewModel vm;
    private String url;

    @BeforeEach
    void setUp() throws Exception {
        server = new ServerFixture(ServerOptions.loopback(), false);
        url = withoutSlash(server.server.localUrl().toString());
        desktop = Database.open(TempDirs.create("servers-vm"));
        ServerFixture.addCampaign(desktop, ServerFixture.CAMPAIGN, "Acme News", List.of(ServerFixture.JO, ServerFixture.ANN));
        credentials = new InMemoryCredentialStore();
        vm = model(desktop, credentials);
    }

    static UnsubscribeServersViewModel model(Database desktop, InMemoryCredentialStore credentials) {
        ServerPulls pulls = new ServerPulls(desktop, () -> credentials);
        return new UnsubscribeServersViewModel(new UnsubscribeServerRepository(desktop), new KnownServers(desktop, () -> credentials),
                pulls::pull, new SameThreadRunner(), ZoneOffset.UTC);
    }

    @AfterEach
    void tearDown() throws Exception {
        server.close();
    }

    @Test
    void addingAServerKeepsItsKeyInTheCredentialStoreOnlyAndPullsAtOnce() throws Exception {
        assertThat(server.oneClick(server.token(ServerFixture.JO)).statusCode()).isEqualTo(200);
        vm.startAdding();
        vm.urlProperty().set(url + "/");
        vm.keyProperty().set(" " + server.secret.text() + "\n");
        vm.add();

        assertThat(vm.problemProperty().get()).isEmpty();
        assertThat(vm.statusProperty().get()).startsWith("Added " + url + ". First pull: 1 new event: 1 unsubscribe recorded");
        assertThat(vm.rows()).singleElement().satisfies(r -> {
            assertThat(r.url()).isEqualTo(url);
            assertThat(r.lastPulled()).isNotEqualTo("Never");
            assertThat(r.result()).startsWith("1 new event");
        });
        assertThat(new BlacklistRepository(desktop).entries()).anyMatch(e -> e.entry().equals(ServerFixture.JO));
        // Saved exactly as "unsubscribes pull --save-key" saves it, and the form forgets it.
        assertThat(credentials.get(ServerKeys.credentialKey(url)).map(String::new)).contains(server.secret.text());
        assertThat(vm.keyProperty().get()).isEmpty();
        assertThat(vm.addingProperty().get()).isFalse();
        // Neither the key nor the pull key derived from it is anywhere in the desktop's data folder.
        assertThat(filesContaining(desktop.directory(), server.secret.text())).isEmpty();
        assertThat(filesContaining(desktop.directory(), server.secret.pullKey())).isEmpty();
    }

    @Test
    void pullNowAppliesWhatTheServerRecordedSinceAndSaysWhat() throws Exception {
        add(server.secret.text());
        assertThat(server.oneClick(server.token(ServerFixture.ANN)).statusCode()).isEqualTo(200);

        vm.pull(vm.rows().get(0));

        assertThat(vm.statusProperty().get()).isEqualTo(url + ": 1 new event: 1 unsubscribe recorded, 0 undone, 1 acknowledged");
        assertThat(vm.rows().get(0).result()).isEqualTo("1 new event: 1 unsubscribe recorded, 0 undone, 1 acknowledged");
        assertThat(new BlacklistRepository(desktop).entries()).anyMatch(e -> e.entry().equals(ServerFixture.ANN));
        assertThat(vm.busyProperty().get()).isFalse();
    }

    @Test
    void aKeyTheServerRefusesIsExplainedAndNothingIsSaved() {
        add(ServerSecret.generate().text());

        assertThat(vm.problemProperty().get()).contains("refused the key").endsWith("Nothing was saved.");
        assertThat(vm.rows()).isEmpty();
        assertThat(new UnsubscribeServerRepository(desktop).list()).isEmpty();
        assertThat(credentials.get(ServerKeys.credentialKey(url))).isEmpty();
        assertThat(vm.addingProperty().get()).isTrue();
    }

    @Test
    void badAddressesAndKeysAreRefusedWithTheReason() {
        vm.startAdding();
        vm.keyProperty().set(server.secret.text());
        vm.urlProperty().set("http://news.acme.example");
        vm.add();
        assertThat(vm.problemProperty().get()).startsWith("Use https:// for a server on another machine");
        vm.urlProperty().set("news dot acme");
        vm.add();
        assertThat(vm.problemProperty().get()).contains("is not a web address like https://news.acme.example");
        vm.urlProperty().set("");
        vm.add();
        assertThat(vm.problemProperty().get()).isEqualTo("Type the server's address, like https://news.acme.example.");

        vm.urlProperty().set(url);
        vm.keyProperty().set("hunter2");
        vm.add();
        assertThat(vm.problemProperty().get()).startsWith("That is not a server key: a server key starts with \"bss1.\"")
                .contains("\"broadside serve --init\" showed");
        vm.keyProperty().set("");
        vm.add();
        assertThat(vm.problemProperty().get()).startsWith("Paste the server's key.");

        vm.keyProperty().set(server.secret.text());
        vm.certificateProperty().set("/no/such/cert.pem");
        vm.add();
        assertThat(vm.problemProperty().get()).startsWith("There is no certificate file");

        vm.certificateProperty().set("");
        vm.urlProperty().set("http://127.0.0.1:1");
        vm.add();
        assertThat(vm.problemProperty().get()).isEqualTo("Cannot reach http://127.0.0.1:1: nothing answers there. Check the address and that "
                + "the server is running. Nothing was saved.");
        assertThat(new UnsubscribeServerRepository(desktop).list()).isEmpty();
        assertThat(credentials.get(ServerKeys.credentialKey("http://127.0.0.1:1"))).isEmpty();
    }

    @Test
    void removeForgetsTheServerAndItsKey() {
        add(server.secret.text());
        vm.remove(vm.rows().get(0));

        assertThat(vm.rows()).isEmpty();
        assertThat(vm.statusProperty().get()).isEqualTo("Removed " + url + " and its key. Its unsubscribes are no longer pulled here.");
        assertThat(credentials.get(ServerKeys.credentialKey(url))).isEmpty();
        assertThat(new ServerPulls(desktop, () -> credentials).pullAll()).isEmpty();
    }

    @Test
    void aSelfSignedServerIsRefusedUntilItsCertificateIsGivenAndTheTimedPullsTrustItToo() throws Exception {
        Path cert = resource("localhost-cert.pem");
        try (ServerFixture tls = new ServerFixture(ServerOptions.loopback().withTls(cert, resource("localhost-key.pem")), false)) {
            String https = "https://localhost:" + tls.server.port();
            vm.startAdding();
            vm.urlProperty().set(https);
            vm.keyProperty().set(tls.secret.text());
            vm.add();
            assertThat(vm.problemProperty().get()).startsWith("Cannot reach " + https + " safely: its certificate is not trusted here.");
            assertThat(vm.rows()).isEmpty();

            vm.certificateProperty().set(cert.toString());
            vm.add();
            assertThat(vm.problemProperty().get()).isEmpty();
            assertThat(vm.rows()).extracting(UnsubscribeServersViewModel.ServerRow::url).containsExactly(https);

            tls.server.events().unsubscribe(new org.broadside.unsubscribe.RecipientToken(ServerFixture.CAMPAIGN, ServerFixture.JO, null), "one-click").get();
            // What the app's timer runs: every known server, with the certificate kept for this one.
            assertThat(new ServerPulls(desktop, () -> credentials).pullAll()).containsExactly(https + ": 1 new event: 1 unsubscribe recorded, 0 undone, 1 acknowledged");
        }
    }

    private void add(String key) {
        vm.startAdding();
        vm.urlProperty().set(url);
        vm.keyProperty().set(key);
        vm.add();
    }

    static List<Path> filesContaining(Path dir, String text) throws Exception {
        byte[] needle = text.getBytes(StandardCharsets.US_ASCII);
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).filter(f -> {
                try {
                    return indexOf(Files.readAllBytes(f), needle) >= 0;
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList();
        }
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) if (hay[i + j] != needle[j]) continue outer;
            return i;
        }
        return -1;
    }

    static Path resource(String name) {
        try {
            return Path.of(ServerFixture.class.getResource(name).toURI());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The server's local URL as the list stores it (no trailing slash). */
    static String withoutSlash(String u) {
        return u.endsWith("/") ? u.substring(0, u.length() - 1) : u;
    }
}
