package org.broadside.report;

import org.broadside.delivery.CampaignStatus;
import org.broadside.delivery.RecipientState;
import org.broadside.testing.StoreBackend;
import org.broadside.testing.TempDirs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The summary of a campaign sent into a real store, SQLite and the team store alike (see {@link SentCampaign} for its
 * twelve recipients).
 */
class DeliverySummaryRepositoryTest {
    private static final Instant NOW = Instant.parse("2026-12-01T11:00:00Z");
    private SentCampaign campaign;
    private DeliverySummaryRepository summaries;
    private DeliverySummary summary;

    private void sendOn(StoreBackend backend) {
        campaign = new SentCampaign(TempDirs.create("summary-" + backend), backend).send();
        summaries = new DeliverySummaryRepository(campaign.db, Clock.fixed(NOW, ZoneOffset.UTC), 3);
        summary = summaries.summarize(SentCampaign.UID).orElseThrow();
    }

    @AfterEach
    void closeStore() {
        if (campaign != null) campaign.db.close();
    }

    @ParameterizedTest
    @EnumSource(StoreBackend.class)
    void totalsCountEveryState(StoreBackend backend) {
        sendOn(backend);
        StateCounts t = summary.totals();
        assertThat(List.of(t.total(), t.sent(), t.failed(), t.deferred(), t.unknown(), t.skipped(), t.pending()))
                .containsExactly(12L, 5L, 2L, 1L, 1L, 1L, 2L);
        assertThat(summary.campaignName()).isEqualTo(SentCampaign.NAME);
        assertThat(summary.status()).isEqualTo(CampaignStatus.PAUSED);
        assertThat(summary.runs()).isEqualTo(1);
        assertThat(summary.computedAt()).isEqualTo(NOW);
    }

    @ParameterizedTest
    @EnumSource(StoreBackend.class)
    void durationRunsFromTheFirstReceiptToTheLastAndTheRateCountsEveryAnsweredRecipient(StoreBackend backend) {
        sendOn(backend);
        assertThat(summary.firstReceipt()).isEqualTo(SentCampaign.T0);
        assertThat(summary.lastReceipt()).isEqualTo(SentCampaign.T0.plusSeconds(125));
        assertThat(summary.duration()).isEqualTo(Duration.ofSeconds(125));
        // 9 answered recipients (5 sent, 2 failed, 1 deferred, 1 unknown) in 125 s.
        assertThat(summary.ratePerMinute()).isEqualTo(9 * 60 / 125.0);
    }

    @ParameterizedTest
    @EnumSource(StoreBackend.class)
    void accountsAreOrderedByWhatTheyTriedWithTheirOutcomes(StoreBackend backend) {
        sendOn(backend);
        assertThat(summary.accounts()).extracting(AccountRow::account).containsExactly("Work", "Backup");
        StateCounts work = summary.accounts().get(0).counts();
        assertThat(List.of(work.sent(), work.failed(), work.deferred(), work.unknown())).containsExactly(3L, 1L, 1L, 1L);
        StateCounts backup = summary.accounts().get(1).counts();
        assertThat(List.of(backup.sent(), backup.failed(), backup.attempted())).containsExactly(2L, 1L, 3L);
    }

    @ParameterizedTest
    @EnumSource(StoreBackend.class)
    void domainsAreCaseInsensitiveAndTheSmallOnesAreSummedAsOthers(StoreBackend backend) {
        sendOn(backend);
        assertThat(summary.domains()).extracting(DomainRow::label)
                .containsExactly("example.com", "gmail.com", "yahoo.com", "2 other domains");
        StateCounts example = summary.domains().get(0).counts();
        assertThat(List.of(example.total(), example.sent(), example.failed(), example.pending())).containsExactly(5L, 3L, 1L, 1L);
        StateCounts gmail = summary.domains().get(1).counts();
        assertThat(List.of(gmail.sent(), gmail.deferred(), gmail.unknown())).containsExactly(1L, 1L, 1L);
        StateCounts others = summary.domains().get(3).counts();
        assertThat(List.of(others.total(), others.sent(), others.pending())).containsExactly(2L, 1L, 1L);
        assertThat(summary.domains().stream().mapToLong(d -> d.counts().total()).sum()).isEqualTo(summary.totals().total());
    }

    @ParameterizedTest
    @EnumSource(StoreBackend.class)
    void replyCodesAreCountedMostFrequentFirstAndExplained(StoreBackend backend) {
        sendOn(backend);
        assertThat(summary.replyCodes()).extracting(ReplyCodeRow::label, ReplyCodeRow::count).containsExactly(
                org.assertj.core.groups.Tuple.tuple("250 2.0.0", 5L), org.assertj.core.groups.Tuple.tuple("451 4.7.1", 1L),
                org.assertj.core.groups.Tuple.tuple("550 5.1.1", 1L), org.assertj.core.groups.Tuple.tuple("554 5.7.1", 1L));
        ReplyCodeRow unknownMailbox = summary.replyCodes().get(2);
        assertThat(unknownMailbox.meaning()).isEqualTo("the mailbox does not exist");
        assertThat(unknownMailbox.advice()).isEqualTo("the address should be removed from the list");
        assertThat(unknownMailbox.example()).contains("User unknown");
    }

    @ParameterizedTest
    @EnumSource(StoreBackend.class)
    void receiptsOverTimeArePerSecondForATwoMinuteSendWithEveryReceiptAtItsSecond(StoreBackend backend) {
        sendOn(backend);
        Timeline timeline = summary.timeline();
        assertThat(timeline.bucket()).isEqualTo(TimeBucket.SECOND);
        assertThat(timeline.points()).hasSize(126);
        assertThat(timeline.points().get(0).at()).isEqualTo(SentCampaign.T0);
        assertThat(timeline.points().get(20).failed()).isEqualTo(1);
        assertThat(timeline.points().get(75).deferred()).isEqualTo(1);
        assertThat(timeline.points().get(80).unknown()).isEqualTo(1);
        assertThat(timeline.points().get(125).sent()).isEqualTo(1);
        assertThat(timeline.points().stream().mapToLong(TimelinePoint::sent).sum()).isEqualTo(5);
        assertThat(timeline.points().stream().mapToLong(TimelinePoint::total).sum()).isEqualTo(9);
        assertThat(timeline.peak()).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(StoreBackend.class)
    void aCampaignNeverSentHasNoSummary(StoreBackend backend) {
        sendOn(backend);
        assertThat(summaries.summarize("never-sent")).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(StoreBackend.class)
    void aFrozenCampaignWithoutReceiptsHasAllPendingAndNoRate(StoreBackend backend) {
        campaign = new SentCampaign(TempDirs.create("summary-fresh-" + backend), backend);
        DeliverySummary s = new DeliverySummaryRepository(campaign.db).summarize(SentCampaign.UID).orElseThrow();
        assertThat(s.noReceipts()).isTrue();
        assertThat(s.totals().pending()).isEqualTo(11);
        assertThat(s.ratePerMinute()).isNull();
        assertThat(s.timeline().points()).isEmpty();
        assertThat(s.accounts()).isEmpty();
    }

    @Test
    void bucketsGrowWithTheSpan() {
        assertThat(TimeBucket.forSpan(Duration.ofSeconds(150))).isEqualTo(TimeBucket.SECOND);
        assertThat(TimeBucket.forSpan(Duration.ofMinutes(10))).isEqualTo(TimeBucket.MINUTE);
        assertThat(TimeBucket.forSpan(Duration.ofHours(5))).isEqualTo(TimeBucket.HOUR);
        assertThat(TimeBucket.forSpan(Duration.ofDays(30))).isEqualTo(TimeBucket.DAY);
    }

    @Test
    void stateCountsAddUp() {
        StateCounts c = new StateCounts().add(RecipientState.SENT, 2).add(RecipientState.PENDING, 3);
        assertThat(c.addAll(new StateCounts().add(RecipientState.SENT, 1)).sent()).isEqualTo(3);
        assertThat(c.total()).isEqualTo(6);
    }
}
