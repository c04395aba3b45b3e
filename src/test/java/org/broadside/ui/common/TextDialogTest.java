package org.broadside.ui.common;

import javafx.geometry.Orientation;
import javafx.scene.control.Alert;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** A table of text (the keyboard shortcuts) shows its lines whole: the longest went past the edge into a sideways scroll. */
@ExtendWith(ApplicationExtension.class)
class TextDialogTest {
    private static final String TABLE = String.join("\n", java.util.Collections.nCopies(12, "Ctrl+1                 View / Message"))
            + "\nCtrl+W                 Close a tool window (connection log, lists, accounts, bounces, templates, …)\n";
    private final AtomicReference<Alert> dialog = new AtomicReference<>();

    @Start
    void start(Stage stage) {
        // The app's theme, which gives text areas another font size than JavaFX's default.
        ThemedDialogStage.prepare(stage);
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(() -> {
            dialog.get().close();
            ThemedDialogStage.restoreTheme();
        });
    }

    @Test
    void aTableShowsItsLongestLineWithoutScrollingSideways(FxRobot robot) {
        robot.interact(() -> dialog.set(TextDialog.show("Keyboard shortcuts", TABLE, true)));
        WaitForAsyncUtils.waitForFxEvents();
        AtomicReference<Boolean> sideways = new AtomicReference<>();
        AtomicReference<Boolean> upDown = new AtomicReference<>();
        robot.interact(() -> {
            TextArea area = (TextArea) dialog.get().getDialogPane().getContent();
            area.applyCss();
            area.layout();
            sideways.set(org.broadside.ui.ThemedScene.showsScrollBar(area, Orientation.HORIZONTAL));
            upDown.set(org.broadside.ui.ThemedScene.showsScrollBar(area, Orientation.VERTICAL));
        });
        assertThat(sideways.get()).as("a sideways scroll bar").isFalse();
        assertThat(upDown.get()).as("thirteen lines fit without scrolling").isFalse();
    }
}
