package org.broadside.ui;

import javafx.scene.control.ButtonBase;
import javafx.scene.control.ComboBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.broadside.contacts.Contact;
import org.broadside.contacts.ContactList;
import org.broadside.testing.TempDirs;
import org.broadside.ui.common.FxBackgroundRunner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Import… in the list manager opens the wizard with the list on show as its target, not an empty choice. */
@ExtendWith(ApplicationExtension.class)
class ImportFromTheListManagerTest {
    private AppServices services;
    private AppWindows windows;

    @Start
    void start(Stage ignored) throws Exception {
        services = BroadsideApplication.create(TempDirs.create("import-from-lists").resolve("home"), new FxBackgroundRunner());
        windows = new AppWindows(services);
        services.contacts().createList("Alpha", List.of("First Name"));
        var members = services.contacts().createList("Members", List.of("First Name"));
        services.contacts().upsert(members.id(), List.of(Contact.of("ann@example.com", Map.of("First Name", "Ann"))));
    }

    @AfterEach
    void close() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> new ArrayList<>(Window.getWindows()).forEach(w -> {
            if (w instanceof Stage s && s.getTitle() != null && (s.getTitle().startsWith("Import contacts") || s.getTitle().startsWith("Lists and contacts"))) s.close();
        })).get();
        services.close();
    }

    @Test
    void theWizardOpensOnTheListInFront(FxRobot robot) throws Exception {
        robot.interact(() -> windows.listManager());
        Stage lists = stage("Lists and contacts");
        @SuppressWarnings("unchecked")
        ComboBox<ContactList> choice = robot.from(lists.getScene().getRoot()).lookup("#listChoice").queryAs(ComboBox.class);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> choice.getItems().size() == 2);
        ContactList members = choice.getItems().stream().filter(l -> l.name().equals("Members")).findFirst().orElseThrow();
        robot.interact(() -> choice.getSelectionModel().select(members));

        robot.interact(() -> robot.from(lists.getScene().getRoot()).lookup("#importButton").queryAs(ButtonBase.class).fire());
        WaitForAsyncUtils.waitForFxEvents();
        Stage wizard = stage("Import contacts");
        @SuppressWarnings("unchecked")
        ComboBox<String> into = robot.from(wizard.getScene().getRoot()).lookup("#importList").queryAs(ComboBox.class);
        assertThat(into.getValue()).as("the wizard's target list").isEqualTo("Members");
    }

    private static Stage stage(String titleStart) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> Window.getWindows().stream()
                .filter(w -> w instanceof Stage s && s.isShowing() && s.getTitle() != null && s.getTitle().startsWith(titleStart))
                .map(w -> (Stage) w).reduce((a, b) -> b).orElseThrow()).get();
    }
}
