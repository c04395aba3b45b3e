package org.broadside.ui.shell;

import javafx.scene.Scene;
import javafx.scene.layout.Pane;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.broadside.testing.TempDirs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

@ExtendWith(ApplicationExtension.class)
class WindowMemoryTest {
    private final Path file = TempDirs.create("windows").resolve("windows.properties");

    @Start
    void start(Stage ignored) {
    }

    @Test
    void aWindowOpensFirstAtEightyPercentOfTheScreenCentred(FxRobot robot) {
        Stage s = onFx(() -> open("document", WindowMemory.DefaultSize.shareOfScreen(0.8)));
        var screen = Screen.getPrimary().getVisualBounds();
        assertThat(s.getWidth()).isCloseTo(screen.getWidth() * 0.8, within(1.0));
        assertThat(s.getHeight()).isCloseTo(screen.getHeight() * 0.8, within(1.0));
        assertThat(s.getX()).isCloseTo(screen.getMinX() + screen.getWidth() * 0.1, within(1.0));
        robot.interact(s::close);
    }

    @Test
    void aReopenedWindowGetsItsRememberedSizeAndPosition(FxRobot robot) {
        Stage first = onFx(() -> open("accounts", WindowMemory.DefaultSize.fixed(900, 600)));
        robot.interact(() -> {
            first.setX(40);
            first.setY(30);
            first.setWidth(640);
            first.setHeight(480);
        });
        robot.interact(first::close);

        Stage again = onFx(() -> open("accounts", WindowMemory.DefaultSize.fixed(900, 600)));
        assertThat(again.getWidth()).isEqualTo(640);
        assertThat(again.getHeight()).isEqualTo(480);
        assertThat(again.getX()).isEqualTo(40);
        assertThat(again.getY()).isEqualTo(30);
        robot.interact(again::close);
    }

    @Test
    void aWindowClosedMaximisedReopensMaximisedAndKeepsItsNormalSize(FxRobot robot) throws Exception {
        Stage first = onFx(() -> open("document", WindowMemory.DefaultSize.fixed(900, 600)));
        robot.interact(() -> {
            first.setWidth(700);
            first.setHeight(500);
        });
        robot.interact(() -> first.setMaximized(true));
        robot.interact(first::close);
        assertThat(Files.readString(file)).contains("/document=").contains(",700,500,maximized");

        Stage again = onFx(() -> open("document", WindowMemory.DefaultSize.fixed(900, 600)));
        assertThat(again.isMaximized()).isTrue();
        robot.interact(again::close);
    }

    @Test
    void aSecondWindowOfTheSameKindDoesNotCoverTheFirst(FxRobot robot) {
        Stage first = onFx(() -> open("connectionLog", WindowMemory.DefaultSize.fixed(600, 400)));
        Stage second = onFx(() -> open("connectionLog", WindowMemory.DefaultSize.fixed(600, 400)));
        assertThat(second.getX()).isGreaterThan(first.getX());
        robot.interact(() -> {
            second.close();
            first.close();
        });
    }

    private static Stage onFx(java.util.concurrent.Callable<Stage> c) {
        try {
            Stage s = org.testfx.util.WaitForAsyncUtils.asyncFx(c).get();
            org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
            return s;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private Stage open(String name, WindowMemory.DefaultSize size) {
        Stage s = new Stage();
        s.setScene(new Scene(new Pane(), 300, 200));
        new WindowMemory(WindowPlacements.load(file)).remember(s, name, size);
        s.show();
        return s;
    }
}
