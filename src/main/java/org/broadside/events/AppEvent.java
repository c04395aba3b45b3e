package org.broadside.events;

/**
 * Something in the store changed that open views may show. Published on {@link AppEvents} after the change is
 * committed, by this process's repositories or, for another process's writes, by the store's watcher. An event
 * whose name or uid is null means "some of them; which one is not known" (a change seen from another process).
 */
public sealed interface AppEvent {
    /** A list was created, renamed, deleted, or its fields or contacts changed. */
    record ListsChanged(String listName) implements AppEvent {
        /** Some list changed; which one is not known. */
        public static final ListsChanged ANY = new ListsChanged(null);

        /** Whether a view showing {@code shown} must refresh. */
        public boolean concerns(String shown) {
            return listName == null || shown == null || listName.equalsIgnoreCase(shown);
        }
    }

    /** A sending account was added, changed or removed. */
    record AccountsChanged() implements AppEvent {}

    /** A campaign was recorded or changed state (frozen, running, paused, done); uid null when not known. */
    record CampaignStateChanged(String uid) implements AppEvent {}

    /** Entries were added to or removed from the blacklist. */
    record BlacklistChanged() implements AppEvent {}

    /**
     * Bounce mailboxes, bounce rules or bounce events changed (a scan recorded events, one was undone). It shares the
     * blacklist's change counter in the store (a bounce mostly changes the blacklist too), so another process's bounce
     * changes reach this one as {@link BlacklistChanged}: views of bounces listen to both.
     */
    record BouncesChanged() implements AppEvent {}

    /**
     * Opens or clicks of a tracked campaign were recorded (a pull brought them). Like bounces it shares the
     * blacklist's change counter, so another process's pull reaches this one as {@link BlacklistChanged}.
     */
    record TrackingChanged() implements AppEvent {}
}
