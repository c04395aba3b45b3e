package org.broadside.delivery;

import org.broadside.campaign.DeliveryOptions;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.broadside.delivery.RecipientState.*;

class DeliveryEngineTest {
    private final EngineFixture f = new EngineFixture();
    private final FakeMessenger server = new FakeMessenger();

    @Test
    void everyRecipientAcceptedIsSentWithItsQueueId() throws Exception {
        f.withContacts("a@example.com", "b@example.com", "c@example.com").frozen();
        RunResult r = f.run(EngineFixture.lane("main", server, 2));
        assertThat(r.status()).isEqualTo(CampaignStatus.FINISHED);
        assertThat(r.progress().count(SENT)).isEqualTo(3);
        assertThat(f.row("b@example.com").queueId()).isEqualTo("Q" + f.row("b@example.com").id());
        assertThat(f.row("b@example.com").code()).isEqualTo(250);
        assertThat(r.complete()).isTrue();
    }

    @Test
    void recipientsSpreadOverSeveralFeederPagesAreEachSentOnce() throws Exception {
        int n = CampaignRun.FEED_PAGE * 2 + 3;
        String[] emails = new String[n];
        for (int i = 0; i < n; i++) emails[i] = "r" + i + "@example.com";
        f.withContacts(emails).frozen();
        RunResult r = f.run(EngineFixture.lane("main", server, 3));
        assertThat(r.progress().count(SENT)).isEqualTo(n);
        assertThat(server.delivered).hasSize(n).doesNotHaveDuplicates().containsExactlyInAnyOrder(emails);
    }

    @Test
    void unknownMailboxFailsAndFullMailboxIsDeferred() throws Exception {
        f.withContacts("ok@example.com", "ghost@example.com", "busy@example.com").frozen();
        server.script.put("ghost@example.com", n -> FakeMessenger.reply(FAILED, 550, "5.1.1", "RCPT 5.1.1 No such user"));
        server.script.put("busy@example.com", n -> FakeMessenger.reply(DEFERRED, 452, "4.2.2", "RCPT 4.2.2 Mailbox full"));
        RunResult r = f.run(EngineFixture.lane("main", server, 1));
        assertThat(List.of(f.state("ok@example.com"), f.state("ghost@example.com"), f.state("busy@example.com")))
                .containsExactly(SENT, FAILED, DEFERRED);
        assertThat(f.row("busy@example.com").attempts()).isEqualTo(1);
        assertThat(r.status()).isEqualTo(CampaignStatus.READY);
    }

    @Test
    void lostConnectionAfterEndOfDataLeavesTheRecipientUnknown() throws Exception {
        f.withContacts("a@example.com", "b@example.com").frozen();
        server.script.put("a@example.com", n -> Attempt.lostAfterEndOfData("reset by peer"));
        f.run(EngineFixture.lane("main", server, 1));
        assertThat(f.state("a@example.com")).isEqualTo(UNKNOWN);
        assertThat(f.state("b@example.com")).isEqualTo(SENT);
    }

    @Test
    void endOfDataIsDurableAsUnknownBeforeTheFinalDotIsWritten() throws Exception {
        f.withContacts("a@example.com").frozen();
        AtomicReference<RecipientState> seenInStore = new AtomicReference<>();
        server.afterHook = () -> seenInStore.set(f.stateAfterAKillNow("a@example.com"));
        f.run(EngineFixture.lane("main", server, 1));
        assertThat(seenInStore.get()).isEqualTo(UNKNOWN);
        assertThat(f.state("a@example.com")).isEqualTo(SENT);
    }

    @Test
    void resumeNeverSendsAgainToSentFailedOrSkipped() throws Exception {
        f.withContacts("a@example.com", "ghost@example.com", "broken-address", "lost@example.com").frozen();
        server.script.put("ghost@example.com", n -> FakeMessenger.reply(FAILED, 550, "5.1.1", "RCPT 5.1.1 No such user"));
        server.script.put("lost@example.com", n -> Attempt.lostAfterEndOfData("reset"));
        f.run(EngineFixture.lane("main", server, 1));
        assertThat(f.state("broken-address")).isEqualTo(SKIPPED);
        server.delivered.clear();
        f.run(EngineFixture.lane("main", server, 1));
        assertThat(server.delivered).isEmpty();
    }

    @Test
    void unknownIsResentOnlyWhenAskedAndWithTheSameMessageId() throws Exception {
        f.withContacts("lost@example.com").frozen();
        server.script.put("lost@example.com", n -> n == 1 ? Attempt.lostAfterEndOfData("reset") : FakeMessenger.sent("Q2"));
        f.run(EngineFixture.lane("main", server, 1));
        f.run(EngineFixture.lane("main", server, 1));
        assertThat(server.delivered).hasSize(1);
        f.run(DeliveryOptions.defaults(), true, EngineFixture.lane("main", server, 1));
        assertThat(server.delivered).hasSize(2);
        assertThat(server.messageIds.get(0)).isEqualTo(server.messageIds.get(1));
        assertThat(f.state("lost@example.com")).isEqualTo(SENT);
    }

    @Test
    void deferredRecipientFailsWithTheLastReplyWhenAttemptsRunOut() throws Exception {
        f.withContacts("busy@example.com").frozen();
        server.script.put("busy@example.com", n -> FakeMessenger.reply(DEFERRED, 451, "4.3.0", "4.3.0 try later"));
        DeliveryOptions oneAttempt = new DeliveryOptions(0, 1, null, null, null, null, null, null, null, null);
        f.run(oneAttempt, false, EngineFixture.lane("main", server, 1));
        assertThat(f.state("busy@example.com")).isEqualTo(FAILED);
        assertThat(f.row("busy@example.com").reply()).contains("gave up after 1 attempt").contains("try later");
    }

    @Test
    void deferredRecipientIsRetriedWithWaitUntilAccepted() throws Exception {
        f.withContacts("busy@example.com").frozen();
        server.script.put("busy@example.com", n -> n < 3 ? FakeMessenger.reply(DEFERRED, 451, "4.3.0", "4.3.0 try later") : FakeMessenger.sent("Q9"));
        DeliveryOptions fast = new DeliveryOptions(0, 5, null, null, null, null, null, null, null, null);
        RunResult r = f.engine.run(new RunRequest(f.campaigns.find("campaign-1").orElseThrow(), EngineFixture.composer(),
                List.of(EngineFixture.lane("main", server, 1)), fast, true, false, null, null));
        assertThat(r.status()).isEqualTo(CampaignStatus.FINISHED);
        assertThat(f.row("busy@example.com").attempts()).isEqualTo(3);
    }

    @Test
    void accountThatRefusesLoginIsReplacedByTheOtherAccount() throws Exception {
        f.withContacts("a@example.com", "b@example.com", "c@example.com", "d@example.com").frozen();
        FakeMessenger broken = new FakeMessenger();
        broken.openFailure = new SessionException("authentication failed: 535 5.7.8 bad credentials", true, false, null);
        RunResult r = f.run(EngineFixture.lane("broken", broken, 1), EngineFixture.lane("good", server, 1));
        assertThat(r.progress().count(SENT)).isEqualTo(4);
        assertThat(server.delivered).hasSize(4);
    }

    @Test
    void campaignPausesWithTheReasonWhenNoAccountCanSend() throws Exception {
        f.withContacts("a@example.com").frozen();
        server.openFailure = new SessionException("authentication failed: 535 5.7.8 bad credentials", true, false, null);
        RunResult r = f.run(EngineFixture.lane("main", server, 1));
        assertThat(r.status()).isEqualTo(CampaignStatus.PAUSED);
        assertThat(r.reason()).contains("535 5.7.8");
        assertThat(f.state("a@example.com")).isEqualTo(PENDING);
    }

    @Test
    void errorBudgetPausesTheCampaignAndSaysWhy() throws Exception {
        String[] emails = new String[40];
        for (int i = 0; i < emails.length; i++) emails[i] = "u" + i + "@example.com";
        f.withContacts(emails).frozen();
        for (String e : emails) server.script.put(e, n -> FakeMessenger.reply(FAILED, 554, "5.7.1", "5.7.1 rejected by policy"));
        DeliveryOptions budget = new DeliveryOptions(null, null, null, 50, 10, Map.of(), null, null, null, null);
        RunResult r = f.run(budget, false, EngineFixture.lane("main", server, 1));
        assertThat(r.status()).isEqualTo(CampaignStatus.PAUSED);
        assertThat(r.reason()).contains("of the last 10 attempts");
        assertThat(r.progress().count(PENDING)).isGreaterThan(0);
    }

    @Test
    void weightsSplitRecipientsBetweenAccounts() throws Exception {
        String[] emails = new String[90];
        for (int i = 0; i < emails.length; i++) emails[i] = "u" + i + "@example.com";
        f.withContacts(emails).frozen();
        FakeMessenger other = new FakeMessenger();
        f.run(new AccountLane("big", server, 1, 0, 0, 0, 0, 0, 2), new AccountLane("small", other, 1, 0, 0, 0, 0, 0, 1));
        assertThat(server.delivered.size() + other.delivered.size()).isEqualTo(90);
        assertThat(server.delivered.size()).isBetween(55, 65);
    }

    @Test
    void dailyLimitStopsThePassAndLeavesTheRestPending() throws Exception {
        f.withContacts("a@example.com", "b@example.com", "c@example.com").frozen();
        RunResult r = f.run(new AccountLane("main", server, 1, 0, 0, 0, 0, 2, 1));
        assertThat(r.progress().count(SENT)).isEqualTo(2);
        assertThat(r.progress().count(PENDING)).isEqualTo(1);
        assertThat(r.reason()).contains("daily limit of 2");
    }

    @Test
    void blacklistedAndDuplicateAddressesAreSkippedWithTheReason() throws Exception {
        f.withContacts("a@example.com", "b@blocked.example").frozen();
        // Frozen before the blacklist entry: the blacklist applies when the campaign first starts.
        EngineFixture g = new EngineFixture();
        g.blacklist.add("@blocked.example", "test", "test");
        g.withContacts("a@example.com", "b@blocked.example").frozen();
        assertThat(g.state("b@blocked.example")).isEqualTo(SKIPPED);
        assertThat(g.row("b@blocked.example").reason()).contains("blacklisted");
    }
}
