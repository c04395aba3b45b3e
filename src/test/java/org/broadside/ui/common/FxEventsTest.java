package org.broadside.ui.common;

import javafx.application.Platform;
import javafx.stage.Stage;
import org.broadside.events.AppEvent;
import org.broadside.events.AppEvents;
import org.broadside.events.Subscription;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The UI's adapter of the bus: events from any thread arrive on the FX thread, a burst once per distinct event. */
@ExtendWith(ApplicationExtension.class)
class FxEventsTest {
    private final AppEvents bus = new AppEvents();
    private final List<AppEvent> heard = new CopyOnWriteArrayList<>();
    private final List<Boolean> onFxThread = new CopyOnWriteArrayList<>();

    @Start
    void start(Stage stage) {
        // The toolkit is all these tests need.
    }

    @Test
    void anEventPublishedOnAWorkerArrivesOnTheFxThread() throws Exception {
        new FxEvents(bus).subscribe(this::hear);
        Thread worker = new Thread(() -> bus.publish(new AppEvent.ListsChanged("Club")));
        worker.start();
        worker.join();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(heard).containsExactly(new AppEvent.ListsChanged("Club"));
        assertThat(onFxThread).containsExactly(true);
    }

    @Test
    void aBurstArrivesOnceForEachDistinctEventInOrder() throws Exception {
        new FxEvents(bus).subscribe(this::hear);
        CountDownLatch fxBusy = new CountDownLatch(1);
        // Hold the FX thread so the whole burst queues up, as it does while the UI is busy with a layout.
        Platform.runLater(() -> {
            try {
                fxBusy.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        for (int i = 0; i < 50; i++) bus.publish(new AppEvent.ListsChanged("Club"));
        bus.publish(new AppEvent.AccountsChanged());
        bus.publish(new AppEvent.ListsChanged("Club"));
        fxBusy.countDown();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(heard).containsExactly(new AppEvent.ListsChanged("Club"), new AppEvent.AccountsChanged());
    }

    @Test
    void nothingArrivesAfterTheSubscriptionIsClosedEvenIfAlreadyQueued() throws Exception {
        Subscription s = new FxEvents(bus).subscribe(this::hear);
        CountDownLatch published = new CountDownLatch(1);
        Platform.runLater(() -> {
            try {
                published.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            s.close(); // the view hid after the event was queued but before it was delivered
        });
        bus.publish(new AppEvent.BlacklistChanged());
        published.countDown();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(heard).isEmpty();
        assertThat(bus.listenerCount()).isZero();
    }

    private void hear(AppEvent e) {
        heard.add(e);
        onFxThread.add(Platform.isFxApplicationThread());
    }
}
