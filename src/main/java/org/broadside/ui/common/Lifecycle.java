package org.broadside.ui.common;

import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.stage.Window;

/** Ties a view's subscriptions to it being visible: start when its window shows it, release when it hides. */
public final class Lifecycle {
    private Lifecycle() {}

    public static void whileShowing(Node node, Runnable onShow, Runnable onHide) {
        ObservableValue<Boolean> showing = node.sceneProperty()
                .flatMap(Scene::windowProperty)
                .flatMap(Window::showingProperty)
                .orElse(false);
        ObservableValue<Boolean> visible = showing.flatMap(s -> node.visibleProperty().map(v -> s && v));
        // A listener on a mapped value keeps it alive only while the node is alive; the node holds the listener.
        visible.addListener((obs, was, now) -> {
            if (Boolean.TRUE.equals(now)) onShow.run();
            else onHide.run();
        });
        node.getProperties().put(Lifecycle.class, visible);
        if (Boolean.TRUE.equals(visible.getValue())) onShow.run();
    }
}
