package org.broadside.ui.common;

import javafx.stage.Stage;

/**
 * The stage TestFX hands each dialog test, under the app's theme (JavaFX's own pads and sizes dialogs otherwise, and
 * hides what the app shows): an empty window of an ordinary size, which the next test gets as it was.
 */
public final class ThemedDialogStage {
    private ThemedDialogStage() {}

    public static void prepare(Stage stage) {
        javafx.application.Application.setUserAgentStylesheet(org.broadside.ui.ThemedScene.lightTheme());
        stage.setScene(new javafx.scene.Scene(new javafx.scene.layout.Pane(), 800, 600));
        stage.setWidth(800);
        stage.setHeight(600);
        stage.show();
    }

    /** Back to JavaFX's own theme, on the FX thread, for the tests that follow. */
    public static void restoreTheme() {
        javafx.application.Application.setUserAgentStylesheet(null);
    }
}
