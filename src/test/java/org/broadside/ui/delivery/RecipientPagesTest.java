package org.broadside.ui.delivery;

import javafx.collections.ListChangeListener;
import org.broadside.delivery.CampaignRecord;
import org.broadside.testing.TempDirs;
import org.broadside.ui.common.BackgroundRunner;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

class RecipientPagesTest {
    /** Holds each read until the test lets it answer, in the order it chooses. */
    private static final class HeldReads implements BackgroundRunner {
        final List<Runnable> held = new ArrayList<>();

        @Override
        public <T> Cancellable run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
            held.add(() -> {
                try {
                    onSuccess.accept(work.call());
                } catch (Exception e) {
                    onFailure.accept(e);
                }
            });
            return Cancellable.DONE;
        }
    }

    @Test
    void aPageEvictedWhileItsReadWasOnTheWayStillShowsItsRows() {
        StoredCampaign stored = new StoredCampaign(TempDirs.create("pages"), "pg");
        CampaignRecord record = stored.freeze(20_000);
        HeldReads reads = new HeldReads();
        RecipientPages pages = new RecipientPages(stored.campaigns, reads);
        pages.reset(new RecipientPages.View(record.id(), null, stored.firstId()), 20_000);
        AtomicInteger replacedRows = new AtomicInteger();
        pages.addListener((ListChangeListener<RecipientItem>) c -> {
            while (c.next()) if (c.wasReplaced()) replacedRows.addAndGet(c.getAddedSize());
        });

        assertThat(pages.get(19_995).isLoading()).isTrue();
        // Before its read answers, the table touches more pages than are kept (a fast scroll): the page is evicted.
        for (int p = 0; p < 41; p++) pages.get(p * RecipientPages.PAGE);
        reads.held.get(0).run();

        assertThat(replacedRows.get()).isEqualTo(RecipientPages.PAGE);
        assertThat(pages.get(19_995).isLoading()).isFalse();
        assertThat(pages.get(19_995).email()).isEqualTo("r19996@example.com");
    }

    @Test
    void rowsNameTheMachineThatRecordedThemAndAReceiptOfThisProcessNamesThisOne() {
        StoredCampaign stored = new StoredCampaign(TempDirs.create("pages-sent-by"), "sb");
        CampaignRecord record = stored.freeze(3);
        stored.sentBy(1, org.broadside.delivery.RecipientState.SENT, "office-pc", 4242);
        HeldReads reads = new HeldReads();
        RecipientPages pages = new RecipientPages(stored.campaigns, reads);
        pages.reset(new RecipientPages.View(record.id(), null, stored.firstId()), 3);
        pages.get(0);
        reads.held.get(0).run();

        assertThat(pages.get(0).sentByProperty().get().label()).isEqualTo("office-pc (process 4242)");
        assertThat(pages.get(1).sentByProperty().get()).as("not sent yet").isNull();

        pages.receipt(new org.broadside.delivery.Receipt(pages.get(1).id(), "r2@example.com", org.broadside.delivery.RecipientState.SENT,
                250, "2.0.0", "ok", "Q1", 1, "Work", 1, java.time.Instant.now()));
        assertThat(pages.get(1).sentByProperty().get())
                .isEqualTo(org.broadside.delivery.SentBy.of(org.broadside.store.ProcessIdentity.self()));

        pages.reset(new RecipientPages.View(record.id(), org.broadside.delivery.RecipientState.SENT, stored.firstId()), 1);
        pages.get(0);
        reads.held.get(1).run();
        assertThat(pages.get(0).sentByProperty().get().label()).as("a page of one state, too").isEqualTo("office-pc (process 4242)");
        stored.db.close();
    }
}
