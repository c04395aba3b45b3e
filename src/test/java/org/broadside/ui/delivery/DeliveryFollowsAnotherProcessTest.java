package org.broadside.ui.delivery;

import org.broadside.delivery.CampaignRecord;
import org.broadside.delivery.CampaignStatus;
import org.broadside.delivery.RecipientState;
import org.broadside.delivery.SendingRuns;
import org.broadside.store.ProcessIdentity;
import org.broadside.testing.TempDirs;
import org.broadside.ui.common.SameThreadRunner;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Delivery panel of a campaign that another process sends (the command line beside the app, another desktop on a
 * team store): it says who sends, follows the counts and receipts, offers Stop (and Send only on a team store, where
 * the two share the recipients), and tells a run that died from one that is alive.
 */
class DeliveryFollowsAnotherProcessTest {
    private static final ProcessIdentity ELSEWHERE = new ProcessIdentity("host-b.example", 77, 1);
    private StoredCampaign stored;
    private DeliveryViewModel vm;
    private int starts;

    @BeforeEach
    void setUp() {
        stored = new StoredCampaign(TempDirs.create("delivery-follow"), "c-follow");
        vm = new DeliveryViewModel(() -> stored.doc, (d, w, u, l) -> {
            starts++;
            return null;
        }, stored.campaigns, new SameThreadRunner());
    }

    private void tickASecond() {
        for (int i = 0; i < 10; i++) vm.tick();
    }

    @Test
    void aRunOfAnotherMachineIsFollowedUntilItEnds() {
        CampaignRecord r = stored.freeze(3);
        SendingRuns runs = new SendingRuns(stored.db);
        long run = runs.start(r.id(), "Test", ELSEWHERE, Duration.ofSeconds(30));
        stored.campaigns.setStatus(r.id(), CampaignStatus.RUNNING, null);

        vm.load();
        assertThat(vm.watchingProperty().get()).isTrue();
        assertThat(vm.statusProperty().get()).startsWith("Being sent by process 77 on host-b.example, since ");
        assertThat(vm.canSendProperty().get()).as("a second sender would send the same recipients").isFalse();
        assertThat(vm.canResumeProperty().get()).isFalse();
        assertThat(vm.canStopProperty().get()).isTrue();
        assertThat(vm.items()).hasSize(3);
        vm.items().forEach(i -> { }); // the table has read its page

        stored.set(1, RecipientState.SENT, null);
        stored.set(2, RecipientState.SENT, null);
        inFlight(3, run);
        tickASecond();
        assertThat(vm.counts().get(RecipientState.SENT)).isEqualTo(2L);
        assertThat(vm.counts().get(RecipientState.SENDING)).as("its mark before the final dot is not an UNKNOWN yet").isEqualTo(1L);
        assertThat(vm.counts().get(RecipientState.UNKNOWN)).isZero();
        assertThat(vm.progressProperty().get()).isCloseTo(2 / 3.0, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(vm.items().get(0).state()).as("the receipts of the other process show in the table").isEqualTo(RecipientState.SENT);

        vm.stop();
        assertThat(vm.statusProperty().get()).startsWith("Stopping: asked the process sending it to stop");
        assertThat(runs.renew(run, Duration.ofSeconds(30))).as("the sender reads the stop at its next renewal").isTrue();
        assertThat(starts).isZero();

        stored.campaigns.setStatus(r.id(), CampaignStatus.STOPPED, "stopped by the user");
        stored.campaigns.endRun(run, "STOPPED");
        tickASecond();
        assertThat(vm.watchingProperty().get()).isFalse();
        assertThat(vm.statusProperty().get()).isEqualTo("Stopped: stopped by the user");
        assertThat(vm.canResumeProperty().get()).isTrue();
    }

    @Test
    void onATeamStoreSendJoinsTheOtherMachineInsteadOfWaitingForIt() {
        java.nio.file.Path dir = TempDirs.create("delivery-join");
        stored = new StoredCampaign(org.broadside.testing.StoreBackend.POSTGRES.open(dir), dir, "c-join");
        vm = new DeliveryViewModel(() -> stored.doc, (d, w, u, l) -> {
            starts++;
            return null;
        }, stored.campaigns, new SameThreadRunner());
        CampaignRecord r = stored.freeze(3);
        new SendingRuns(stored.db).start(r.id(), "Test", ELSEWHERE, Duration.ofSeconds(30));
        stored.campaigns.setStatus(r.id(), CampaignStatus.RUNNING, null);

        vm.load();
        assertThat(vm.watchingProperty().get()).isTrue();
        assertThat(vm.statusProperty().get()).startsWith("Being sent by process 77 on host-b.example, since ")
                .endsWith("Send joins them from this computer.");
        assertThat(vm.canSendProperty().get()).as("the two share the recipients").isTrue();

        vm.send();
        assertThat(starts).isEqualTo(1);
        assertThat(vm.watchingProperty().get()).as("the panel now shows its own run").isFalse();
        assertThat(vm.statusProperty().get()).isEqualTo("Sending");
        assertThat(vm.canPauseProperty().get()).isTrue();
        stored.db.close();
    }

    @Test
    void aRunThatStartedAndEndedBetweenTwoReadsShowsItsReceiptsInTheTable() {
        // The app's scheduler or the command line sent the campaign while its window stayed open: a short run is over
        // before the panel's first poll, and the panel learns of it only when it reads the store again.
        CampaignRecord r = stored.freeze(3);
        vm.load();
        assertThat(vm.items()).extracting(RecipientItem::state).containsOnly(RecipientState.PENDING);

        stored.setAll(RecipientState.SENT);
        stored.campaigns.setStatus(r.id(), CampaignStatus.FINISHED, null);
        vm.load();

        assertThat(vm.counts().get(RecipientState.SENT)).isEqualTo(3L);
        assertThat(vm.items()).as("the rows read before the run are read again, not kept")
                .extracting(RecipientItem::state).containsOnly(RecipientState.SENT);
    }

    @Test
    void aTableOfOneStateIsReadAgainWhenItsNumberStaysTheSame() {
        CampaignRecord r = stored.freeze(3);
        stored.set(1, RecipientState.FAILED, null);
        vm.filterProperty().set(RecipientState.FAILED);
        vm.load();
        assertThat(vm.items()).extracting(RecipientItem::email).containsExactly("r1@example.com");

        // A run elsewhere: the first recipient delivered at last, the second failed; still one failed recipient.
        stored.set(1, RecipientState.SENT, null);
        stored.set(2, RecipientState.FAILED, null);
        stored.campaigns.setStatus(r.id(), CampaignStatus.FINISHED, null);
        vm.load();

        assertThat(vm.items()).extracting(RecipientItem::email).containsExactly("r2@example.com");
    }

    /** The mark a sender records for the i-th recipient before its final ".": UNKNOWN, the in-flight reply, its run. */
    private void inFlight(int i, long run) {
        long id = stored.firstId() + i - 1;
        stored.db.inTransaction(c -> {
            try (var p = c.prepareStatement("UPDATE recipients SET state = 'UNKNOWN', code = NULL, reply = ?, run_id = ? WHERE id = ?")) {
                p.setString(1, SendingRuns.IN_FLIGHT_REPLY);
                p.setLong(2, run);
                p.setLong(3, id);
                p.executeUpdate();
            }
            return null;
        });
    }

    @Test
    void aCampaignLeftSendingByAProcessThatDiedSaysSoAndOffersResume() {
        CampaignRecord r = stored.freeze(2);
        stored.campaigns.setStatus(r.id(), CampaignStatus.RUNNING, null);
        // Its run's lease ran out long ago: the machine that sent it was switched off.
        new SendingRuns(stored.db, java.time.Clock.offset(java.time.Clock.systemUTC(), Duration.ofHours(-1)))
                .start(r.id(), "Test", ELSEWHERE, Duration.ofSeconds(30));

        vm.load();

        assertThat(vm.watchingProperty().get()).isFalse();
        assertThat(vm.statusProperty().get()).isEqualTo(DeliveryViewModel.INTERRUPTED);
        assertThat(vm.canResumeProperty().get()).isTrue();
        assertThat(vm.canStopProperty().get()).isFalse();
    }
}
