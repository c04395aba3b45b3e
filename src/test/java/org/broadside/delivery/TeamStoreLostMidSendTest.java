package org.broadside.delivery;

import org.broadside.store.Database;
import org.broadside.testing.StoreBackend;
import org.broadside.testing.TeamStoreServer;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The team store goes away in the middle of a send (its server stops, the network breaks): the run must end, pause
 * the campaign with the reason and hand its caller a result, never hang a command line or a window forever.
 */
class TeamStoreLostMidSendTest {

    @Test
    void aRunWhoseStoreGoesAwayEndsPausedWithTheReason() throws Exception {
        String[] emails = new String[400];
        for (int i = 0; i < emails.length; i++) emails[i] = "r" + i + "@example.org";
        // Each failed attempt to reach the store waits for the pool's timeout: short here, 10 s for users.
        System.setProperty("broadside.storeConnectTimeoutMillis", "1500");
        EngineFixture f;
        try {
            f = new EngineFixture(StoreBackend.POSTGRES).frozenTo(emails);
        } finally {
            System.clearProperty("broadside.storeConnectTimeoutMillis");
        }
        FakeMessenger m = new FakeMessenger();
        m.afterHook = () -> {
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        RunHandle h = f.engine.start(new RunRequest(f.campaigns.find("campaign-1").orElseThrow(), EngineFixture.composer(),
                List.of(EngineFixture.lane("fake", m, 2)), null, false, false, null, null));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (m.delivered.size() < 20 && System.nanoTime() < deadline) Thread.sleep(10);
        assertThat(m.delivered).as("it was sending").hasSizeGreaterThanOrEqualTo(20);

        String database = f.db.team().url().substring(f.db.team().url().lastIndexOf('/') + 1);
        try (Connection admin = TeamStoreServer.server().getPostgresDatabase().getConnection(); Statement s = admin.createStatement()) {
            s.execute("ALTER DATABASE " + database + " ALLOW_CONNECTIONS false");
            s.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + database + "'");
        }

        RunResult r = h.await(90, TimeUnit.SECONDS);
        assertThat(r).as("the run ended instead of hanging").isNotNull();
        assertThat(r.status()).isEqualTo(CampaignStatus.PAUSED);
        assertThat(r.reason()).isNotBlank();
        assertThat(m.delivered.size()).as("it stopped sending").isLessThan(emails.length);

        try (Connection admin = TeamStoreServer.server().getPostgresDatabase().getConnection(); Statement s = admin.createStatement()) {
            s.execute("ALTER DATABASE " + database + " ALLOW_CONNECTIONS true");
        }
        f.db.close();
    }
}
