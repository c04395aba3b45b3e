package org.broadside.delivery;

import org.broadside.store.Database;
import org.broadside.testing.StoreBackend;
import org.broadside.testing.TempDirs;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** An account's group pacing on a team store holds for all its senders together, not per process. */
class SharedPaceTest {
    private final List<Database> opened = new ArrayList<>();

    @org.junit.jupiter.api.AfterEach
    void close() {
        opened.forEach(Database::close);
    }

    private Database keep(Database db) {
        opened.add(db);
        return db;
    }

    private static AccountLane paced(Messenger m, int group, long intervalMillis) {
        return new AccountLane("Work", m, 2, 0, group, intervalMillis, 0, 0, 1);
    }

    @Test
    void twoProcessesShareEachGroupOfTheAccount() {
        Database first = keep(StoreBackend.POSTGRES.open(TempDirs.create("pace-a")));
        Database second = keep(Database.openTeam(TempDirs.create("pace-b"), first.team()));
        SharedPace a = SharedPace.of(first, paced(new FakeMessenger(), 3, 10_000));
        SharedPace b = SharedPace.of(second, paced(new FakeMessenger(), 3, 10_000));
        long slotStart = 1_796_000_000_000L / 10_000 * 10_000;

        assertThat(a.take(slotStart + 1)).isZero();
        assertThat(b.take(slotStart + 2)).isZero();
        assertThat(a.take(slotStart + 3)).isZero();
        assertThat(b.take(slotStart + 4)).as("the group of 3 is the account's, whoever sends").isEqualTo(slotStart + 10_000);
        assertThat(a.take(slotStart + 5)).isEqualTo(slotStart + 10_000);
        assertThat(b.take(slotStart + 10_000)).as("the next group").isZero();
    }

    @Test
    void onThisComputersStoreTheThrottlesOwnPauseIsTheTruth() {
        Database local = keep(StoreBackend.SQLITE.open(TempDirs.create("pace-local")));
        assertThat(SharedPace.of(local, paced(new FakeMessenger(), 3, 1000))).isNull();
        Database team = keep(StoreBackend.POSTGRES.open(TempDirs.create("pace-nogroup")));
        assertThat(SharedPace.of(team, paced(new FakeMessenger(), 0, 0))).as("no groups: no store traffic").isNull();
    }

    @Test
    void twoProcessesSendingOneCampaignTogetherKeepTheAccountsPace() throws Exception {
        String[] emails = new String[16];
        for (int i = 0; i < emails.length; i++) emails[i] = "r" + i + "@example.org";
        EngineFixture f = new EngineFixture(StoreBackend.POSTGRES).frozenTo(emails);
        keep(f.db);
        List<RunHandle> handles = new ArrayList<>();
        List<FakeMessenger> servers = new ArrayList<>();
        long started = System.nanoTime();
        for (int i = 0; i < 2; i++) {
            CampaignRepository store = new CampaignRepository(keep(Database.openTeam(TempDirs.create("pace-process-" + i), f.db.team())));
            FakeMessenger m = new FakeMessenger();
            servers.add(m);
            // Groups of 4 every 400 ms: 16 recipients take at least 3 pauses together (1.2 s); each process pacing
            // only itself would send its 8 in one pause (0.4 s).
            handles.add(new DeliveryEngine(store).start(new RunRequest(store.find("campaign-1").orElseThrow(), EngineFixture.composer(),
                    List.of(paced(m, 4, 400)), null, false, false, null, null)));
        }
        for (RunHandle h : handles) assertThat(h.await(30, TimeUnit.SECONDS)).isNotNull();
        long elapsed = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

        assertThat(servers.get(0).delivered.size() + servers.get(1).delivered.size()).isEqualTo(16);
        assertThat(elapsed).as("the account's pace held for both together").isGreaterThanOrEqualTo(1100);
        assertThat(f.campaigns.counts(f.campaign.id())).containsEntry(RecipientState.SENT, 16L);
    }
}
