package org.broadside.ui;

import javafx.scene.control.ComboBox;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.broadside.accounts.InMemoryCredentialStore;
import org.broadside.campaign.Campaign;
import org.broadside.contacts.imports.ColumnMapping;
import org.broadside.contacts.imports.ContactImporter;
import org.broadside.contacts.imports.ContactSource;
import org.broadside.contacts.imports.FileSources;
import org.broadside.contacts.imports.ImportOptions;
import org.broadside.contacts.imports.ImportProgress;
import org.broadside.ui.common.FxBackgroundRunner;
import org.broadside.ui.shell.CampaignDraft;
import org.broadside.ui.shell.MainWindow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The app as wired by AppWindows: a campaign window left open sees lists made in the list manager or by an import. */
@ExtendWith(ApplicationExtension.class)
class OpenWindowsFollowTheStoreTest {
    @TempDir Path dir;
    private AppServices services;
    private AppWindows windows;
    private MainWindow campaign;

    @Start
    void start(Stage ignored) {
        services = new AppServices(dir.resolve("home"), new FxBackgroundRunner(), InMemoryCredentialStore::new);
        windows = new AppWindows(services);
        campaign = windows.show(new CampaignDraft(Campaign.blank("o-1", "Spring").withRecipients(List.of("Sandbox"), null, null), null));
        ((TabPane) campaign.stage().getScene().lookup("#documentTabs")).getSelectionModel().select(1);
    }

    @AfterEach
    void stop() {
        services.close();
    }

    @Test
    void aListImportedMeanwhileJoinsTheOpenCampaignsChoice(FxRobot robot) throws Exception {
        Path csv = Files.writeString(dir.resolve("members.csv"), "Email,Name\nann@example.com,Ann\nbob@example.com,Bob\n");
        // The import wizard runs the importer on a worker, as here.
        Thread worker = new Thread(() -> {
            try (ContactSource source = FileSources.open(csv, null)) {
                new ContactImporter(services.database()).importInto("Members", source, ColumnMapping.automatic(source.columns()),
                        ImportOptions.defaults(), ImportProgress.NONE);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        worker.start();
        worker.join();
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> choice().getItems().contains("Members"));
    }

    @Test
    void aListCreatedInTheListManagerJoinsTheOpenCampaignsChoice(FxRobot robot) throws Exception {
        robot.interact(windows::listManager);
        robot.clickOn("New list…");
        robot.clickOn(".dialog-pane .text-field").write("Autumn").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> services.contacts().findList("Autumn").isPresent());
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> choice().getItems().contains("Autumn"));
    }

    private ComboBox<String> choice() {
        @SuppressWarnings("unchecked")
        ComboBox<String> box = (ComboBox<String>) campaign.stage().getScene().lookup("#recipientList");
        return box;
    }
}
