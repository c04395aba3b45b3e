package org.broadside.ui.blacklist;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.broadside.contacts.BlacklistRepository;
import org.broadside.store.Database;
import org.broadside.testing.TempDirs;
import org.broadside.ui.common.SameThreadRunner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import static org.assertj.core.api.Assertions.assertThat;

/** The blacklist window at the size it opens with: every button in sight (Import and Export were in an overflow menu). */
@ExtendWith(ApplicationExtension.class)
class BlacklistViewTest {
    @Start
    void start(Stage stage) {
        javafx.application.Application.setUserAgentStylesheet(org.broadside.ui.ThemedScene.lightTheme());
        BlacklistViewModel vm = new BlacklistViewModel(new BlacklistRepository(Database.open(TempDirs.create("blacklist-view"))), new SameThreadRunner());
        stage.setScene(new Scene(new BlacklistView(vm), 900, 600));
        stage.setWidth(900);
        stage.setHeight(600);
        stage.show();
    }

    @AfterEach
    void theme() {
        javafx.application.Platform.runLater(() -> javafx.application.Application.setUserAgentStylesheet(null));
    }

    @Test
    void atItsFirstSizeNoButtonHidesInAnOverflowMenu(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        java.util.Set<Node> overflow = robot.lookup(".tool-bar-overflow-button").queryAll();
        assertThat(overflow).as("the tool bars' overflow buttons").isNotEmpty();
        assertThat(overflow.stream().filter(Node::isVisible)).as("overflow buttons in sight").isEmpty();
        assertThat(robot.lookup("#blacklistImport").query().isVisible()).isTrue();
        assertThat(robot.lookup("#blacklistExport").query().isVisible()).isTrue();
    }

}
