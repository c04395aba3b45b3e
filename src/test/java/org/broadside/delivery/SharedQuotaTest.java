package org.broadside.delivery;

import org.broadside.store.Database;
import org.broadside.store.TeamStore;
import org.broadside.testing.StoreBackend;
import org.broadside.testing.TeamStoreServer;
import org.broadside.testing.TempDirs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** Sending permits of an account's limits shared by every process on one store (issue 15). */
class SharedQuotaTest {
    private static final long T0 = Instant.parse("2026-12-06T10:00:00Z").toEpochMilli();
    private static final long MINUTE = 60_000;

    /** n processes' views of one store: n Database instances, each with a data directory of its own on a team store. */
    private static List<Database> openSeveral(StoreBackend backend, int n) {
        List<Database> dbs = new ArrayList<>();
        if (backend == StoreBackend.SQLITE) {
            java.nio.file.Path dir = TempDirs.create("quota-" + backend);
            for (int i = 0; i < n; i++) dbs.add(Database.open(dir));
        } else {
            TeamStore store = TeamStoreServer.freshStore();
            for (int i = 0; i < n; i++) dbs.add(Database.openTeam(TempDirs.create("quota-" + backend + "-" + i), store));
        }
        return dbs;
    }

    private static void closeAll(List<Database> dbs) {
        dbs.forEach(Database::close);
    }

    @ParameterizedTest
    @EnumSource(StoreBackend.class)
    void threeProcessesAskingAtOnceGetTheHourlyLimitTogetherAndNoMore(StoreBackend backend) throws Exception {
        List<Database> dbs = openSeveral(backend, 3);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Integer>> got = new ArrayList<>();
            for (Database db : dbs) {
                SharedQuota quota = new SharedQuota(db);
                got.add(pool.submit(() -> {
                    go.await();
                    int total = 0;
                    // Each process asks far more than its share: blocks of 50 until the store says no.
                    for (int i = 0; i < 100; i++) {
                        SharedQuota.Grant g = quota.grant("Work", 1000, 0, 50, T0 + i * 100L);
                        if (g.granted() == 0) break;
                        total += g.granted();
                    }
                    return total;
                }));
            }
            go.countDown();
            int together = 0;
            for (Future<Integer> f : got) together += f.get();
            assertThat(together).isEqualTo(1000);
            SharedQuota.Grant refused = new SharedQuota(dbs.get(0)).grant("Work", 1000, 0, 50, T0 + 30 * MINUTE);
            assertThat(refused.granted()).isZero();
            assertThat(refused.daily()).isFalse();
            // Granted in the minute of T0: free again once that minute leaves the 62-minute window.
            assertThat(refused.freeAt()).isEqualTo(T0 + 62 * MINUTE);
            assertThat(new SharedQuota(dbs.get(1)).grantedInHourWindow("Work", T0)).isEqualTo(1000);
            assertThat(new SharedQuota(dbs.get(1)).grantedInHourWindow("Other", T0)).isZero();
        } finally {
            pool.shutdownNow();
            closeAll(dbs);
        }
    }

    @ParameterizedTest
    @EnumSource(StoreBackend.class)
    void permitsGivenBackAreGrantedAgain(StoreBackend backend) {
        List<Database> dbs = openSeveral(backend, 2);
        try {
            SharedQuota a = new SharedQuota(dbs.get(0));
            SharedQuota b = new SharedQuota(dbs.get(1));
            SharedQuota.Grant first = a.grant("Work", 100, 0, 100, T0);
            assertThat(first.granted()).isEqualTo(100);
            assertThat(b.grant("Work", 100, 0, 10, T0 + 5 * MINUTE).granted()).isZero();

            a.giveBack("Work", first.minute(), 30);
            assertThat(b.grant("Work", 100, 0, 50, T0 + 5 * MINUTE).granted()).isEqualTo(30);
            assertThat(a.grant("Work", 100, 0, 50, T0 + 5 * MINUTE).granted()).isZero();
        } finally {
            closeAll(dbs);
        }
    }

    @ParameterizedTest
    @EnumSource(StoreBackend.class)
    void aPermitCountsForSixtyTwoMinutesAndTheDailyLimitForADayAndTwoMinutes(StoreBackend backend) {
        List<Database> dbs = openSeveral(backend, 1);
        try {
            SharedQuota quota = new SharedQuota(dbs.get(0));
            assertThat(quota.grant("Work", 10, 15, 10, T0 + 30_000).granted()).isEqualTo(10);
            assertThat(quota.grant("Work", 10, 15, 10, T0 + 61 * MINUTE + 59_999).granted()).isZero();
            SharedQuota.Grant later = quota.grant("Work", 10, 15, 10, T0 + 62 * MINUTE);
            // The hour frees, the day does not: 5 more today.
            assertThat(later.granted()).isEqualTo(5);
            SharedQuota.Grant refused = quota.grant("Work", 10, 15, 10, T0 + 63 * MINUTE);
            assertThat(refused.granted()).isZero();
            assertThat(refused.daily()).isTrue();
            assertThat(refused.freeAt()).isEqualTo(T0 + (24 * 60 + 2) * MINUTE);
            assertThat(quota.grant("Work", 10, 15, 10, T0 + (24 * 60 + 2) * MINUTE).granted()).isEqualTo(10);
        } finally {
            closeAll(dbs);
        }
    }

    @Test
    void blocksAreATwentiethOfTheTighterLimitBetweenOneAndFifty() {
        assertThat(SharedPermits.blockSize(1000, 0)).isEqualTo(50);
        assertThat(SharedPermits.blockSize(5000, 200)).isEqualTo(10);
        assertThat(SharedPermits.blockSize(0, 30)).isEqualTo(1);
        assertThat(SharedPermits.blockSize(10, 0)).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(StoreBackend.class)
    void aBlockNotUsedWithinAMinuteGoesBackAndPermitsPutBackAreUsedAgain(StoreBackend backend) {
        List<Database> dbs = openSeveral(backend, 2);
        try {
            AccountLane lane = new AccountLane("Work", new FakeMessenger(), 1, 0, 0, 0, 1000, 0, 1);
            SharedPermits mine = new SharedPermits(new SharedQuota(dbs.get(0)), lane);
            SharedQuota store = new SharedQuota(dbs.get(1));
            for (int i = 0; i < 10; i++) assertThat(mine.take(T0 + i)).isNull();
            assertThat(store.grantedInHourWindow("Work", T0)).isEqualTo(50);
            mine.putBack();
            assertThat(mine.held()).isEqualTo(41);

            // A minute after its grant the block is stale: its 41 go back, 9 were used, a fresh block of 50 is taken.
            assertThat(mine.take(T0 + MINUTE)).isNull();
            assertThat(store.grantedInHourWindow("Work", T0 + MINUTE)).isEqualTo(9 + 50);
            // The fresh block's one permit comes back into it; a second one put back was the stale block's and stays
            // counted as used (8 of it really were): stricter, never looser.
            mine.putBack();
            mine.putBack();
            assertThat(mine.held()).isEqualTo(50);

            // The run ends: all 50 of the fresh block go back.
            mine.giveBackUnused();
            assertThat(mine.held()).isZero();
            assertThat(store.grantedInHourWindow("Work", T0 + MINUTE)).isEqualTo(9);
        } finally {
            closeAll(dbs);
        }
    }

    @ParameterizedTest
    @EnumSource(StoreBackend.class)
    void whenTheStoreSaysNoThePermitsSayUntilWhenAndWhichLimit(StoreBackend backend) {
        List<Database> dbs = openSeveral(backend, 2);
        try {
            AccountLane lane = new AccountLane("Work", new FakeMessenger(), 1, 0, 0, 0, 40, 0, 1);
            assertThat(new SharedQuota(dbs.get(1)).grant("Work", 40, 0, 40, T0).granted()).isEqualTo(40);
            SharedPermits mine = new SharedPermits(new SharedQuota(dbs.get(0)), lane);
            QuotaPermits.Refusal refused = mine.take(T0 + 10 * MINUTE);
            assertThat(refused).isNotNull();
            assertThat(refused.daily()).isFalse();
            assertThat(refused.limit()).isEqualTo(40);
            assertThat(refused.freeAt()).isEqualTo(T0 + 62 * MINUTE);
            assertThat(mine.take(T0 + 62 * MINUTE)).isNull();
        } finally {
            closeAll(dbs);
        }
    }
}
