package org.broadside.ui.schedule;

import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.broadside.schedule.Schedule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** The question about a start missed while the app was closed: its three answers read whole ("Cancel the sc…" did not). */
@ExtendWith(ApplicationExtension.class)
class MissedStartTest {
    @Start
    void start(Stage stage) {
        org.broadside.ui.common.ThemedDialogStage.prepare(stage);
    }

    @org.junit.jupiter.api.AfterEach
    void theme(FxRobot robot) {
        robot.interact(org.broadside.ui.common.ThemedDialogStage::restoreTheme);
    }

    @Test
    void everyAnswerShowsItsWholeLabel(FxRobot robot) {
        Schedule missed = Schedule.of("c1", "Welcome (sample)", Path.of("Welcome.json"), Instant.parse("2026-12-08T00:45:00Z"),
                ZoneId.of("Etc/UTC"), null);
        AtomicReference<Alert> shown = new AtomicReference<>();
        robot.interact(() -> {
            Alert a = MissedStart.dialog(missed);
            // As narrow as the window came out on a desktop with the app's fonts: the buttons must not give way.
            a.getDialogPane().setPrefWidth(440);
            shown.set(a);
            a.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
        List<String> labels = new ArrayList<>();
        robot.interact(() -> {
            for (var t : shown.get().getButtonTypes()) {
                Button b = (Button) shown.get().getDialogPane().lookupButton(t);
                labels.add(((Text) b.lookup(".text")).getText());
            }
            shown.get().close();
        });
        assertThat(labels).containsExactlyInAnyOrder("Send now", "Later", "Cancel the schedule");
    }
}
