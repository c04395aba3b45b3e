package org.broadside.ui.schedule;

import javafx.scene.Scene;
import javafx.stage.Stage;
import org.broadside.schedule.Schedule;
import org.broadside.schedule.ScheduleRepository;
import org.broadside.store.Database;
import org.broadside.testing.TempDirs;
import org.broadside.ui.common.FxBackgroundRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The window says once what there is: the empty list's advice stood in the table and again in the status bar. */
@ExtendWith(ApplicationExtension.class)
class ScheduledCampaignsViewTest {
    private final Path dir = TempDirs.create("scheduled-view");
    private final Database db = Database.open(dir);
    private final ScheduleRepository repo = new ScheduleRepository(db);
    private ScheduledCampaignsViewModel vm;

    @Start
    void start(Stage stage) {
        vm = new ScheduledCampaignsViewModel(repo, new FxBackgroundRunner(), Clock.systemUTC(), p -> { });
        vm.listenTo(db.events());
        stage.setScene(new Scene(new ScheduledCampaignsView(vm), 1000, 500));
        stage.setWidth(1000);
        stage.setHeight(500);
        stage.show();
    }

    @Test
    void anEmptyListSaysHowToScheduleOnceAndAListShowsItsCount(FxRobot robot) throws Exception {
        javafx.scene.control.Label empty = robot.lookup("#schedulesEmpty").queryAs(javafx.scene.control.Label.class);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> empty.getText() != null && empty.getText().contains("Schedule…"));
        assertThat(robot.lookup("#schedulesStatus").query().getParent().isVisible()).as("the status bar").isFalse();

        repo.save(Schedule.of("soon", "Soon news", dir.resolve("soon.json"), Instant.now().plusSeconds(3600), ZoneOffset.UTC, null));
        javafx.scene.control.Labeled status = robot.lookup("#schedulesStatus").queryLabeled();
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> "1 scheduled campaign.".equals(status.getText()));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(status.getParent().isVisible()).isTrue();
    }
}
