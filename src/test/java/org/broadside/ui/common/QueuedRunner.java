package org.broadside.ui.common;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Runs work on its own thread like the app's runner, but queues the callbacks for the test thread, which plays the
 * FX thread: the test can act while the work runs (press Cancel) and then apply the result where the UI would.
 */
public final class QueuedRunner implements BackgroundRunner {
    private final BlockingQueue<Runnable> callbacks = new LinkedBlockingQueue<>();

    @Override
    public <T> Cancellable run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        Thread t = new Thread(() -> {
            try {
                T result = work.call();
                callbacks.add(() -> onSuccess.accept(result));
            } catch (Exception | Error e) {
                callbacks.add(() -> onFailure.accept(e));
            }
        }, "queued-runner-work");
        t.setDaemon(true);
        t.start();
        return Cancellable.DONE;
    }

    /** Applies the next finished work's callback on this thread; false if none finished within the time. */
    public boolean applyNext(long timeout, TimeUnit unit) throws InterruptedException {
        Runnable next = callbacks.poll(timeout, unit);
        if (next == null) return false;
        next.run();
        return true;
    }

    /** Applies callbacks until none arrives for a short while (e.g. the reload that follows a clean-up). */
    public void applyUntilQuiet() throws InterruptedException {
        while (applyNext(300, TimeUnit.MILLISECONDS)) {
            // keep going
        }
    }
}
