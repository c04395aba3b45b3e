package org.broadside.ui.delivery;

import javafx.collections.ListChangeListener;
import org.broadside.campaign.Campaign;
import org.broadside.campaign.CampaignDocument;
import org.broadside.compose.CheckLine;
import org.broadside.compose.ComposeException;
import org.broadside.compose.PreSendCheckFailed;
import org.broadside.delivery.AccountNotice;
import org.broadside.delivery.CampaignRepository;
import org.broadside.delivery.CampaignStatus;
import org.broadside.delivery.ConnectionId;
import org.broadside.delivery.DeliveryListener;
import org.broadside.delivery.Progress;
import org.broadside.delivery.Receipt;
import org.broadside.delivery.RecipientState;
import org.broadside.delivery.RunHandle;
import org.broadside.merge.Severity;
import org.broadside.store.Database;
import org.broadside.testing.TempDirs;
import org.broadside.ui.common.SameThreadRunner;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

class DeliveryViewModelTest {
    private static final Instant NOW = Instant.parse("2026-12-05T17:00:00Z");
    private Path dir;
    private StoredCampaign stored;
    private final AtomicReference<DeliveryListener> listener = new AtomicReference<>();
    private final AtomicInteger starts = new AtomicInteger();
    private final MutableClock clock = new MutableClock();
    private DeliveryViewModel vm;
    private int toFreeze = 3;

    /** A clock the test moves by hand, for the banner's countdown. */
    static final class MutableClock extends Clock {
        Instant now = NOW;

        @Override public java.time.ZoneId getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(java.time.ZoneId zone) { return this; }
        @Override public Instant instant() { return now; }
    }

    @BeforeEach
    void setUp() {
        dir = TempDirs.create("delivery-vm");
        stored = new StoredCampaign(dir, "c-1");
        // Like the real runner: the first start freezes the recipients, then the engine reports through the listener.
        CampaignRunner fake = (d, wait, unknown, l) -> {
            starts.incrementAndGet();
            if (stored.campaigns.find(d.uid()).map(r -> !r.frozen()).orElse(true)) stored.freeze(toFreeze);
            listener.set(l);
            return null;
        };
        vm = new DeliveryViewModel(() -> stored.doc, fake, stored.campaigns, new SameThreadRunner(), clock);
    }

    private static Receipt receipt(long id, String email, RecipientState s, int code, String reply) {
        return new Receipt(id, email, s, code, null, reply, code == 250 ? "Q" + id : null, 1, "Work", 1, Instant.now());
    }

    private static AccountNotice notice(AccountNotice.Kind kind, Instant nextTry, int attempt) {
        return new AccountNotice("Work", kind, "Cannot reach smtp.acme.example:587: connection refused",
                "Check the host and port of account Work on the Accounts window, or your firewall.", nextTry, attempt, NOW);
    }

    @Test
    void whenARunStartsTheTableShowsEveryRecipientWaiting() {
        vm.send();
        assertThat(vm.items()).extracting(RecipientItem::email).containsExactly("r1@example.com", "r2@example.com", "r3@example.com");
        assertThat(vm.items()).allSatisfy(i -> {
            assertThat(i.state()).isEqualTo(RecipientState.PENDING);
            assertThat(DeliveryView.nextAttempt(i)).isEqualTo("waiting");
            // Not the time the list was frozen, which read as a time it was sent.
            assertThat(i.atProperty().get()).as("the row has the freeze time").isNotNull();
            assertThat(DeliveryView.time(i)).isEmpty();
        });
    }

    /** The status line (and the strip beside Send) keeps saying where the campaign is after an export. */
    @Test
    void anExportsOutcomeFollowsTheCampaignsStateInsteadOfReplacingIt() {
        stored.freeze(3);
        vm.load();
        String state = vm.statusProperty().get();
        assertThat(state).isNotBlank();
        vm.exportReport(dir.resolve("first.csv"));
        assertThat(vm.statusProperty().get()).startsWith(state).endsWith(" Report of 3 recipients written to first.csv.");
        vm.exportReport(dir.resolve("second.csv"));
        assertThat(vm.statusProperty().get()).as("the second export's outcome replaces the first's")
                .startsWith(state).endsWith(" Report of 3 recipients written to second.csv.").doesNotContain("first.csv");
        vm.exportReport(dir.resolve("missing-folder").resolve("third.csv"));
        assertThat(vm.statusProperty().get()).startsWith(state).contains(" The report could not be written: ").doesNotContain("second.csv");
    }

    @Test
    void aDeferredRecipientShowsWhenItIsTriedAgain() {
        stored.freeze(3);
        long retry = NOW.plusSeconds(300).toEpochMilli();
        stored.set(2, RecipientState.DEFERRED, retry);
        vm.load();
        RecipientItem deferred = vm.items().get(1);
        assertThat(deferred.state()).isEqualTo(RecipientState.DEFERRED);
        assertThat(deferred.nextAttemptProperty().get()).isEqualTo(Instant.ofEpochMilli(retry));
    }

    @Test
    void eventsWaitInTheQueueUntilTheNextTick() {
        vm.send();
        long first = stored.firstId();
        listener.get().receipt(receipt(first, "r1@example.com", RecipientState.SENT, 250, "2.0.0 Ok: queued as Q1"));
        assertThat(vm.items().get(0).state()).isEqualTo(RecipientState.PENDING);
        vm.tick();
        assertThat(vm.items().get(0)).satisfies(i -> {
            assertThat(i.state()).isEqualTo(RecipientState.SENT);
            assertThat(i.codeProperty().get()).isEqualTo(250);
            assertThat(i.queueIdProperty().get()).isEqualTo("Q" + first);
        });
    }

    @Test
    void receiptsUpdateTheirRowsInPlaceWithoutChangingTheList() {
        toFreeze = 1000;
        vm.send();
        long first = stored.firstId();
        for (int i = 0; i < 1000; i++) vm.items().get(i); // the table has read every page
        for (int i = 0; i < 1000; i++) listener.get().receipt(receipt(first + i, "r" + (i + 1) + "@example.com", RecipientState.SENT, 250, "Ok"));
        AtomicInteger changes = new AtomicInteger();
        vm.items().addListener((ListChangeListener<RecipientItem>) c -> changes.incrementAndGet());
        vm.tick();
        assertThat(changes.get()).isZero();
        assertThat(vm.items()).hasSize(1000).allSatisfy(i -> assertThat(i.state()).isEqualTo(RecipientState.SENT));
    }

    @Test
    void aLaterReceiptUpdatesTheSameRowInPlace() {
        vm.send();
        long first = stored.firstId();
        listener.get().sending(first, "r1@example.com", new ConnectionId(1, "Work"));
        vm.tick();
        RecipientItem row = vm.items().get(0);
        assertThat(row.state()).isEqualTo(RecipientState.SENDING);
        listener.get().receipt(receipt(first, "r1@example.com", RecipientState.DEFERRED, 451, "Try later"));
        vm.tick();
        assertThat(vm.items()).hasSize(3);
        assertThat(vm.items().get(0)).isSameAs(row);
        assertThat(row.state()).isEqualTo(RecipientState.DEFERRED);
    }

    @Test
    void filterShowsOnlyTheChosenStateFromTheStore() {
        stored.freeze(3);
        stored.set(2, RecipientState.FAILED, null);
        vm.load();
        vm.filterProperty().set(RecipientState.FAILED);
        assertThat(vm.visibleItems()).extracting(RecipientItem::email).containsExactly("r2@example.com");
        vm.filterProperty().set(null);
        assertThat(vm.visibleItems()).hasSize(3);
    }

    @Test
    void runEndedStopsRunningAndShowsCountsAndProgress() {
        vm.send();
        assertThat(vm.runningProperty().get()).isTrue();
        Progress p = new Progress(Map.of(RecipientState.SENT, 3L, RecipientState.DEFERRED, 1L), 12.5, 4);
        listener.get().runEnded(p, CampaignStatus.STOPPED, "stopped by the user");
        vm.tick();
        assertThat(vm.runningProperty().get()).isFalse();
        assertThat(vm.counts().get(RecipientState.SENT)).isEqualTo(3L);
        assertThat(vm.progressProperty().get()).isEqualTo(0.75);
        assertThat(vm.canResendProperty().get()).isTrue();
        assertThat(vm.statusProperty().get()).isEqualTo("Stopped: stopped by the user");
    }

    @Test
    void aFinishedRunLeavesSendAvailable() {
        vm.send();
        listener.get().statusChanged(CampaignStatus.FINISHED, null);
        listener.get().runEnded(new Progress(Map.of(RecipientState.SENT, 1L), 0, 1), CampaignStatus.FINISHED, null);
        vm.tick();
        assertThat(vm.runningProperty().get()).isFalse();
        assertThat(vm.pausedProperty().get()).isFalse();
        assertThat(vm.rateProperty().get()).as("no \"0.0 msg/s\" under a full bar").isEmpty();
        assertThat(vm.timeLeftProperty().get()).as("no \"left: –\" under a full bar").isEmpty();
    }

    @Test
    void whileRecipientsRemainTheTimeLeftIsEstimatedFromTheRate() {
        assertThat(vm.timeLeftProperty().get()).as("never sent").isEmpty();
        vm.send();
        listener.get().progress(new Progress(Map.of(RecipientState.SENT, 10L, RecipientState.PENDING, 90L), 0, 100));
        vm.tick();
        assertThat(vm.timeLeftProperty().get()).as("no rate yet").isEqualTo("left: –");
        listener.get().progress(new Progress(Map.of(RecipientState.SENT, 40L, RecipientState.PENDING, 60L), 2, 100));
        vm.tick();
        assertThat(vm.timeLeftProperty().get()).isEqualTo("left: 30 s");
        listener.get().progress(new Progress(Map.of(RecipientState.SENT, 40L, RecipientState.PENDING, 60L), 0.5, 100));
        vm.tick();
        assertThat(vm.timeLeftProperty().get()).isEqualTo("left: 2 min");
    }

    @Test
    void aRunThatCannotStartSaysWhyInASentence() {
        DeliveryViewModel failing = new DeliveryViewModel(() -> stored.doc, (d, w, u, l) -> {
            throw new ComposeException("The campaign names no list.");
        }, stored.campaigns, new SameThreadRunner());
        failing.send();
        assertThat(failing.runningProperty().get()).isFalse();
        assertThat(failing.statusProperty().get()).isEqualTo("Not sent: The campaign names no list.");
        assertThat(failing.bannerProperty().get().severity()).isEqualTo(Banner.Severity.ERROR);
        assertThat(failing.bannerProperty().get().text()).isEqualTo("Not sent: The campaign names no list.");
    }

    @Test
    void csvEscapesCommasQuotesAndLineBreaks() {
        assertThat(org.broadside.delivery.ReceiptReport.cell("a,b")).isEqualTo("\"a,b\"");
        assertThat(org.broadside.delivery.ReceiptReport.cell("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(org.broadside.delivery.ReceiptReport.cell("plain")).isEqualTo("plain");
        assertThat(List.of(org.broadside.delivery.ReceiptReport.cell(null))).containsExactly("");
    }

    @Test
    void bounceCountsAreDescribedOnlyOnceThereAreAny() {
        assertThat(DeliveryViewModel.describe(new org.broadside.bounces.BounceCounts(0, 0, 0, 0))).isEmpty();
        assertThat(DeliveryViewModel.describe(new org.broadside.bounces.BounceCounts(3, 1, 2, 12)))
                .isEqualTo("After sending: 3 hard bounces, 1 soft bounces, 2 complaints, 12 unsubscribes");
    }

    /** A runner whose normal start is refused by the given exception and whose override starts. */
    private DeliveryViewModel refusing(Exception refusal, List<String> calls) {
        CampaignRunner strict = new CampaignRunner() {
            @Override
            public RunHandle start(CampaignDocument d, boolean w, boolean u, DeliveryListener l) throws Exception {
                calls.add("checked");
                throw refusal;
            }

            @Override
            public RunHandle startOverridingChecks(CampaignDocument d, boolean w, boolean u, DeliveryListener l) {
                calls.add("overridden");
                return null;
            }
        };
        return new DeliveryViewModel(() -> stored.doc, strict, stored.campaigns, new SameThreadRunner());
    }

    @Test
    void sendRefusedByThePreSendCheckListsTheErrorsAndOffersToSendAnyway() {
        List<String> calls = new ArrayList<>();
        DeliveryViewModel strictVm = refusing(new PreSendCheckFailed("Refused (this wording is not what decides)", List.of(
                new CheckLine(Severity.ERROR, "Subject", 1, 7, "unknown field [Frist Name]"),
                new CheckLine(Severity.ERROR, "Settings", 0, 0, "no unsubscribe method"))), calls);
        strictVm.send();
        assertThat(strictVm.blockedByChecksProperty().get()).isTrue();
        Banner banner = strictVm.bannerProperty().get();
        assertThat(banner.actions()).containsExactly(Banner.Action.SEND_ANYWAY);
        assertThat(banner.text()).contains("found 2 errors", "Subject line 1: unknown field [Frist Name]", "Settings: no unsubscribe method");
        strictVm.act(Banner.Action.SEND_ANYWAY);
        assertThat(calls).containsExactly("checked", "overridden");
        assertThat(strictVm.blockedByChecksProperty().get()).isFalse();
        assertThat(strictVm.bannerProperty().get()).isNull();
    }

    @Test
    void withoutAListOrAnAccountSendAnywayIsNotOffered() {
        // Offered, it only traded the check's refusal for the engine's: "The campaign names no account to send with."
        DeliveryViewModel strictVm = refusing(PreSendCheckFailed.of(List.of(
                new CheckLine(Severity.ERROR, "unsubscribe", 0, 0, "no unsubscribe method", org.broadside.compose.CheckCode.UNSUBSCRIBE_NONE_CHOSEN, null),
                new CheckLine(Severity.ERROR, "list", 0, 0, "no list is chosen", org.broadside.compose.CheckCode.LIST_MISSING, null),
                new CheckLine(Severity.ERROR, "account", 0, 0, "no account is chosen", org.broadside.compose.CheckCode.ACCOUNT_MISSING, null))),
                new ArrayList<>());
        strictVm.send();
        Banner banner = strictVm.bannerProperty().get();
        assertThat(banner.actions()).isEmpty();
        assertThat(banner.text()).startsWith("Not sent: the pre-send check found 3 errors. Fix them on the Message, Recipients or Settings tab.")
                .doesNotContain("Send anyway").contains("list: no list is chosen", "account: no account is chosen");
    }

    @Test
    void aRefusalWordedLikeTheCheckButNotOfItsTypeOffersNoSendAnyway() {
        DeliveryViewModel strictVm = refusing(new ComposeException("The pre-send check found 1 error: but this is another refusal"), new ArrayList<>());
        strictVm.send();
        assertThat(strictVm.blockedByChecksProperty().get()).isFalse();
        assertThat(strictVm.bannerProperty().get().actions()).isEmpty();
    }

    /** Send pressed on another tab: the shell is told once the run has started, and not when nothing was sent. */
    @Test
    void aStartedRunIsAnnouncedOnceAndANothingDueAnswerIsNot() {
        AtomicInteger announced = new AtomicInteger();
        vm.setOnRunStarted(announced::incrementAndGet);
        vm.send();
        assertThat(starts.get()).isEqualTo(1);
        assertThat(announced.get()).isEqualTo(1);
        listener.get().statusChanged(CampaignStatus.FINISHED, null);
        listener.get().runEnded(new Progress(Map.of(RecipientState.SENT, 3L), 1, 3), CampaignStatus.FINISHED, null);
        vm.tick();
        stored.setAll(RecipientState.SENT);
        vm.send();
        assertThat(starts.get()).as("nothing was due").isEqualTo(1);
        assertThat(announced.get()).isEqualTo(1);
    }

    @Test
    void sendWithNothingDueSaysSoAndStartsNoRun() {
        stored.freeze(3);
        stored.setAll(RecipientState.SENT);
        stored.set(3, RecipientState.SKIPPED, null);
        vm.send();
        assertThat(starts.get()).isZero();
        assertThat(vm.runningProperty().get()).isFalse();
        assertThat(vm.statusProperty().get()).isEqualTo("Not sent: nothing is due.");
        Banner banner = vm.bannerProperty().get();
        assertThat(banner.text()).startsWith("Nothing is due: all 3 recipients of this campaign are SENT (2) or SKIPPED (1).")
                .contains("a list or filter chosen on the Recipients tab since then is not used (it now names \"Members\")");
        assertThat(banner.actions()).isEmpty();
    }

    @Test
    void nothingDueButUnknownRecipientsOffersToResendThem() {
        stored.freeze(2);
        stored.setAll(RecipientState.SENT);
        stored.set(2, RecipientState.UNKNOWN, null);
        vm.setNewCampaign(() -> { });
        vm.send();
        assertThat(vm.bannerProperty().get().actions()).containsExactly(Banner.Action.RESEND_UNKNOWN, Banner.Action.NEW_CAMPAIGN);
        assertThat(vm.bannerProperty().get().text()).contains("1 is UNKNOWN");
        vm.act(Banner.Action.RESEND_UNKNOWN);
        assertThat(starts.get()).isEqualTo(1);
        assertThat(vm.runningProperty().get()).isTrue();
    }

    @Test
    void makeThisANewCampaignLetsTheNextSendTakeTheListAgain() {
        stored.freeze(2);
        stored.setAll(RecipientState.SENT);
        AtomicReference<CampaignDocument> doc = new AtomicReference<>(stored.doc);
        DeliveryViewModel renamed = new DeliveryViewModel(doc::get, (d, w, u, l) -> {
            starts.incrementAndGet();
            return null;
        }, stored.campaigns, new SameThreadRunner());
        renamed.setNewCampaign(() -> doc.set(new CampaignDocument(doc.get().campaign().withId("c-2"), doc.get().file())));
        renamed.send();
        renamed.act(Banner.Action.NEW_CAMPAIGN);
        assertThat(renamed.bannerProperty().get()).isNull();
        assertThat(renamed.items()).isEmpty();
        renamed.send();
        assertThat(starts.get()).isEqualTo(1);
    }

    @Test
    void aDeadServerShowsABannerWithCauseAdviceAndCountdownAtTheNextTick() {
        vm.send();
        listener.get().accountNotice(notice(AccountNotice.Kind.UNREACHABLE, NOW.plusSeconds(30), 1));
        assertThat(vm.bannerProperty().get()).isNull();
        vm.tick();
        Banner banner = vm.bannerProperty().get();
        assertThat(banner.severity()).isEqualTo(Banner.Severity.ERROR);
        assertThat(banner.text()).isEqualTo("Account Work: Cannot reach smtp.acme.example:587: connection refused. "
                + "Check the host and port of account Work on the Accounts window, or your firewall. Next try in 30 s (attempt 2).");
        assertThat(vm.badges()).extracting(AccountBadge::text).containsExactly("Work: cannot connect");
        clock.now = NOW.plusSeconds(12);
        vm.tick();
        assertThat(vm.bannerProperty().get().text()).endsWith("Next try in 18 s (attempt 2).");
    }

    @Test
    void recoveredClearsTheBannerAndTheBadge() {
        vm.send();
        listener.get().accountNotice(notice(AccountNotice.Kind.UNREACHABLE, NOW.plusSeconds(30), 1));
        vm.tick();
        listener.get().accountNotice(new AccountNotice("Work", AccountNotice.Kind.RECOVERED, "Connected again", null, null, 0, NOW));
        vm.tick();
        assertThat(vm.bannerProperty().get()).isNull();
        assertThat(vm.badges()).extracting(AccountBadge::text).containsExactly("Work: OK");
    }

    @Test
    void anAcceptedMessageFromTheAccountClearsItsProblem() {
        vm.send();
        listener.get().accountNotice(notice(AccountNotice.Kind.UNREACHABLE, NOW.plusSeconds(30), 1));
        vm.tick();
        listener.get().receipt(receipt(stored.firstId(), "r1@example.com", RecipientState.SENT, 250, "Ok"));
        vm.tick();
        assertThat(vm.bannerProperty().get()).isNull();
        assertThat(vm.badges()).extracting(AccountBadge::ok).containsExactly(true);
    }

    /**
     * One dead account among working ones: the others send everything and the run ends. The banner still names the
     * dead account (it is still broken) but no longer promises a next try that no run will make.
     */
    @Test
    void aRunThatEndsStopsPromisingTheNextTryOfADeadAccount() {
        vm.send();
        listener.get().accountNotice(notice(AccountNotice.Kind.UNREACHABLE, NOW.plusSeconds(30), 1));
        vm.tick();
        assertThat(vm.bannerProperty().get().text()).contains("Next try in 30 s");
        listener.get().runEnded(new Progress(Map.of(RecipientState.SENT, 3L), 0, 3), CampaignStatus.FINISHED, null);
        vm.tick();
        Banner banner = vm.bannerProperty().get();
        assertThat(banner.severity()).isEqualTo(Banner.Severity.ERROR);
        assertThat(banner.text()).isEqualTo("Account Work: Cannot reach smtp.acme.example:587: connection refused. "
                + "Check the host and port of account Work on the Accounts window, or your firewall.");
        clock.now = NOW.plusSeconds(40);
        vm.tick();
        assertThat(vm.bannerProperty().get().text()).doesNotContain("Trying again").doesNotContain("Next try");
        assertThat(vm.badges()).extracting(AccountBadge::text).containsExactly("Work: cannot connect");
    }

    @Test
    void aRunThatGaveUpSaysSoAndOffersResume() {
        vm.send();
        listener.get().accountNotice(new AccountNotice("Work", AccountNotice.Kind.GAVE_UP,
                "Paused after 5 failed connections to smtp.acme.example:587", "Check the account, then press Resume.", null, 0, NOW));
        listener.get().statusChanged(CampaignStatus.PAUSED, "no account could send");
        listener.get().runEnded(new Progress(Map.of(RecipientState.PENDING, 3L), 0, 3), CampaignStatus.PAUSED, "no account could send");
        vm.tick();
        assertThat(vm.pausedProperty().get()).isTrue();
        assertThat(vm.bannerProperty().get().actions()).containsExactly(Banner.Action.RESUME);
        assertThat(vm.bannerProperty().get().text()).doesNotContain("Press Resume to try again now");
        vm.act(Banner.Action.RESUME);
        assertThat(starts.get()).isEqualTo(2);
    }

    private void listOf(int contacts) {
        var contactsRepo = new org.broadside.contacts.ContactRepository(stored.db);
        var list = contactsRepo.createList("Members", List.of());
        List<org.broadside.contacts.Contact> all = new ArrayList<>();
        for (int i = 0; i < contacts; i++) all.add(org.broadside.contacts.Contact.of("m" + i + "@example.com", Map.of()));
        contactsRepo.upsert(list.id(), all);
    }

    @Test
    void aFirstSendAboveTheThresholdAsksFirstAndCancelSendsNothing() {
        listOf(150);
        vm.send();
        assertThat(starts.get()).isZero();
        SendPlan.FirstSend asked = vm.confirmationProperty().get();
        assertThat(asked.recipients()).isEqualTo(150);
        assertThat(asked.question()).contains("150 recipients", "List: Members", "Filter: none", "Account: Work");
        vm.cancelSend();
        assertThat(starts.get()).isZero();
        assertThat(vm.runningProperty().get()).isFalse();
        assertThat(vm.statusProperty().get()).isEqualTo("Not sent: you cancelled the send.");
    }

    @Test
    void aFirstSendAboveTheThresholdStartsOnceConfirmed() {
        listOf(150);
        vm.send();
        vm.confirmSend();
        assertThat(starts.get()).isEqualTo(1);
        assertThat(vm.confirmationProperty().get()).isNull();
    }

    @Test
    void aFirstSendUpToTheThresholdStartsWithoutAsking() {
        listOf(100);
        vm.send();
        assertThat(vm.confirmationProperty().get()).isNull();
        assertThat(starts.get()).isEqualTo(1);
    }

    @Test
    void theThresholdIsKeptInTheDataDirectory() {
        vm.setThreshold(1000);
        DeliveryViewModel again = new DeliveryViewModel(() -> stored.doc, (d, w, u, l) -> null, stored.campaigns, new SameThreadRunner());
        assertThat(again.thresholdProperty().get()).isEqualTo(1000);
        assertThat(dir.resolve(ConfirmationThreshold.FILE)).exists();
    }

    @Test
    void aResumeDoesNotAsk() {
        listOf(150);
        stored.freeze(150);
        vm.send();
        assertThat(vm.confirmationProperty().get()).isNull();
        assertThat(starts.get()).isEqualTo(1);
    }
}
