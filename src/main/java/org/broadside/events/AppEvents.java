package org.broadside.events;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The application's event bus: typed "this changed" notices from the store to whoever shows that data. One per
 * database ({@code Database.events()}). Listeners run on the publishing thread (a repository's caller, the store
 * watcher), so they must return quickly, never block and never touch JavaFX; the UI subscribes through an adapter
 * that moves events onto the FX thread. A listener that throws is logged and skipped, never stops the others or
 * the write that published.
 */
public final class AppEvents implements EventSource {
    private static final Logger LOG = LoggerFactory.getLogger(AppEvents.class);
    private final List<Consumer<? super AppEvent>> listeners = new CopyOnWriteArrayList<>();

    @Override
    public Subscription subscribe(Consumer<? super AppEvent> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /** Tells every listener; call only after the change is committed, so a listener that reads sees it. */
    public void publish(AppEvent event) {
        for (Consumer<? super AppEvent> l : listeners) {
            try {
                l.accept(event);
            } catch (RuntimeException e) {
                LOG.warn("A listener failed on " + event, e);
            }
        }
    }

    /** How many listeners are subscribed (lets tests prove a closed view let go). */
    public int listenerCount() { return listeners.size(); }
}
