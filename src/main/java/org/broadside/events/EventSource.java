package org.broadside.events;

import java.util.function.Consumer;

/**
 * Where a view model listens for store changes. {@link AppEvents} delivers on the publishing thread; the desktop
 * app hands view models an adapter that delivers on the FX thread instead, so the same view model runs in tests
 * without a toolkit.
 */
@FunctionalInterface
public interface EventSource {
    Subscription subscribe(Consumer<? super AppEvent> listener);

    /** For view models built without a store to listen to. */
    EventSource NONE = listener -> Subscription.NONE;
}
