package org.broadside.ui.templates;

import javafx.scene.control.ListView;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.broadside.accounts.InMemoryCredentialStore;
import org.broadside.campaign.Campaign;
import org.broadside.campaign.Template;
import org.broadside.campaign.Templates;
import org.broadside.ui.AppServices;
import org.broadside.ui.AppWindows;
import org.broadside.ui.common.FxBackgroundRunner;
import org.broadside.ui.shell.MainWindow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(ApplicationExtension.class)
class NewFromTemplateTest {
    private AppServices services;
    private AppWindows windows;
    private Templates templates;

    @Start
    void start(Stage ignored) throws Exception {
        Path home = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "new-from-template");
        services = new AppServices(home, new FxBackgroundRunner(), InMemoryCredentialStore::new);
        templates = new Templates(home);
        templates.save("Club letter", Campaign.blank("old-id", "Club").withMessage("Club <club@example.org>", null, "Club news",
                "Hello [First Name|member]", ""));
        windows = new AppWindows(services);
    }

    @AfterEach
    void stop(FxRobot robot) {
        robot.interact(() -> {
            List.copyOf(windows.documents()).forEach(w -> w.stage().close());
            List.copyOf(Window.getWindows()).stream().filter(w -> w instanceof Stage).forEach(w -> ((Stage) w).close());
        });
        services.close();
    }

    @Test
    void createOpensADocumentWindowWithTheTemplateAndANewId(FxRobot robot) {
        robot.interact(windows::newFromTemplate);
        ListView<Template> list = robot.lookup("#templateList").queryListView();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(list.getItems()).extracting(Template::name).containsExactly("Newsletter", "Announcement", "Plain letter", "Club letter");

        robot.clickOn("Announcement  (built-in)");
        robot.clickOn("#templateCreate");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(windows.documents()).hasSize(1);
        MainWindow w = windows.documents().get(0);
        Campaign c = w.draft().campaign();
        assertThat(c.subject()).isEqualTo("Something new for you, [First Name|friend]");
        assertThat(c.html()).contains("Find out more");
        assertThat(c.id()).isNotBlank();
        assertThat(robot.lookup("#templateList").tryQuery()).isEmpty();
    }

    /** Enter did nothing: the list kept it from the default button. */
    @Test
    void enterOnTheListCreatesTheChosenTemplate(FxRobot robot) {
        robot.interact(windows::newFromTemplate);
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("Plain letter  (built-in)");
        robot.type(javafx.scene.input.KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(windows.documents()).hasSize(1);
        assertThat(robot.lookup("#templateList").tryQuery()).isEmpty();
    }

    @Test
    void anOwnTemplateCanBeDeletedButNotABuiltIn(FxRobot robot) throws Exception {
        robot.interact(windows::newFromTemplate);
        ListView<Template> list = robot.lookup("#templateList").queryListView();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#templateDelete").queryButton().isDisabled()).as("a built-in is chosen first").isTrue();

        robot.clickOn("Club letter");
        robot.clickOn("#templateDelete");

        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> list.getItems().size() == 3);
        assertThat(templates.own()).isEmpty();
    }
}
