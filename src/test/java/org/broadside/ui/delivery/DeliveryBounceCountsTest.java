package org.broadside.ui.delivery;

import org.broadside.bounces.BounceCounts;
import org.broadside.bounces.BounceKind;
import org.broadside.bounces.BounceProcessor;
import org.broadside.bounces.BounceRepository;
import org.broadside.bounces.Classification;
import org.broadside.testing.TempDirs;
import org.broadside.ui.common.SameThreadRunner;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The Delivery panel's bounce counts: read with the campaign, kept up to date by scans and Undo, each a link to the bounces window. */
class DeliveryBounceCountsTest {
    StoredCampaign stored;
    DeliveryViewModel vm;
    final List<String> opened = new ArrayList<>();

    @BeforeEach
    void setUp() {
        stored = new StoredCampaign(TempDirs.create("delivery-bounces"), "c-1");
        stored.freeze(3);
        vm = new DeliveryViewModel(() -> stored.doc, (d, w, u, l) -> null, stored.campaigns, new SameThreadRunner());
        vm.followBounces(stored.db.events(), (uid, kind) -> opened.add(uid + " " + kind));
    }

    List<Long> record(BounceKind kind, String address, String key) {
        Classification c = new Classification(kind, address, "5.1.1", "no such user", List.of(), List.of(), key, Instant.now(), "bounce");
        return new BounceProcessor(stored.db).apply("Bounces", List.of(c), false).stream().map(l -> l.eventId()).toList();
    }

    @Test
    void aSentCampaignWithoutBouncesShowsZeros() {
        vm.load();
        assertThat(vm.bounceCountsProperty().get()).isEqualTo(new BounceCounts(0, 0, 0, 0));
    }

    @Test
    void aCampaignNeverSentShowsNoCounts() {
        StoredCampaign fresh = new StoredCampaign(TempDirs.create("delivery-bounces"), "c-2");
        DeliveryViewModel unsent = new DeliveryViewModel(() -> fresh.doc, (d, w, u, l) -> null, fresh.campaigns, new SameThreadRunner());
        unsent.load();
        assertThat(unsent.bounceCountsProperty().get()).isNull();
    }

    @Test
    void countsFollowScansAndUndoWhileThePanelShows() {
        vm.load();
        vm.activateBounces();
        long hard = record(BounceKind.HARD_BOUNCE, "r1@example.com", "<k1@x>").get(0);
        record(BounceKind.UNSUBSCRIBE, "r2@example.com", "<k2@x>");
        assertThat(vm.bounceCountsProperty().get()).isEqualTo(new BounceCounts(1, 0, 0, 1));
        new BounceRepository(stored.db).undo(hard);
        assertThat(vm.bounceCountsProperty().get()).isEqualTo(new BounceCounts(0, 0, 0, 1));
    }

    @Test
    void anUnsubscribeThroughTheServerCountsAndUndoTakesItBack() {
        vm.load();
        vm.activateBounces();
        org.broadside.bounces.WebUnsubscribes.apply(stored.db, List.of(new org.broadside.bounces.WebUnsubscribe("e-1", false, null, "one-click",
                "c-1", "r2@example.com", Instant.now())));
        assertThat(vm.bounceCountsProperty().get()).isEqualTo(new BounceCounts(0, 0, 0, 1));
        org.broadside.bounces.WebUnsubscribes.apply(stored.db, List.of(new org.broadside.bounces.WebUnsubscribe("e-2", true, "e-1", "unsubscribe page",
                "c-1", "r2@example.com", Instant.now())));
        assertThat(vm.bounceCountsProperty().get()).isEqualTo(new BounceCounts(0, 0, 0, 0));
    }

    @Test
    void aHiddenPanelStopsFollowing() {
        vm.load();
        vm.activateBounces();
        vm.deactivateBounces();
        record(BounceKind.HARD_BOUNCE, "r1@example.com", "<k1@x>");
        assertThat(vm.bounceCountsProperty().get()).isEqualTo(new BounceCounts(0, 0, 0, 0));
    }

    @Test
    void aCountOpensTheBouncesWindowAtThisCampaignAndKind() {
        vm.openBounces(BounceKind.COMPLAINT);
        assertThat(opened).containsExactly("c-1 COMPLAINT");
    }
}
