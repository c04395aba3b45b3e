package org.broadside.ui.delivery;

import javafx.collections.ListChangeListener;
import org.broadside.delivery.CampaignRecord;
import org.broadside.testing.TempDirs;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class RecipientPagesTest {
    @Test
    void aPageEvictedWhileItsReadWasOnTheWayStillShowsItsRows() {
        StoredCampaign stored = new StoredCampaign(TempDirs.create("pages"), "pg");
        CampaignRecord record = stored.freeze(20_000);
        org.broadside.ui.common.HeldRunner reads = new org.broadside.ui.common.HeldRunner();
        RecipientPages pages = new RecipientPages(stored.campaigns, reads);
        pages.reset(new RecipientPages.View(record.id(), null, stored.firstId()), 20_000);
        AtomicInteger replacedRows = new AtomicInteger();
        pages.addListener((ListChangeListener<RecipientItem>) c -> {
            while (c.next()) if (c.wasReplaced()) replacedRows.addAndGet(c.getAddedSize());
        });

        assertThat(pages.get(19_995).isLoading()).isTrue();
        // Before its read answers, the table touches more pages than are kept (a fast scroll): the page is evicted.
        for (int p = 0; p < 41; p++) pages.get(p * RecipientPages.PAGE);
        reads.finish(0);

        assertThat(replacedRows.get()).isEqualTo(RecipientPages.PAGE);
        assertThat(pages.get(19_995).isLoading()).isFalse();
        assertThat(pages.get(19_995).email()).isEqualTo("r19996@example.com");
    }

    @Test
    void rowsNameTheMachineThatRecordedThemAndAReceiptOfThisProcessNamesThisOne() {
        StoredCampaign stored = new StoredCampaign(TempDirs.create("pages-sent-by"), "sb");
        CampaignRecord record = stored.freeze(3);
        stored.sentBy(1, org.broadside.delivery.RecipientState.SENT, "office-pc", 4242);
        org.broadside.ui.common.HeldRunner reads = new org.broadside.ui.common.HeldRunner();
        RecipientPages pages = new RecipientPages(stored.campaigns, reads);
        pages.reset(new RecipientPages.View(record.id(), null, stored.firstId()), 3);
        pages.get(0);
        reads.finish(0);

        assertThat(pages.get(0).sentByProperty().get().label()).isEqualTo("office-pc (process 4242)");
        assertThat(pages.get(1).sentByProperty().get()).as("not sent yet").isNull();

        pages.receipt(new org.broadside.delivery.Receipt(pages.get(1).id(), "r2@example.com", org.broadside.delivery.RecipientState.SENT,
                250, "2.0.0", "ok", "Q1", 1, "Work", 1, java.time.Instant.now()));
        assertThat(pages.get(1).sentByProperty().get())
                .isEqualTo(org.broadside.delivery.SentBy.of(org.broadside.store.ProcessIdentity.self()));

        pages.reset(new RecipientPages.View(record.id(), org.broadside.delivery.RecipientState.SENT, stored.firstId()), 1);
        pages.get(0);
        reads.finish(1);
        assertThat(pages.get(0).sentByProperty().get().label()).as("a page of one state, too").isEqualTo("office-pc (process 4242)");
        stored.db.close();
    }
}
