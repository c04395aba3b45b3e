package org.broadside.ui.common;

import org.broadside.events.AppEvent;
import org.broadside.events.EventSource;
import org.broadside.events.Subscription;

import java.util.function.Consumer;

/**
 * A view model's listening to store changes, switched on while its view shows and off when it hides (the view
 * calls {@link #open} and {@link #close} from {@link Lifecycle#whileShowing}). Opening twice subscribes once.
 */
public final class StoreSubscription {
    private final Consumer<? super AppEvent> listener;
    private EventSource events = EventSource.NONE;
    private Subscription current;

    public StoreSubscription(Consumer<? super AppEvent> listener) {
        this.listener = listener;
    }

    /** Where to listen; takes effect at the next open. */
    public void use(EventSource source) {
        this.events = source;
    }

    public void open() {
        if (current == null) current = events.subscribe(listener);
    }

    public void close() {
        if (current != null) current.close();
        current = null;
    }
}
