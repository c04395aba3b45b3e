package org.broadside.ui.delivery;

import org.broadside.bounces.BounceCounts;
import org.broadside.campaign.Campaign;
import org.broadside.campaign.CampaignDocument;
import org.broadside.campaign.Tracking;
import org.broadside.server.ServerFixture;
import org.broadside.server.ServerOptions;
import org.broadside.testing.TempDirs;
import org.broadside.ui.common.SameThreadRunner;
import org.broadside.unsubscribe.RecipientToken;
import org.broadside.unsubscribe.TrackingRepository;
import org.broadside.unsubscribe.UnsubscribePull;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An open Delivery panel shows what a pull brought without being reopened: opens and clicks (which used to wait
 * until the panel was read again) and unsubscribes.
 */
class DeliveryFollowsPullsTest {
    @Test
    void opensClicksAndUnsubscribesFromAPullShowInTheOpenPanel() throws Exception {
        StoredCampaign stored = new StoredCampaign(TempDirs.create("delivery-pulls"), ServerFixture.CAMPAIGN);
        stored.freeze(2);
        Campaign c = stored.doc.campaign();
        CampaignDocument tracked = new CampaignDocument(new Campaign(c.id(), c.name(), c.account(), c.list(), c.filter(), c.from(), c.replyTo(),
                c.subject(), c.text(), c.textFile(), c.html(), c.htmlFile(), c.attachments(), c.headers(), c.unsubscribe(), c.delivery(),
                new Tracking(true, true)), stored.doc.file());
        DeliveryViewModel vm = new DeliveryViewModel(() -> tracked, (d, w, u, l) -> null, stored.campaigns, new SameThreadRunner());
        vm.followBounces(stored.db.events(), (uid, kind) -> { });
        vm.load();
        vm.activateBounces();
        assertThat(vm.trackingProperty().get()).isEqualTo(new TrackingRepository.Totals(0, 0, 0, 0));

        try (ServerFixture server = new ServerFixture(ServerOptions.loopback(), false)) {
            RecipientToken r1 = new RecipientToken(ServerFixture.CAMPAIGN, "r1@example.com", null);
            server.server.events().track(r1, null, null).get();
            server.server.events().track(r1, 0, "https://acme.example/offer").get();
            UnsubscribePull pull = new UnsubscribePull(stored.db, null);
            pull.pull(server.server.localUrl().toString(), server.secret);

            assertThat(vm.trackingProperty().get()).isEqualTo(new TrackingRepository.Totals(1, 1, 1, 1));
            assertThat(vm.linkClicks()).extracting(TrackingRepository.LinkClicks::url).containsExactly("https://acme.example/offer");

            server.server.events().unsubscribe(new RecipientToken(ServerFixture.CAMPAIGN, "r2@example.com", null), "one-click").get();
            pull.pull(server.server.localUrl().toString(), server.secret);
            assertThat(vm.bounceCountsProperty().get()).isEqualTo(new BounceCounts(0, 0, 0, 1));
        }
    }
}
