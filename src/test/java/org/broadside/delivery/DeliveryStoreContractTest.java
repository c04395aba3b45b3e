package org.broadside.delivery;

import org.broadside.campaign.DeliveryOptions;
import org.broadside.report.DeliverySummary;
import org.broadside.report.DeliverySummaryRepository;
import org.broadside.store.Database;
import org.broadside.store.StateJournal;
import org.broadside.testing.StoreBackend;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.broadside.delivery.RecipientState.*;

/**
 * The delivery side of the store behaves the same on SQLite and on the team store (ADR 0023): a campaign's creation
 * and freeze, its recipients' states and receipts as the engine records them, resuming, the summary, the connection
 * log, and the journal of a killed send, which only the store it was sending to replays.
 */
class DeliveryStoreContractTest {
    private EngineFixture f;
    private final FakeMessenger server = new FakeMessenger();

    private EngineFixture on(StoreBackend backend) {
        f = new EngineFixture(backend);
        return f;
    }

    @AfterEach
    void closeStore() {
        if (f != null) f.db.close();
    }

    @ParameterizedTest
    @EnumSource(StoreBackend.class)
    void aCampaignIsCreatedOnceAndFrozenOnceWithItsSkippedRecipientsKept(StoreBackend backend) {
        on(backend).frozenTo("a@example.com", "broken", "c@example.com");
        CampaignRecord again = f.campaigns.findOrCreate("campaign-1", "Renamed", "/tmp/x.json");
        assertThat(again.id()).isEqualTo(f.campaign.id());
        assertThat(f.campaign.frozen()).isTrue();

        f.campaigns.freeze(f.campaign.id(), sink -> sink.accept(new FrozenRecipient("late@example.com", "{}", null)));
        assertThat(f.campaigns.counts(f.campaign.id())).containsExactlyInAnyOrderEntriesOf(Map.of(PENDING, 2L, SKIPPED, 1L));
        List<RecipientRow> rows = all();
        assertThat(rows).extracting(RecipientRow::seq).containsExactly(1L, 2L, 3L);
        assertThat(rows.get(1).reason()).isEqualTo("invalid address: no @");
        assertThat(rows.get(0).fieldsJson()).isEqualTo("{\"First Name\":\"a\"}");
        assertThat(f.campaigns.find("campaign-1").orElseThrow().name()).isEqualTo("Renamed");
    }

    @ParameterizedTest
    @EnumSource(StoreBackend.class)
    void twoFreezesAtOnceFreezeTheCampaignOnce(StoreBackend backend) throws Exception {
        on(backend);
        CampaignRecord created = f.campaigns.findOrCreate("campaign-1", "Test", null);
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            List<java.util.concurrent.Future<?>> freezes = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                freezes.add(pool.submit(() -> {
                    start.await();
                    f.campaigns.freeze(created.id(), sink -> {
                        for (int i = 0; i < 2000; i++) sink.accept(new FrozenRecipient("r" + i + "@example.com", "{}", null));
                    });
                    return null;
                }));
            }
            start.countDown();
            for (java.util.concurrent.Future<?> freeze : freezes) freeze.get();
        } finally {
            pool.shutdownNow();
        }
        assertThat(f.campaigns.counts(created.id())).containsExactly(Map.entry(PENDING, 2000L));
    }

    @ParameterizedTest
    @EnumSource(StoreBackend.class)
    void aRecipientIsFoundWhateverTheCaseOfItsAddress(StoreBackend backend) {
        on(backend).frozenTo("Mixed.Case@Example.COM", "b@example.com");
        assertThat(f.campaigns.recipient(f.campaign.id(), " mixed.case@example.com ")).get()
                .extracting(RecipientRow::email).isEqualTo("Mixed.Case@Example.COM");
        assertThat(f.campaigns.recipient(f.campaign.id(), "nobody@example.com")).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(StoreBackend.class)
    void dueRecipientsArePendingOnesAndDeferredOnesWhoseRetryHasComeAndUnknownOnesOnlyWhenAsked(StoreBackend backend) throws Exception {
        on(backend).frozenTo("p@example.com", "later@example.com", "now@example.com", "u@example.com", "s@example.com");
        long first = f.campaigns.firstRecipientId(f.campaign.id());
        long now = 1_000_000L;
        record(new Object[][] {
                {first + 1, DEFERRED, now + 60_000L}, {first + 2, DEFERRED, now - 1L}, {first + 3, UNKNOWN, null}, {first + 4, SENT, null}});
        long id = f.campaign.id();
        assertThat(f.campaigns.due(id, 0, now, false, 10)).extracting(RecipientRow::email)
                .containsExactly("p@example.com", "now@example.com");
        assertThat(f.campaigns.due(id, 0, now, true, 10)).extracting(RecipientRow::email)
                .containsExactly("p@example.com", "now@example.com", "u@example.com");
        assertThat(f.campaigns.due(id, first, now, true, 1)).extracting(RecipientRow::email).containsExactly("now@example.com");
        assertThat(f.campaigns.earliestRetry(id)).isEqualTo(now - 1L);
        assertThat(f.campaigns.lastRecipientId(id) - f.campaigns.firstRecipientId(id)).isEqualTo(4);
    }

    @ParameterizedTest
    @EnumSource(StoreBackend.class)
    void tablesPageByIdRangeAndByStateInTheStateIndexOrder(StoreBackend backend) throws Exception {
        on(backend).frozenTo("a@example.com", "b@example.com", "c@example.com", "d@example.com", "e@example.com");
        long first = f.campaigns.firstRecipientId(f.campaign.id());
        record(new Object[][] {{first, DEFERRED, 900L}, {first + 1, DEFERRED, null}, {first + 2, DEFERRED, 500L}, {first + 3, DEFERRED, 700L}});
        long id = f.campaign.id();
        assertThat(f.campaigns.listedInState(id, DEFERRED, 0, 10)).as("no retry time sorts first, as in SQLite's index")
                .extracting(r -> r.row().email(), CampaignRepository.ListedRecipient::nextAttemptAt)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("b@example.com", null),
                        org.assertj.core.groups.Tuple.tuple("c@example.com", 500L),
                        org.assertj.core.groups.Tuple.tuple("d@example.com", 700L), org.assertj.core.groups.Tuple.tuple("a@example.com", 900L));
        assertThat(f.campaigns.listedInState(id, DEFERRED, 2, 1)).extracting(r -> r.row().email()).containsExactly("d@example.com");
        assertThat(f.campaigns.listedBetween(id, first + 1, first + 2)).extracting(r -> r.row().email())
                .containsExactly("b@example.com", "c@example.com");
        assertThat(f.campaigns.page(id, PENDING, 0, 10)).extracting(RecipientRow::email).containsExactly("e@example.com");
        assertThat(f.campaigns.page(id, null, 3, 10)).extracting(RecipientRow::email).containsExactly("d@example.com", "e@example.com");
    }

    @ParameterizedTest
    @EnumSource(StoreBackend.class)
    void aRunSendsEveryRecipientOnceAndRecordsItsReceiptsLogAndSummary(StoreBackend backend) throws Exception {
        String[] emails = new String[40];
        for (int i = 0; i < emails.length; i++) emails[i] = "r" + i + "@" + (i % 2 == 0 ? "example.com" : "example.net");
        on(backend).frozenTo(emails);
        server.script.put("r7@example.net", n -> FakeMessenger.reply(FAILED, 550, "5.1.1", "RCPT 5.1.1 No such user"));

        RunResult r = f.run(EngineFixture.lane("main", server, 3));

        assertThat(r.progress().count(SENT)).isEqualTo(39);
        assertThat(server.delivered).hasSize(39).doesNotHaveDuplicates();
        RecipientRow sent = f.row("r4@example.com");
        assertThat(sent.state()).isEqualTo(SENT);
        assertThat(sent.queueId()).isEqualTo("Q" + sent.id());
        assertThat(sent.code()).isEqualTo(250);
        assertThat(sent.account()).isEqualTo("main");
        assertThat(f.row("r7@example.net").state()).isEqualTo(FAILED);
        assertThat(f.row("r7@example.net").enhancedCode()).isEqualTo("5.1.1");

        List<LogLine> lines = new ArrayList<>();
        f.campaigns.forEachLogLine(f.campaign.id(), 0, 0, lines::add);
        assertThat(lines).extracting(LogLine::text).contains("220 fake ESMTP", "MAIL FROM:<news@example.org>");
        List<long[]> conversations = f.campaigns.connectionsOf(sent.id());
        assertThat(conversations).hasSize(1);
        List<LogLine> ofOne = new ArrayList<>();
        f.campaigns.forEachLogLine(f.campaign.id(), conversations.get(0)[0], (int) conversations.get(0)[1], ofOne::add);
        assertThat(ofOne).isNotEmpty().allMatch(l -> l.connection() == conversations.get(0)[1]);
        assertThat(f.campaigns.runs(f.campaign.id())).hasSize(1);
        assertThat(f.campaigns.sentSince("main", 0)).isEqualTo(39);
        assertThat(f.campaigns.sentSince("main", System.currentTimeMillis() + 60_000)).isZero();

        DeliverySummary summary = new DeliverySummaryRepository(f.db).summarize("campaign-1").orElseThrow();
        assertThat(summary.totals().sent()).isEqualTo(39);
        assertThat(summary.totals().failed()).isEqualTo(1);
        assertThat(summary.domains()).extracting(d -> d.label()).containsExactly("example.com", "example.net");
        assertThat(summary.status()).isEqualTo(CampaignStatus.FINISHED);
    }

    @ParameterizedTest
    @EnumSource(StoreBackend.class)
    void aResumeSendsOnlyWhatIsLeftAndUnknownOnesOnlyWhenAsked(StoreBackend backend) throws Exception {
        on(backend).frozenTo("a@example.com", "b@example.com", "c@example.com");
        server.script.put("b@example.com", n -> n == 1 ? Attempt.lostAfterEndOfData("reset by peer") : FakeMessenger.sent("B2"));
        f.run(EngineFixture.lane("main", server, 1));
        assertThat(List.of(f.state("a@example.com"), f.state("b@example.com"), f.state("c@example.com")))
                .containsExactly(SENT, UNKNOWN, SENT);

        f.run(EngineFixture.lane("main", server, 1));
        assertThat(f.state("b@example.com")).as("an unknown one waits for the user's word").isEqualTo(UNKNOWN);

        RunResult resumed = f.run(DeliveryOptions.defaults(), true, EngineFixture.lane("main", server, 1));
        assertThat(f.state("b@example.com")).isEqualTo(SENT);
        assertThat(f.row("b@example.com").queueId()).isEqualTo("B2");
        assertThat(server.delivered).containsExactly("a@example.com", "b@example.com", "c@example.com", "b@example.com");
        assertThat(resumed.status()).isEqualTo(CampaignStatus.FINISHED);
        assertThat(f.campaigns.runs(f.campaign.id())).hasSize(3);
    }

    @ParameterizedTest
    @EnumSource(StoreBackend.class)
    void aKilledSendsJournalIsReplayedIntoTheStoreItWasSendingToAndNoOther(StoreBackend backend) throws Exception {
        on(backend).frozenTo("a@example.com", "b@example.com");
        RecipientRow a = f.row("a@example.com");
        StateJournal journal = StateJournal.createIn(f.db.journalDirectory(), false);
        journal.append(1, StateWriter.values(new StateUpdate(a.id(), SENT, 250, "2.0.0", "2.0.0 Ok", "J1", 1, null,
                System.currentTimeMillis(), "main", "<j1@example.org>", 0, 0, null, System.currentTimeMillis())));
        journal.abandon(); // as a kill -9 leaves it

        StoreBackend other = backend == StoreBackend.SQLITE ? StoreBackend.POSTGRES : StoreBackend.SQLITE;
        try (Database elsewhere = other.open(f.db.directory())) {
            assertThat(elsewhere.journalDirectory()).isNotEqualTo(f.db.journalDirectory());
        }
        assertThat(journalFiles(f.db.journalDirectory())).as("the other store left it alone").hasSize(1);

        f.db.replayStateJournals();
        assertThat(f.row("a@example.com").state()).isEqualTo(SENT);
        assertThat(f.row("a@example.com").queueId()).isEqualTo("J1");
        assertThat(f.state("b@example.com")).isEqualTo(PENDING);
        assertThat(journalFiles(f.db.journalDirectory())).isEmpty();
    }

    /** Records {recipientId, state, nextAttemptAt} rows through the state writer, as the engine does. */
    private void record(Object[][] updates) throws InterruptedException {
        long run = f.campaigns.startRun(f.campaign.id());
        StateWriter writer = new StateWriter(f.db, false);
        long at = System.currentTimeMillis();
        for (Object[] u : updates) {
            RecipientState state = (RecipientState) u[1];
            writer.submit(new StateUpdate((Long) u[0], state, state == SENT ? 250 : 0, null, null, null, 1, (Long) u[2], at, "main",
                    null, run, 1, null, at));
        }
        writer.close();
    }

    private List<RecipientRow> all() {
        List<RecipientRow> rows = new ArrayList<>();
        f.campaigns.forEachRecipient(f.campaign.id(), rows::add);
        return rows;
    }

    private static List<Path> journalFiles(Path dir) throws java.io.IOException {
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".journal")).toList();
        }
    }
}
