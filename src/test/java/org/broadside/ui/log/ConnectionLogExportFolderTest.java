package org.broadside.ui.log;

import javafx.stage.Stage;
import javafx.stage.Window;
import org.broadside.accounts.InMemoryCredentialStore;
import org.broadside.ui.AppServices;
import org.broadside.ui.AppWindows;
import org.broadside.ui.common.FxBackgroundRunner;
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

import static org.assertj.core.api.Assertions.assertThat;

/** The connection log, opened from a campaign (the Delivery panel, the bounces window), exports into its folder. */
@ExtendWith(ApplicationExtension.class)
class ConnectionLogExportFolderTest {
    @TempDir Path dir;
    private AppServices services;

    @Start
    void start(Stage ignored) {
        services = new AppServices(dir.resolve("home"), new FxBackgroundRunner(), InMemoryCredentialStore::new);
    }

    @AfterEach
    void stop() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> Window.getWindows().stream()
                .filter(w -> w instanceof Stage s && s.getTitle() != null && s.getTitle().startsWith("Connection log"))
                .map(w -> (Stage) w).toList().forEach(Stage::close)).get();
        services.close();
    }

    @Test
    void itsExportOpensInTheCampaignDocumentsFolder(FxRobot robot) throws Exception {
        Path folder = Files.createDirectories(dir.resolve("campaigns"));
        long id = services.campaigns().findOrCreate("spring", "Spring sale", folder.resolve("Spring sale.json").toString()).id();
        services.campaigns().startRun(id);
        robot.interact(() -> new AppWindows(services).connectionLog("spring", 0));
        ConnectionLogView view = robot.lookup(".connection-log").queryAs(ConnectionLogView.class);
        assertThat(view.exportChooser().getInitialDirectory()).isEqualTo(folder.toAbsolutePath().toFile());
        assertThat(view.exportChooser().getInitialFileName()).isEqualTo("Spring sale - connection log.txt");
    }
}
