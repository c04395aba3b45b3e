package org.broadside.schedule;

import org.broadside.events.AppEvent;
import org.broadside.store.Database;
import org.broadside.testing.StoreBackend;
import org.broadside.testing.TempDirs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Schedules in a real store, SQLite and the team store alike: saving, the claim that lets one process run a campaign,
 * and taking over a dead one's.
 */
class ScheduleRepositoryTest {
    static final Instant NOW = Instant.parse("2026-12-24T08:00:00Z");
    Database db;
    ScheduleRepository repo;
    final List<AppEvent> events = new ArrayList<>();
    final Claimant app = Claimant.self(Claimant.Kind.APP);
    final Claimant cron = Claimant.self(Claimant.Kind.COMMAND_LINE);

    void open(StoreBackend backend) {
        db = backend.open(TempDirs.create("schedules-" + backend));
        db.events().subscribe(events::add);
        repo = new ScheduleRepository(db);
    }

    @AfterEach
    void close() {
        if (db != null) db.close();
    }

    Schedule saved(String uid) throws Exception {
        Schedule s = Schedule.of(uid, "News " + uid, Path.of("target", uid + ".json"), NOW, ZoneId.of("Europe/Paris"),
                new DailyWindow(LocalTime.of(9, 0), LocalTime.of(17, 0), DailyWindow.weekdays()));
        repo.save(s);
        return s;
    }

    @ParameterizedTest
    @EnumSource(StoreBackend.class)
    void aSavedScheduleReadsBackWithItsWindowAndZoneAndIsAnnounced(StoreBackend backend) throws Exception {
        open(backend);
        Schedule s = saved("c-1");
        Schedule read = repo.find("c-1").orElseThrow();
        assertThat(read.start()).isEqualTo(NOW);
        assertThat(read.zone()).isEqualTo(ZoneId.of("Europe/Paris"));
        assertThat(read.window()).isEqualTo(s.window());
        assertThat(read.campaignFile()).isEqualTo(s.campaignFile().toAbsolutePath().normalize());
        assertThat(read.state()).isEqualTo(ScheduleState.SCHEDULED);
        assertThat(events).contains(new AppEvent.CampaignStateChanged("c-1"));
    }

    @ParameterizedTest
    @EnumSource(StoreBackend.class)
    void aSecondClaimIsRefusedAndNamesTheHolder(StoreBackend backend) throws Exception {
        open(backend);
        saved("c-1");
        assertThat(repo.claim("c-1", app, NOW)).isInstanceOf(ClaimResult.Claimed.class);
        ClaimResult second = repo.claim("c-1", cron, NOW.plusSeconds(5));
        assertThat(second).isInstanceOf(ClaimResult.Refused.class);
        assertThat(((ClaimResult.Refused) second).why()).contains("the desktop app (process " + ProcessHandle.current().pid() + ")");
        assertThat(repo.find("c-1").orElseThrow().claimant()).isEqualTo(app);
    }

    @ParameterizedTest
    @EnumSource(StoreBackend.class)
    void aStaleClaimOfAProcessThatIsGoneCanBeTakenOver(StoreBackend backend) throws Exception {
        open(backend);
        saved("c-1");
        // The same process id but another start time: the process that claimed it has ended and its id was reused.
        Claimant dead = new Claimant(Claimant.Kind.APP, app.pid(), app.host(), app.processStartMillis() - 60_000);
        assertThat(repo.claim("c-1", dead, NOW)).isInstanceOf(ClaimResult.Claimed.class);

        assertThat(repo.claim("c-1", cron, NOW.plus(Duration.ofMinutes(2)))).as("too recent to be called stale")
                .isInstanceOf(ClaimResult.Refused.class);
        assertThat(repo.claim("c-1", cron, NOW.plus(ScheduleRepository.STALE_AFTER).plusSeconds(1)))
                .isInstanceOf(ClaimResult.Claimed.class);
        assertThat(repo.find("c-1").orElseThrow().claimant()).isEqualTo(cron);
    }

    @ParameterizedTest
    @EnumSource(StoreBackend.class)
    void aClaimWhoseProcessStillRunsIsKeptHoweverOldItsHeartbeat(StoreBackend backend) throws Exception {
        open(backend);
        saved("c-1");
        repo.claim("c-1", app, NOW);
        assertThat(repo.claim("c-1", cron, NOW.plus(Duration.ofHours(3)))).isInstanceOf(ClaimResult.Refused.class);
    }

    @ParameterizedTest
    @EnumSource(StoreBackend.class)
    void aHeartbeatKeepsTheClaimFresh(StoreBackend backend) throws Exception {
        open(backend);
        saved("c-1");
        Claimant dead = new Claimant(Claimant.Kind.APP, app.pid(), app.host(), app.processStartMillis() - 60_000);
        repo.claim("c-1", dead, NOW);
        assertThat(repo.heartbeat("c-1", dead, NOW.plus(Duration.ofMinutes(4)))).isTrue();
        assertThat(repo.claim("c-1", cron, NOW.plus(Duration.ofMinutes(6)))).isInstanceOf(ClaimResult.Refused.class);
    }

    @ParameterizedTest
    @EnumSource(StoreBackend.class)
    void releasingSetsTheNextStateAndOnlyTheHolderCanRelease(StoreBackend backend) throws Exception {
        open(backend);
        saved("c-1");
        repo.claim("c-1", app, NOW);
        assertThat(repo.release("c-1", cron, ScheduleState.DONE, "not mine")).isFalse();
        assertThat(repo.release("c-1", app, ScheduleState.DONE, "Finished: sent 3.")).isTrue();
        Schedule s = repo.find("c-1").orElseThrow();
        assertThat(s.state()).isEqualTo(ScheduleState.DONE);
        assertThat(s.claimant()).isNull();
        assertThat(s.lastRunAt()).isEqualTo(NOW);
        assertThat(s.lastResult()).isEqualTo("Finished: sent 3.");
    }

    @ParameterizedTest
    @EnumSource(StoreBackend.class)
    void aSendingScheduleCannotBeCancelledOrReplaced(StoreBackend backend) throws Exception {
        open(backend);
        Schedule s = saved("c-1");
        repo.claim("c-1", app, NOW);
        assertThatThrownBy(() -> repo.cancel("c-1")).isInstanceOf(ScheduleBusyException.class).hasMessageContaining("stop that send first");
        assertThatThrownBy(() -> repo.save(s)).isInstanceOf(ScheduleBusyException.class);
    }

    @ParameterizedTest
    @EnumSource(StoreBackend.class)
    void aCancelledScheduleIsNotClaimedAndRunNowMakesItDueAgain(StoreBackend backend) throws Exception {
        open(backend);
        saved("c-1");
        assertThat(repo.cancel("c-1")).isTrue();
        assertThat(repo.claim("c-1", cron, NOW)).isInstanceOf(ClaimResult.Refused.class);
        Instant later = NOW.plus(Duration.ofDays(2));
        assertThat(repo.runNow("c-1", later)).isTrue();
        Schedule s = repo.find("c-1").orElseThrow();
        assertThat(s.state()).isEqualTo(ScheduleState.SCHEDULED);
        assertThat(s.start()).isEqualTo(later);
    }

    @ParameterizedTest
    @EnumSource(StoreBackend.class)
    void ofEightProcessesClaimingAtOnceExactlyOneWins(StoreBackend backend) throws Exception {
        open(backend);
        saved("c-1");
        int claimants = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(claimants);
        try {
            List<Future<ClaimResult>> results = new ArrayList<>();
            for (int i = 0; i < claimants; i++) {
                Claimant other = new Claimant(Claimant.Kind.COMMAND_LINE, 100_000 + i, "host-" + i, 1_000L + i);
                Callable<ClaimResult> claim = () -> {
                    start.await();
                    return repo.claim("c-1", other, NOW);
                };
                results.add(pool.submit(claim));
            }
            start.countDown();
            int won = 0;
            for (Future<ClaimResult> r : results) if (r.get() instanceof ClaimResult.Claimed) won++;
            assertThat(won).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(repo.find("c-1").orElseThrow().state()).isEqualTo(ScheduleState.RUNNING);
    }
}
