package org.broadside.ui.common;

import javafx.stage.Stage;
import org.broadside.store.Database;
import org.broadside.ui.imports.ImportWizard;
import org.broadside.ui.imports.ImportWizardViewModel;
import org.broadside.ui.shell.Theme;
import org.broadside.campaign.Templates;
import org.broadside.ui.templates.TemplatesDialog;
import org.broadside.ui.templates.TemplatesViewModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The windows that are not made by AppWindows.stage: the import wizard and New from template closed only with the X. */
@ExtendWith(ApplicationExtension.class)
class ToolWindowsCloseWithTheShortcutTest {
    @TempDir static Path dir;

    @Test
    void theImportWizardClosesWithShortcutW(FxRobot robot) throws Exception {
        Database db = Database.open(dir.resolve("home-" + System.nanoTime()));
        ImportWizardViewModel vm = new ImportWizardViewModel(db, new SameThreadRunner(),
                org.broadside.accounts.InMemoryCredentialStore::new, () -> { });
        Stage wizard = WaitForAsyncUtils.asyncFx(() -> new ImportWizard(vm).show(null)).get();
        pressShortcutW(robot, wizard);
        assertThat(wizard.isShowing()).isFalse();
    }

    @Test
    void newFromTemplateClosesWithShortcutW(FxRobot robot) throws Exception {
        Templates templates = new Templates(dir.resolve("templates-" + System.nanoTime()));
        TemplatesViewModel vm = new TemplatesViewModel(templates, new SameThreadRunner(), () -> "new-id");
        Stage dialog = WaitForAsyncUtils.asyncFx(() -> TemplatesDialog.show(vm, c -> { }, Theme.appStylesheet())).get();
        pressShortcutW(robot, dialog);
        assertThat(dialog.isShowing()).isFalse();
    }

    /** Runs what the scene does for the key press (the robot's keys would go to whichever window is in front). */
    private static void pressShortcutW(FxRobot robot, Stage stage) {
        Runnable accelerator = stage.getScene().getAccelerators().get(CloseShortcut.KEYS);
        assertThat(accelerator).as("Ctrl+W on " + stage.getTitle()).isNotNull();
        robot.interact(accelerator);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
