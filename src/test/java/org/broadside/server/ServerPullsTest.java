package org.broadside.server;

import org.broadside.accounts.InMemoryCredentialStore;
import org.broadside.contacts.BlacklistRepository;
import org.broadside.store.Database;
import org.broadside.testing.TempDirs;
import org.broadside.unsubscribe.ServerKeys;
import org.broadside.unsubscribe.ServerPulls;
import org.broadside.unsubscribe.UnsubscribeServerRepository;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What the app's timer and its menu item run: every known server pulled with the key from the credential store. */
class ServerPullsTest {
    @Test
    void everyKnownServerIsPulledWithItsSavedKeyAndTheOutcomeNoted() throws Exception {
        try (ServerFixture server = new ServerFixture(ServerOptions.loopback(), false)) {
            Database desktop = Database.open(TempDirs.create("desktop"));
            ServerFixture.addCampaign(desktop, ServerFixture.CAMPAIGN, "Acme News", List.of(ServerFixture.JO));
            String url = server.server.localUrl().toString();
            InMemoryCredentialStore credentials = new InMemoryCredentialStore();
            ServerKeys.remember(credentials, url, server.secret);
            UnsubscribeServerRepository servers = new UnsubscribeServerRepository(desktop);
            servers.add(url);
            servers.add("http://127.0.0.1:1");
            assertThat(server.oneClick(server.token(ServerFixture.JO)).statusCode()).isEqualTo(200);

            List<String> lines = new ServerPulls(desktop, () -> credentials).pullAll();
            assertThat(lines).anyMatch(l -> l.startsWith(url + ": 1 new event: 1 unsubscribe recorded"))
                    .anyMatch(l -> l.startsWith("http://127.0.0.1:1: no key saved"));
            assertThat(new BlacklistRepository(desktop).entries()).anyMatch(e -> e.entry().equals(ServerFixture.JO));
            assertThat(servers.list()).anyMatch(s -> s.url().equals(url) && s.lastResult().startsWith("1 new event"));
        }
    }
}
