package org.broadside.ui.common;

import javafx.animation.PauseTransition;
import javafx.util.Duration;

/** A debounce on the FX thread: each request restarts the pause; the last request's action runs when it ends. */
public final class FxDebounce implements Debounce {
    private final PauseTransition pause;

    public FxDebounce(long millis) {
        this.pause = new PauseTransition(Duration.millis(millis));
    }

    @Override
    public void request(Runnable action) {
        pause.setOnFinished(e -> action.run());
        pause.playFromStart();
    }
}
