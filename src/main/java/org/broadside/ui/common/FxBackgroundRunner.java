package org.broadside.ui.common;

import javafx.application.Platform;
import org.broadside.diagnostics.FailureText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/** The app's runner: a small daemon pool; results return through Platform.runLater unless cancelled. */
public final class FxBackgroundRunner implements BackgroundRunner {
    private static final Logger LOG = LoggerFactory.getLogger(FxBackgroundRunner.class);
    private final ExecutorService pool = Executors.newFixedThreadPool(3, new Namer());

    @Override
    public <T> Cancellable run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        AtomicBoolean cancelled = new AtomicBoolean();
        Future<?> f = pool.submit(() -> {
            try {
                T result = work.call();
                if (!cancelled.get()) Platform.runLater(() -> onSuccess.accept(result));
            } catch (Exception | Error e) {
                // The failure callback shows a sentence; the stack trace of an unexpected one goes to the log here.
                if (FailureText.isInternal(e)) LOG.error("Background work failed", e);
                if (!cancelled.get()) Platform.runLater(() -> onFailure.accept(e));
            }
        });
        return () -> {
            cancelled.set(true);
            f.cancel(true);
        };
    }

    public void shutdown() {
        pool.shutdownNow();
    }

    private static final class Namer implements java.util.concurrent.ThreadFactory {
        private final AtomicInteger n = new AtomicInteger();

        @Override
        public Thread newThread(Runnable r) {
            Thread t = new Thread(r, "broadside-ui-worker-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        }
    }
}
