package org.broadside.ui.schedule;

import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.broadside.schedule.ScheduleRepository;
import org.broadside.schedule.ScheduleState;
import org.broadside.store.Database;
import org.broadside.testing.TempDirs;
import org.broadside.ui.common.SameThreadRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/** The Schedule window with a fixed clock: what the fields mean is said as they change; Save and Remove reach the store. */
@ExtendWith(ApplicationExtension.class)
class ScheduleDialogViewTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-05T10:00:00Z"), ZoneId.of("Europe/Paris"));
    private ScheduleRepository repo;
    private final AtomicBoolean dirty = new AtomicBoolean();

    @Start
    void start(Stage stage) {
        Path dir = TempDirs.create("schedule-dialog");
        repo = new ScheduleRepository(Database.open(dir));
        ScheduleDialogViewModel vm = new ScheduleDialogViewModel("spring", "Spring news", () -> dir.resolve("spring.json"), dirty::get,
                repo, new SameThreadRunner(), CLOCK, () -> null);
        Scene scene = new Scene(new ScheduleDialogView(vm, stage::close), 640, 560);
        scene.getStylesheets().add(org.broadside.ui.shell.Theme.appStylesheet());
        stage.setScene(scene);
        // The dialog's own size: TestFX hands every test the same stage, and one may have left it tiny.
        stage.setWidth(640);
        stage.setHeight(560);
        stage.show();
    }

    @Test
    void aCampaignThatWouldSendNothingSaysSoAndOtherwiseTheWarningTakesNoRoom(FxRobot robot) {
        Label warning = robot.lookup("#scheduleNothingDue").queryAs(Label.class);
        assertThat(warning.isVisible()).isFalse();
        assertThat(warning.isManaged()).isFalse();
        ScheduleDialogViewModel vm = new ScheduleDialogViewModel("done", "Done news", () -> Path.of("done.json"), () -> false,
                repo, new SameThreadRunner(), CLOCK, () -> "At that time it would send nothing: all 3 recipients of this campaign are done.");
        robot.interact(() -> {
            ScheduleDialogView view = new ScheduleDialogView(vm, () -> { });
            warning.getScene().setRoot(view);
        });
        Label shown = robot.lookup("#scheduleNothingDue").queryAs(Label.class);
        assertThat(shown.isVisible()).isTrue();
        assertThat(shown.getText()).startsWith("At that time it would send nothing");
    }

    @Test
    void theMeaningFollowsTheFieldsAndSaveThenRemoveReachTheStore(FxRobot robot) {
        Label meaning = robot.lookup("#scheduleMeaning").queryAs(Label.class);
        assertThat(meaning.getText()).startsWith("Starts Sun 6 Dec 2026 at 09:00 (Europe/Paris), ");
        robot.interact(() -> robot.lookup("#scheduleTime").queryTextInputControl().setText("25:00"));
        assertThat(meaning.getText()).contains("is not a time of day");
        assertThat(robot.lookup("#scheduleSave").queryAs(Button.class).isDisabled()).isTrue();
        robot.interact(() -> robot.lookup("#scheduleTime").queryTextInputControl().setText("14:30"));
        robot.clickOn("#scheduleWindowOn");
        assertThat(meaning.getText()).startsWith("Starts Mon 7 Dec 2026 at 09:00 (Europe/Paris)")
                .contains("It sends only 09:00-17:00, Mon-Fri and pauses outside those hours.");

        robot.clickOn("#scheduleSave");
        WaitForAsyncUtils.waitForFxEvents();
        var saved = repo.find("spring").orElseThrow();
        assertThat(saved.state()).isEqualTo(ScheduleState.SCHEDULED);
        assertThat(saved.start().atZone(saved.zone()).toLocalDate()).isEqualTo(LocalDate.of(2026, 12, 6));
        assertThat(robot.lookup("#scheduleStatus").queryAs(Label.class).getText()).startsWith("Scheduled. ");

        robot.clickOn("#scheduleRemove");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(repo.find("spring")).isEmpty();
    }
}
