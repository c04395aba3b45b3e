package org.broadside.ui.common;

import javafx.scene.Scene;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(ApplicationExtension.class)
class CloseShortcutTest {

    private Stage open(FxRobot robot) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
            Stage s = new Stage();
            TextField field = new TextField();
            field.setId("closeShortcutField");
            s.setScene(new Scene(field, 300, 100));
            CloseShortcut.install(s);
            s.show();
            s.toFront();
            field.requestFocus();
            return s;
        }).get();
    }

    @Test
    void shortcutWClosesTheWindowEvenWithTheFocusInAField(FxRobot robot) throws Exception {
        Stage s = open(robot);
        robot.clickOn("#closeShortcutField").press(KeyCode.CONTROL, KeyCode.W).release(KeyCode.W, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(s.isShowing()).isFalse();
    }

    @Test
    void aWindowThatRefusesItsCloseRequestStaysOpen(FxRobot robot) throws Exception {
        Stage s = open(robot);
        robot.interact(() -> s.setOnCloseRequest(e -> e.consume()));
        robot.interact(() -> CloseShortcut.close(s));
        assertThat(s.isShowing()).isTrue();
        robot.interact(s::close);
    }
}
