package org.broadside.ui.common;

/**
 * Runs an action once a burst of requests has settled (typing), rather than once per request. Tests use
 * {@link #NOW}, which runs at once, so a view model behaves the same without a toolkit.
 */
@FunctionalInterface
public interface Debounce {
    /** Runs {@code action} after the quiet time; a newer request replaces one still waiting. */
    void request(Runnable action);

    Debounce NOW = Runnable::run;
}
