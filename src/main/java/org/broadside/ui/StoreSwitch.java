package org.broadside.ui;

import org.broadside.store.Database;

/** Moves the running app onto another store (File &gt; Open team store, Use this computer's store). */
@FunctionalInterface
public interface StoreSwitch {
    /**
     * Closes every window (asking about unsaved changes) and reopens the app on {@code next}. Answers false, leaving
     * everything as it was, when the user keeps a window open or a campaign is sending; the caller then closes
     * {@code next}.
     */
    boolean moveTo(Database next);

    /** For an app that cannot move (tests that build windows without the application). */
    StoreSwitch NONE = next -> false;
}
