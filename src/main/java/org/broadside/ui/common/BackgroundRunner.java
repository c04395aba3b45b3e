package org.broadside.ui.common;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Runs one-off work off the FX thread and hands the result back on it. Tests swap in a same-thread runner so
 * view models can be exercised without a toolkit.
 */
public interface BackgroundRunner {
    /** Runs {@code work} in the background; exactly one of the callbacks runs afterwards, on the UI thread. */
    <T> Cancellable run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure);

    /** Lets the user give up on work that is still running. */
    interface Cancellable {
        void cancel();

        Cancellable DONE = () -> { };
    }
}
