package org.broadside.ui.common;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/** Runs work immediately on the calling thread: for tests and for work that is known to be instant. */
public final class SameThreadRunner implements BackgroundRunner {
    @Override
    public <T> Cancellable run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        T result;
        try {
            result = work.call();
        } catch (Exception | Error e) {
            onFailure.accept(e);
            return Cancellable.DONE;
        }
        onSuccess.accept(result);
        return Cancellable.DONE;
    }
}
