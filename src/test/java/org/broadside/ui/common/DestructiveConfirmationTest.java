package org.broadside.ui.common;

import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
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

/**
 * The question before a deletion: OK was its default button, so Enter after the Delete key deleted the contacts (or a
 * whole list) at once. The action is named on its button and Enter keeps everything.
 */
@ExtendWith(ApplicationExtension.class)
class DestructiveConfirmationTest {
    @Start
    void start(Stage stage) {
        ThemedDialogStage.prepare(stage);
    }

    @AfterEach
    void theme(FxRobot robot) {
        robot.interact(ThemedDialogStage::restoreTheme);
    }

    @Test
    void enterKeepsEverythingAndTheActionIsNamed(FxRobot robot) {
        AtomicReference<Alert> shown = new AtomicReference<>();
        robot.interact(() -> {
            Alert a = DestructiveConfirmation.dialog("Delete this list?", "Delete the list \"VIP\" and its 3 contacts?", "Delete list");
            shown.set(a);
            a.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
        Button action = (Button) shown.get().getDialogPane().lookupButton(shown.get().getButtonTypes().stream()
                .filter(t -> t.getButtonData() == ButtonBar.ButtonData.OK_DONE).findFirst().orElseThrow());
        Button cancel = (Button) shown.get().getDialogPane().lookupButton(javafx.scene.control.ButtonType.CANCEL);
        boolean cancelFocused = cancel.isFocused();
        robot.interact(() -> shown.get().close());
        assertThat(action.getText()).isEqualTo("Delete list");
        assertThat(action.isDefaultButton()).as("Enter would delete").isFalse();
        assertThat(cancel.isDefaultButton()).as("Enter keeps everything").isTrue();
        assertThat(cancelFocused).as("and so does Space").isTrue();
    }
}
