package org.broadside.ui.delivery;

import org.broadside.delivery.RecipientState;
import org.broadside.testing.TempDirs;
import org.broadside.ui.common.BackgroundRunner;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Delivery table's size is read in the background, and two reads may end out of order (a pool of threads): a read
 * begun before the user chose "Failed" must not put every recipient back into the table once the failed ones show.
 */
class DeliveryTableReadsInOrderTest {

    /** Runs the work at once but holds each result until the test hands it back, in the order the test chooses. */
    private static final class HeldResults implements BackgroundRunner {
        final List<Runnable> held = new ArrayList<>();

        @Override
        public <T> Cancellable run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
            try {
                T result = work.call();
                held.add(() -> onSuccess.accept(result));
            } catch (Exception e) {
                held.add(() -> onFailure.accept(e));
            }
            return Cancellable.DONE;
        }

        void deliver(int i) { held.get(i).run(); }
    }

    @Test
    void anOlderReadEndingLastDoesNotReplaceTheTableOfTheChosenState() {
        StoredCampaign stored = new StoredCampaign(TempDirs.create("delivery-reads"), "c-reads");
        stored.freeze(10);
        stored.setAll(RecipientState.SENT);
        stored.set(3, RecipientState.FAILED, null);
        HeldResults background = new HeldResults();
        DeliveryViewModel vm = new DeliveryViewModel(() -> stored.doc, (d, w, u, l) -> null, stored.campaigns, background);

        vm.load();                                  // read 0: every state (10 recipients)
        vm.filterProperty().set(RecipientState.FAILED); // read 1: the failed one
        background.deliver(1);
        assertThat(vm.items()).hasSize(1);
        background.deliver(0);                      // the older read ends last

        assertThat(vm.items()).as("still the one failed recipient the filter says, not all ten").hasSize(1);
    }
}
