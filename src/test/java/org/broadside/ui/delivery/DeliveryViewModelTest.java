package org.broadside.ui.delivery;

import org.broadside.campaign.Campaign;
import org.broadside.campaign.CampaignDocument;
import org.broadside.delivery.CampaignRepository;
import org.broadside.delivery.CampaignStatus;
import org.broadside.delivery.ConnectionId;
import org.broadside.delivery.DeliveryListener;
import org.broadside.delivery.Progress;
import org.broadside.delivery.Receipt;
import org.broadside.delivery.RecipientState;
import org.broadside.store.Database;
import org.broadside.ui.common.SameThreadRunner;
import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

class DeliveryViewModelTest {
    @TempDir Path dir;
    private final AtomicReference<DeliveryListener> listener = new AtomicReference<>();
    private DeliveryViewModel vm;

    @BeforeEach
    void setUp() {
        CampaignDocument doc = new CampaignDocument(Campaign.blank("c-1", "Test"), dir.resolve("c.json"));
        CampaignRunner fake = (d, wait, unknown, l) -> {
            listener.set(l);
            return null;
        };
        vm = new DeliveryViewModel(() -> doc, fake, new CampaignRepository(Database.open(dir)), new SameThreadRunner());
    }

    private static Receipt receipt(long id, String email, RecipientState s, int code, String reply) {
        return new Receipt(id, email, s, code, null, reply, code == 250 ? "Q" + id : null, 1, "Sandbox", 1, Instant.now());
    }

    @Test
    void eventsWaitInTheQueueUntilTheNextTick() {
        vm.send();
        listener.get().receipt(receipt(1, "a@example.com", RecipientState.SENT, 250, "2.0.0 Ok: queued as Q1"));
        assertThat(vm.items()).isEmpty();
        vm.tick();
        assertThat(vm.items()).singleElement().satisfies(i -> {
            assertThat(i.state()).isEqualTo(RecipientState.SENT);
            assertThat(i.codeProperty().get()).isEqualTo(250);
            assertThat(i.queueIdProperty().get()).isEqualTo("Q1");
        });
    }

    @Test
    void aThousandReceiptsInOneTickAreOneListChange() {
        vm.send();
        for (int i = 1; i <= 1000; i++) listener.get().receipt(receipt(i, "r" + i + "@example.com", RecipientState.SENT, 250, "Ok"));
        AtomicInteger changes = new AtomicInteger();
        vm.items().addListener((ListChangeListener<RecipientItem>) c -> changes.incrementAndGet());
        vm.tick();
        assertThat(changes.get()).isEqualTo(1);
        assertThat(vm.items()).hasSize(1000);
    }

    @Test
    void aLaterReceiptUpdatesTheSameRowInPlace() {
        vm.send();
        listener.get().sending(7, "x@example.com", new ConnectionId(1, "Sandbox"));
        vm.tick();
        assertThat(vm.items().get(0).state()).isEqualTo(RecipientState.SENDING);
        listener.get().receipt(receipt(7, "x@example.com", RecipientState.DEFERRED, 451, "Try later"));
        vm.tick();
        assertThat(vm.items()).hasSize(1);
        assertThat(vm.items().get(0).state()).isEqualTo(RecipientState.DEFERRED);
    }

    @Test
    void filterShowsOnlyTheChosenState() {
        vm.send();
        listener.get().receipt(receipt(1, "a@example.com", RecipientState.SENT, 250, "Ok"));
        listener.get().receipt(receipt(2, "b@example.com", RecipientState.FAILED, 550, "5.1.1 No such user"));
        vm.tick();
        vm.filterProperty().set(RecipientState.FAILED);
        assertThat(vm.visibleItems()).extracting(RecipientItem::email).containsExactly("b@example.com");
        vm.filterProperty().set(null);
        assertThat(vm.visibleItems()).hasSize(2);
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
        listener.get().runEnded(new Progress(Map.of(RecipientState.SENT, 1L), 1, 1), CampaignStatus.FINISHED, null);
        vm.tick();
        assertThat(vm.runningProperty().get()).isFalse();
        assertThat(vm.pausedProperty().get()).isFalse();
    }

    @Test
    void aRunThatCannotStartSaysWhyInASentence() {
        CampaignDocument doc = new CampaignDocument(Campaign.blank("c-2", "Test"), dir.resolve("d.json"));
        DeliveryViewModel failing = new DeliveryViewModel(() -> doc, (d, w, u, l) -> {
            throw new IllegalStateException("The campaign names no list.");
        }, new CampaignRepository(Database.open(dir)), new SameThreadRunner());
        failing.send();
        assertThat(failing.runningProperty().get()).isFalse();
        assertThat(failing.statusProperty().get()).isEqualTo("The campaign names no list.");
    }

    @Test
    void csvEscapesCommasQuotesAndLineBreaks() {
        assertThat(ReportExport.csv("a,b")).isEqualTo("\"a,b\"");
        assertThat(ReportExport.csv("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(ReportExport.csv("plain")).isEqualTo("plain");
        assertThat(List.of(ReportExport.csv(null))).containsExactly("");
    }

    @org.junit.jupiter.api.Test
    void bounceCountsAreDescribedOnlyOnceThereAreAny() {
        org.assertj.core.api.Assertions.assertThat(DeliveryViewModel.describe(new org.broadside.bounces.BounceCounts(0, 0, 0, 0))).isEmpty();
        org.assertj.core.api.Assertions.assertThat(DeliveryViewModel.describe(new org.broadside.bounces.BounceCounts(3, 1, 2, 12)))
                .isEqualTo("After sending: 3 hard bounces, 1 soft bounces, 2 complaints, 12 unsubscribes");
    }

    @Test
    void sendRefusedByThePreSendCheckOffersToSendAnyway() {
        CampaignDocument doc = new CampaignDocument(Campaign.blank("c-2", "Test"), dir.resolve("c2.json"));
        java.util.List<String> calls = new java.util.ArrayList<>();
        CampaignRunner strict = new CampaignRunner() {
            @Override
            public org.broadside.delivery.RunHandle start(CampaignDocument d, boolean w, boolean u, DeliveryListener l) throws Exception {
                calls.add("checked");
                throw new org.broadside.compose.ComposeException("The pre-send check found 1 error: no unsubscribe method");
            }

            @Override
            public org.broadside.delivery.RunHandle startOverridingChecks(CampaignDocument d, boolean w, boolean u, DeliveryListener l) {
                calls.add("overridden");
                return null;
            }
        };
        DeliveryViewModel strictVm = new DeliveryViewModel(() -> doc, strict, new CampaignRepository(Database.open(dir)), new SameThreadRunner());
        strictVm.send();
        assertThat(strictVm.blockedByChecksProperty().get()).isTrue();
        assertThat(strictVm.statusProperty().get()).contains("no unsubscribe method");
        strictVm.sendAnyway();
        assertThat(calls).containsExactly("checked", "overridden");
        assertThat(strictVm.blockedByChecksProperty().get()).isFalse();
    }
}
