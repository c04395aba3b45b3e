package org.broadside.ui.common;

/**
 * Calls a view model back at a fixed pace on the UI thread while a view is showing. Views start it on show and
 * stop it on hide, so a closed panel costs nothing.
 */
public interface Ticker {
    void start(Runnable onTick);

    void stop();
}
