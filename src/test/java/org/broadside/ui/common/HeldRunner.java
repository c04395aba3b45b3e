package org.broadside.ui.common;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Holds each piece of work until the test lets it run and answer, in the order the test chooses: reads that end out of
 * order, as they may on the app's background threads.
 */
public final class HeldRunner implements BackgroundRunner {
    public final List<Runnable> held = new ArrayList<>();

    @Override
    public <T> Cancellable run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        held.add(() -> {
            try {
                onSuccess.accept(work.call());
            } catch (Exception e) {
                onFailure.accept(e);
            }
        });
        return Cancellable.DONE;
    }

    /** Runs the i-th piece of work held (0 = the first asked for) and gives its answer. */
    public void finish(int i) { held.get(i).run(); }
}
