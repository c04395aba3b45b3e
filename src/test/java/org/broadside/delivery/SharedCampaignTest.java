package org.broadside.delivery;

import org.broadside.store.Database;
import org.broadside.store.ProcessIdentity;
import org.broadside.testing.StoreBackend;
import org.broadside.testing.TempDirs;
import org.broadside.testing.TeamStoreServer;
import org.junit.jupiter.api.Test;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One campaign of a team store sent by several processes at once (each its own {@link Database}, as separate
 * processes or machines have): every recipient is sent once, the work is shared, and what a dead sender had claimed
 * but not started goes to the others once its lease runs out.
 */
class SharedCampaignTest {
    /** The stores this test opened: each holds a pool of connections to the shared test server until closed. */
    private final List<Database> opened = new ArrayList<>();

    @org.junit.jupiter.api.AfterEach
    void close() {
        opened.forEach(Database::close);
    }

    private EngineFixture fixture(String... emails) {
        EngineFixture f = new EngineFixture(StoreBackend.POSTGRES).frozenTo(emails);
        opened.add(f.db);
        return f;
    }

    /** "Processes" on the fixture's team store: each opens it afresh from its own data directory. */
    private List<CampaignRepository> processes(EngineFixture f, int n) {
        List<CampaignRepository> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Database db = Database.openTeam(TempDirs.create("process-" + i), f.db.team());
            opened.add(db);
            out.add(new CampaignRepository(db));
        }
        return out;
    }

    private static String[] emails(int n) {
        String[] out = new String[n];
        for (int i = 0; i < n; i++) out[i] = "r" + i + "@example.org";
        return out;
    }

    private static RunHandle start(CampaignRepository store, FakeMessenger m, int connections) {
        return new DeliveryEngine(store).start(new RunRequest(store.find("campaign-1").orElseThrow(), EngineFixture.composer(),
                List.of(EngineFixture.lane("fake", m, connections)), null, false, false, null, null));
    }

    @Test
    void threeProcessesSendOneCampaignTogetherAndEveryRecipientOnce() throws Exception {
        EngineFixture f = fixture(emails(3000));
        // The test server commits without waiting for its disk by default; as a real server does, here it waits.
        f.db.inTransaction(c -> {
            try (var st = c.createStatement()) {
                st.execute("ALTER DATABASE " + c.getCatalog() + " SET synchronous_commit = on");
            }
            return null;
        });
        List<CampaignRepository> stores = processes(f, 3);
        List<FakeMessenger> servers = new ArrayList<>();
        List<RunHandle> handles = new ArrayList<>();
        for (CampaignRepository store : stores) {
            FakeMessenger m = new FakeMessenger();
            // A little time per message, so that all three are sending at once rather than the first taking everything.
            m.afterHook = () -> sleep(1);
            servers.add(m);
            handles.add(start(store, m, 2));
        }
        List<RunResult> results = new ArrayList<>();
        for (RunHandle h : handles) results.add(h.await(60, TimeUnit.SECONDS));

        Map<String, Integer> received = new HashMap<>();
        for (FakeMessenger m : servers) for (String to : m.delivered) received.merge(to, 1, Integer::sum);
        assertThat(received).hasSize(3000);
        assertThat(received.values()).as("nobody got it twice").containsOnly(1);
        for (FakeMessenger m : servers) assertThat(m.delivered).as("each process sent a share").hasSizeGreaterThan(300);
        assertThat(f.campaigns.counts(f.campaign.id())).containsEntry(RecipientState.SENT, 3000L);
        assertThat(results).allSatisfy(r -> assertThat(r).isNotNull());
        assertThat(results.stream().filter(r -> r.status() == CampaignStatus.FINISHED)).as("the last one records the end").isNotEmpty();
        assertThat(f.campaigns.find("campaign-1").orElseThrow().status()).isEqualTo(CampaignStatus.FINISHED);
        assertThat(new SendingRuns(f.db).live(f.campaign.id())).isEmpty();
        assertThat(sentByRuns(f.db)).as("three runs recorded what they sent").hasSize(3);
        // The writers committed without waiting for the disk; the pool's connections are handed out as before.
        for (CampaignRepository store : stores) assertThat(synchronousCommitOfEveryPooledConnection(store.database())).containsOnly("on");
    }

    private static List<String> synchronousCommitOfEveryPooledConnection(Database db) throws Exception {
        List<java.sql.Connection> held = new ArrayList<>();
        List<String> out = new ArrayList<>();
        try {
            for (int i = 0; i < 12; i++) {
                java.sql.Connection c = db.connect();
                held.add(c);
                try (var st = c.createStatement(); ResultSet rs = st.executeQuery("SHOW synchronous_commit")) {
                    rs.next();
                    out.add(rs.getString(1));
                }
            }
        } finally {
            for (java.sql.Connection c : held) c.close();
        }
        return out;
    }

    @Test
    void whatADeadMachineClaimedButNeverStartedGoesToTheOthersWhenItsLeaseRunsOutAndWhatItStartedStaysUnknown() throws Exception {
        EngineFixture f = fixture(emails(40));
        SendingRuns runs = new SendingRuns(f.db);
        // Another machine started the campaign, claimed ten recipients, had begun the first (its UNKNOWN mark is in the
        // store) and then lost power; its lease runs out in two seconds.
        long theirs = runs.start(f.campaign.id(), "Test", new ProcessIdentity("host-b.example", 4242, 1), Duration.ofSeconds(2));
        long firstId = claimFirst(f, theirs, 10);
        f.db.inTransaction(c -> {
            try (PreparedStatement p = c.prepareStatement("UPDATE recipients SET state = 'UNKNOWN', reply = ?, run_id = ? WHERE id = ?")) {
                p.setString(1, SendingRuns.IN_FLIGHT_REPLY);
                p.setLong(2, theirs);
                p.setLong(3, firstId);
                p.executeUpdate();
            }
            return null;
        });
        FakeMessenger m = new FakeMessenger();
        long started = System.nanoTime();
        RunResult r = start(f.campaigns, m, 2).await(30, TimeUnit.SECONDS);

        assertThat(r).isNotNull();
        assertThat(m.delivered).as("the 30 free ones at once, the 9 unstarted after the lease").hasSize(39)
                .doesNotContain("r0@example.org").contains("r1@example.org", "r9@example.org", "r39@example.org");
        assertThat(System.nanoTime() - started).as("it waited for the lease").isGreaterThan(TimeUnit.MILLISECONDS.toNanos(1000));
        assertThat(f.state("r0@example.org")).as("begun by the dead machine: maybe sent").isEqualTo(RecipientState.UNKNOWN);
        assertThat(r.status()).isEqualTo(CampaignStatus.FINISHED);
    }

    @Test
    void aLiveSenderKeepsItsClaimsAndTheOtherRunDoesNotSendThem() throws Exception {
        EngineFixture f = fixture(emails(20));
        SendingRuns runs = new SendingRuns(f.db);
        long theirs = runs.start(f.campaign.id(), "Test", new ProcessIdentity("host-b.example", 4242, 1), Duration.ofMinutes(5));
        claimFirst(f, theirs, 5);
        FakeMessenger m = new FakeMessenger();
        RunHandle h = start(f.campaigns, m, 1);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (m.delivered.size() < 15 && System.nanoTime() < deadline) Thread.sleep(10);
        Thread.sleep(700);
        assertThat(m.delivered).as("only the free ones; it waits for the live sender").hasSize(15)
                .doesNotContain("r0@example.org", "r4@example.org");
        assertThat(h.await(50, TimeUnit.MILLISECONDS)).as("still waiting while the other holds due recipients").isNull();

        // The other machine finishes its five (as its receipts would) and ends: this run then ends too.
        f.db.inTransaction(c -> {
            try (PreparedStatement p = c.prepareStatement("UPDATE recipients SET state = 'SENT' WHERE claimed_by = ?")) {
                p.setLong(1, theirs);
                p.executeUpdate();
            }
            return null;
        });
        assertThat(runs.endAndCheckOthers(f.campaign.id(), theirs, "FINISHED")).as("this run still lives").isTrue();
        RunResult r = h.await(10, TimeUnit.SECONDS);
        assertThat(r).isNotNull();
        assertThat(r.status()).isEqualTo(CampaignStatus.FINISHED);
        assertThat(m.delivered).hasSize(15);
    }

    /** The first {@code n} recipients claimed by run {@code run}, as its feeder would have; answers the first id. */
    private static long claimFirst(EngineFixture f, long run, int n) {
        long firstId = f.campaigns.firstRecipientId(f.campaign.id());
        f.db.inTransaction(c -> {
            try (PreparedStatement p = c.prepareStatement("UPDATE recipients SET claimed_by = ? WHERE id < ?")) {
                p.setLong(1, run);
                p.setLong(2, firstId + n);
                p.executeUpdate();
            }
            return null;
        });
        return firstId;
    }

    private static Set<Long> sentByRuns(Database db) {
        return db.read(c -> {
            Set<Long> out = new HashSet<>();
            try (PreparedStatement p = c.prepareStatement("SELECT DISTINCT run_id FROM recipients WHERE state = 'SENT'");
                 ResultSet rs = p.executeQuery()) {
                while (rs.next()) out.add(rs.getLong(1));
            }
            return out;
        });
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
