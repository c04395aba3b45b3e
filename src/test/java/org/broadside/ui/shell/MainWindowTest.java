package org.broadside.ui.shell;

import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.broadside.campaign.Campaign;
import org.broadside.campaign.CampaignFiles;
import org.broadside.ui.AppServices;
import org.broadside.ui.AppWindows;
import org.broadside.ui.common.FxBackgroundRunner;
import org.broadside.accounts.InMemoryCredentialStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(ApplicationExtension.class)
class MainWindowTest {
    @TempDir Path dir;
    private AppServices services;
    private MainWindow window;

    @Start
    void start(Stage ignored) throws Exception {
        services = new AppServices(dir.resolve("home"), new FxBackgroundRunner(), InMemoryCredentialStore::new);
        Path file = dir.resolve("spring.json");
        CampaignFiles.write(Campaign.blank("w-1", "Spring").withRecipients(List.of("Sandbox"), null, null), file);
        AppWindows windows = new AppWindows(services);
        windows.open(file);
        window = windows.documents().get(0);
    }

    @AfterEach
    void stop() {
        services.close();
    }

    @Test
    void hasTheFiveTabsAndShortcutsSwitchBetweenThem(FxRobot robot) {
        TabPane tabs = robot.lookup("#documentTabs").queryAs(TabPane.class);
        assertThat(tabs.getTabs()).extracting(t -> t.getText()).containsExactly("Message", "Recipients", "Settings", "Preview", "Delivery");
        robot.clickOn("#subjectField");
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT5).release(KeyCode.DIGIT5, KeyCode.CONTROL);
        assertThat(tabs.getSelectionModel().getSelectedItem().getText()).isEqualTo("Delivery");
    }

    @Test
    void theHelpMenuListsEveryShortcutFromTheMenusThemselves(FxRobot robot) {
        javafx.scene.control.MenuBar bar = robot.lookup("#menuBar").queryAs(javafx.scene.control.MenuBar.class);
        assertThat(bar.getMenus()).extracting(m -> m.getText().replace("_", "")).containsExactly("File", "View", "Campaign", "Tools", "Help");
        String shortcuts = MainWindow.shortcuts(bar);
        assertThat(shortcuts).contains("File / Quit").contains("Help / Copy diagnostics").contains("Tools / Accounts…").contains("Campaign / Send test…")
                .contains("Send the campaign");
    }

    @Test
    void anEditMarksTheTitleAndSaveWithCtrlSClearsIt(FxRobot robot) throws Exception {
        assertThat(window.stage().getTitle()).isEqualTo("Spring — spring.json — Broadside");
        robot.clickOn("#subjectField").write("News");
        assertThat(window.stage().getTitle()).startsWith("• Spring");
        robot.press(KeyCode.CONTROL, KeyCode.S).release(KeyCode.S, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.stage().getTitle()).isEqualTo("Spring — spring.json — Broadside");
        assertThat(CampaignFiles.read(dir.resolve("spring.json")).campaign().subject()).isEqualTo("News");
    }

    @Test
    void closingWithUnsavedChangesAsksAndCancelKeepsTheWindow(FxRobot robot) {
        robot.clickOn("#subjectField").write("Draft");
        robot.press(KeyCode.CONTROL, KeyCode.W).release(KeyCode.W, KeyCode.CONTROL);
        DialogPane dialog = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
        assertThat(dialog.getHeaderText()).isEqualTo("Save the changes to \"Spring\"?");
        robot.clickOn((Button) dialog.lookupButton(javafx.scene.control.ButtonType.CANCEL));
        assertThat(window.stage().isShowing()).isTrue();
        robot.press(KeyCode.CONTROL, KeyCode.W).release(KeyCode.W, KeyCode.CONTROL);
        robot.clickOn("Don't save");
        assertThat(window.stage().isShowing()).isFalse();
    }
}
