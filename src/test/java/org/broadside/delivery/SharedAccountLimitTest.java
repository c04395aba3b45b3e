package org.broadside.delivery;

import org.broadside.campaign.DeliveryOptions;
import org.broadside.store.Database;
import org.broadside.store.TeamStore;
import org.broadside.testing.TeamStoreServer;
import org.broadside.testing.TempDirs;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.broadside.delivery.RecipientState.PENDING;
import static org.broadside.delivery.RecipientState.SENT;

/**
 * An account's hourly limit on a team store holds for all its senders together: two processes (a Database each) send
 * two campaigns with the same account at the same time and send no more than the limit between them.
 */
class SharedAccountLimitTest {

    /** One sending process: its own connection pool to the team store, its own engine, its own "server". */
    private static final class Sender {
        final Database db;
        final CampaignRepository campaigns;
        final FakeMessenger server = new FakeMessenger();
        final List<AccountNotice> notices = new CopyOnWriteArrayList<>();
        CampaignRecord campaign;

        Sender(TeamStore store, String name) {
            db = Database.openTeam(TempDirs.create("shared-limit-" + name), store);
            campaigns = new CampaignRepository(db);
        }

        Sender frozenWith(String uid, int recipients) {
            campaign = campaigns.findOrCreate(uid, uid, null);
            campaigns.freeze(campaign.id(), sink -> {
                for (int i = 0; i < recipients; i++) {
                    sink.accept(new FrozenRecipient(uid + "-" + i + "@example.com", "{}", null));
                }
            });
            campaign = campaigns.find(uid).orElseThrow();
            return this;
        }

        RunResult send(int maxPerHour) throws InterruptedException {
            AccountLane work = new AccountLane("Work", server, 2, 0, 0, 0, maxPerHour, 0, 1);
            DeliveryListener listener = new DeliveryListener() {
                @Override
                public void accountNotice(AccountNotice notice) { notices.add(notice); }
            };
            return new DeliveryEngine(campaigns).run(new RunRequest(campaign, EngineFixture.composer(), List.of(work),
                    DeliveryOptions.defaults(), false, false, listener, null));
        }
    }

    @Test
    void twoProcessesSendingWithOneAccountAtOnceStayWithinItsHourlyLimitTogether() throws Exception {
        TeamStore store = TeamStoreServer.freshStore();
        Sender a = new Sender(store, "a").frozenWith("spring", 45);
        Sender b = new Sender(store, "b").frozenWith("autumn", 45);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<RunResult>> runs = new ArrayList<>();
            for (Sender s : List.of(a, b)) runs.add(pool.submit(() -> s.send(40)));
            RunResult ra = runs.get(0).get();
            RunResult rb = runs.get(1).get();

            assertThat(a.server.delivered.size() + b.server.delivered.size()).isEqualTo(40);
            assertThat(ra.progress().count(SENT) + rb.progress().count(SENT)).isEqualTo(40);
            assertThat(ra.progress().count(PENDING) + rb.progress().count(PENDING)).isEqualTo(50);
            // Each run (neither could finish alone) stops at the limit and says why; the one that met the other's sends says they count too.
            for (RunResult r : List.of(ra, rb)) {
                assertThat(r.status()).isEqualTo(CampaignStatus.READY);
                assertThat(r.reason()).contains("account Work: hourly limit of 40 reached").contains("run again later");
            }
            assertThat(ra.reason() + rb.reason()).contains("(all senders of account Work together)");
            List<AccountNotice> quota = new ArrayList<>(a.notices);
            quota.addAll(b.notices);
            assertThat(quota).extracting(AccountNotice::kind).contains(AccountNotice.Kind.QUOTA);
            assertThat(quota).extracting(AccountNotice::cause)
                    .anySatisfy(c -> assertThat(c).contains("limit of 40 messages per hour (all senders of the account together)"));

            // The store counts exactly what was sent: the permits nobody used went back when the runs ended.
            assertThat(new SharedQuota(a.db).grantedInHourWindow("Work", System.currentTimeMillis())).isEqualTo(40);

            // A third send with the account, later in the same hour, sends nothing and leaves everything PENDING.
            Sender c = new Sender(store, "c").frozenWith("winter", 5);
            try {
                RunResult rc = c.send(40);
                assertThat(c.server.delivered).isEmpty();
                assertThat(rc.progress().count(PENDING)).isEqualTo(5);
                // Its own count, seeded with what the account sent today, already says so before the store is asked.
                assertThat(rc.reason()).contains("hourly limit of 40 reached");
            } finally {
                c.db.close();
            }
        } finally {
            pool.shutdownNow();
            a.db.close();
            b.db.close();
        }
    }

    @Test
    void permitsTakenInBlocksButNotUsedGoBackWhenTheRunEnds() throws Exception {
        TeamStore store = TeamStoreServer.freshStore();
        Sender a = new Sender(store, "blocks").frozenWith("small", 7);
        try {
            // A limit of 1000 takes blocks of 50: 43 of the first block are not used.
            RunResult r = a.send(1000);
            assertThat(r.progress().count(SENT)).isEqualTo(7);
            assertThat(new SharedQuota(a.db).grantedInHourWindow("Work", System.currentTimeMillis())).isEqualTo(7);
        } finally {
            a.db.close();
        }
    }
}
