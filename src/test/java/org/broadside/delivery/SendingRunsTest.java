package org.broadside.delivery;

import org.broadside.store.Database;
import org.broadside.store.ProcessIdentity;
import org.broadside.testing.StoreBackend;
import org.broadside.testing.TempDirs;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Who is sending a campaign right now, on either store: one live run at a time on SQLite, several sharing it on a team
 * store; leases, stop requests.
 */
class SendingRunsTest {
    private static final Duration LEASE = Duration.ofSeconds(30);

    /** A clock the test moves by hand. */
    private static final class HandClock extends Clock {
        final AtomicLong millis = new AtomicLong(Instant.parse("2026-12-06T10:00:00Z").toEpochMilli());
        @Override public ZoneId getZone() { return ZoneId.of("UTC"); }
        @Override public Clock withZone(ZoneId zone) { return this; }
        @Override public Instant instant() { return Instant.ofEpochMilli(millis.get()); }
        void advance(Duration d) { millis.addAndGet(d.toMillis()); }
    }

    @ParameterizedTest
    @EnumSource(StoreBackend.class)
    void aSecondStartWhileTheFirstRunLivesIsRefusedByNameAndAllowedOnceItEnded(StoreBackend backend) {
        try (Database db = backend.open(TempDirs.create("runs-" + backend))) {
            CampaignRepository campaigns = new CampaignRepository(db);
            long id = campaigns.findOrCreate("c-1", "Spring news", null).id();
            SendingRuns runs = new SendingRuns(db, new HandClock());
            ProcessIdentity me = ProcessIdentity.self();

            long first = runs.start(id, "Spring news", me, LEASE);
            assertThat(runs.live(id)).extracting(SendingRuns.Sender::runId).containsExactly(first);
            assertThat(runs.live(id).get(0).process()).isEqualTo(me);

            if (backend == StoreBackend.POSTGRES) {
                // A team store shares the campaign: the second run joins and claims its own recipients.
                long joined = runs.start(id, "Spring news", me, LEASE);
                assertThat(runs.live(id)).extracting(SendingRuns.Sender::runId).containsExactly(first, joined);
                assertThat(runs.endAndCheckOthers(id, joined, "FINISHED")).as("the first still sends").isTrue();
            } else {
                assertThatThrownBy(() -> runs.start(id, "Spring news", me, LEASE))
                        .isInstanceOf(CampaignBusyException.class)
                        .hasMessageContaining("\"Spring news\" is being sent by process " + me.pid())
                        .hasMessageContaining("send the same recipients twice");
            }

            assertThat(runs.endAndCheckOthers(id, first, "FINISHED")).as("the last run to end").isFalse();
            assertThat(runs.live(id)).isEmpty();
            long second = runs.start(id, "Spring news", me, LEASE);
            assertThat(second).isNotEqualTo(first);
        }
    }

    @ParameterizedTest
    @EnumSource(StoreBackend.class)
    void aRunWhoseProcessOnThisMachineIsGoneIsClosedAtOnceNotAfterItsLease(StoreBackend backend) throws Exception {
        try (Database db = backend.open(TempDirs.create("gone-" + backend))) {
            long id = new CampaignRepository(db).findOrCreate("c-2", "Gone", null).id();
            SendingRuns runs = new SendingRuns(db, new HandClock());
            Process child = new ProcessBuilder("true").start();
            ProcessHandle handle = child.toHandle();
            long started = handle.info().startInstant().map(Instant::toEpochMilli).orElse(0L);
            child.waitFor();
            ProcessIdentity dead = new ProcessIdentity(ProcessIdentity.thisHost(), handle.pid(), started);

            long killed = runs.start(id, "Gone", dead, LEASE);
            assertThat(runs.live(id)).as("a killed sender is not shown as sending").isEmpty();
            long next = runs.start(id, "Gone", ProcessIdentity.self(), LEASE);

            assertThat(outcome(db, killed)).startsWith("ended without finishing");
            assertThat(outcome(db, next)).isNull();
        }
    }

    @ParameterizedTest
    @EnumSource(StoreBackend.class)
    void aRunOfAnotherMachineLivesUntilItsLeaseRunsOutAndRenewingKeepsIt(StoreBackend backend) {
        try (Database db = backend.open(TempDirs.create("lease-" + backend))) {
            long id = new CampaignRepository(db).findOrCreate("c-3", "Lease", null).id();
            HandClock clock = new HandClock();
            SendingRuns runs = new SendingRuns(db, clock);
            ProcessIdentity elsewhere = new ProcessIdentity("host-b.example", 4242, 1);

            long theirs = runs.start(id, "Lease", elsewhere, LEASE);
            clock.advance(Duration.ofSeconds(20));
            assertThat(runs.renew(theirs, LEASE)).as("nobody asked it to stop").isFalse();
            clock.advance(Duration.ofSeconds(25));
            if (backend == StoreBackend.SQLITE) {
                assertThatThrownBy(() -> runs.start(id, "Lease", ProcessIdentity.self(), LEASE))
                        .isInstanceOf(CampaignBusyException.class)
                        .hasMessageContaining("process 4242 on host-b.example");
            } else {
                assertThat(runs.live(id)).as("45 s after its start, 25 s after its renewal").extracting(SendingRuns.Sender::runId)
                        .containsExactly(theirs);
            }

            clock.advance(Duration.ofSeconds(6));
            assertThat(runs.live(id)).as("its lease ran out 51 s after its last renewal at 20 s").isEmpty();
            long mine = runs.start(id, "Lease", ProcessIdentity.self(), LEASE);
            assertThat(runs.renew(theirs, LEASE)).as("the machine that lost its lease must stop").isTrue();
            assertThat(runs.live(id)).extracting(SendingRuns.Sender::runId).containsExactly(mine);
        }
    }

    @ParameterizedTest
    @EnumSource(StoreBackend.class)
    void aStopRequestReachesEveryLiveRunAtItsNextRenewal(StoreBackend backend) {
        try (Database db = backend.open(TempDirs.create("stop-" + backend))) {
            long id = new CampaignRepository(db).findOrCreate("c-4", "Stop", null).id();
            SendingRuns runs = new SendingRuns(db, new HandClock());
            long run = runs.start(id, "Stop", new ProcessIdentity("host-c.example", 7, 1), LEASE);
            assertThat(runs.renew(run, LEASE)).isFalse();
            assertThat(runs.requestStop(id)).isEqualTo(1);
            assertThat(runs.renew(run, LEASE)).isTrue();
            assertThat(runs.requestStop(id)).as("asked once").isZero();
        }
    }

    private static String outcome(Database db, long runId) {
        return db.read(c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT outcome FROM runs WHERE id = ?")) {
                p.setLong(1, runId);
                try (ResultSet rs = p.executeQuery()) {
                    rs.next();
                    return rs.getString(1);
                }
            }
        });
    }
}
