package org.broadside.ui.common;

import javafx.application.Platform;
import org.broadside.events.AppEvent;
import org.broadside.events.EventSource;
import org.broadside.events.Subscription;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * The UI's side of the application bus: events published on any thread (a worker's write, the store watcher) reach
 * the listener on the FX thread. A burst (an import, a clean-up's batches) is coalesced: everything queued until the
 * FX thread gets to it is handed over at once, each distinct event once, in order of arrival.
 */
public final class FxEvents implements EventSource {
    private final EventSource bus;

    public FxEvents(EventSource bus) {
        this.bus = bus;
    }

    @Override
    public Subscription subscribe(Consumer<? super AppEvent> listener) {
        Queue<AppEvent> queued = new ConcurrentLinkedQueue<>();
        AtomicBoolean scheduled = new AtomicBoolean();
        AtomicBoolean closed = new AtomicBoolean();
        Runnable drain = () -> {
            scheduled.set(false);
            List<AppEvent> burst = new ArrayList<>();
            for (AppEvent e; (e = queued.poll()) != null; ) burst.add(e);
            for (AppEvent e : new LinkedHashSet<>(burst)) {
                if (!closed.get()) listener.accept(e);
            }
        };
        Subscription inner = bus.subscribe(e -> {
            queued.add(e);
            if (scheduled.compareAndSet(false, true)) Platform.runLater(drain);
        });
        return () -> {
            closed.set(true);
            inner.close();
        };
    }
}
