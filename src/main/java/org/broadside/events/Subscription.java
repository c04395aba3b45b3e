package org.broadside.events;

/** Ends a subscription; closing twice is harmless. */
@FunctionalInterface
public interface Subscription extends AutoCloseable {
    @Override
    void close();

    Subscription NONE = () -> { };
}
