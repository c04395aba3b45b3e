package org.broadside.ui.common;

import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.util.Duration;

/** A Timeline-driven ticker: every tick runs on the FX thread. */
public final class FxTicker implements Ticker {
    private final Duration period;
    private Timeline timeline;

    public FxTicker(long millis) {
        this.period = Duration.millis(millis);
    }

    @Override
    public void start(Runnable onTick) {
        stop();
        timeline = new Timeline(new KeyFrame(period, e -> onTick.run()));
        timeline.setCycleCount(Timeline.INDEFINITE);
        timeline.play();
    }

    @Override
    public void stop() {
        if (timeline != null) timeline.stop();
        timeline = null;
    }
}
