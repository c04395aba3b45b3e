package org.broadside.ui.common;

import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.TextArea;
import javafx.scene.input.Clipboard;
import javafx.stage.Stage;
import org.broadside.diagnostics.LogFile;
import org.broadside.testing.TempDirs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** The error window's details and "Copy details": what a user pastes into a bug report. */
@ExtendWith(ApplicationExtension.class)
class ErrorDialogTest {
    private Alert dialog;
    private Path logFile;
    private final IllegalStateException error = new IllegalStateException("the store could not be read",
            new java.io.IOException("disk I/O error", new NullPointerException()));

    @Start
    void start(Stage stage) {
        logFile = LogFile.start(TempDirs.create("error-dialog"), LogFile.Console.QUIET).orElseThrow();
        dialog = ErrorDialog.create("Broadside cannot start", "the store could not be read", error);
        dialog.show();
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(() -> dialog.close());
    }

    @Test
    void theDetailsAreThereToExpandAndCopyDetailsCopiesTypeMessageCausesAndStackWithoutClosing(FxRobot robot) {
        var root = dialog.getDialogPane();
        TextArea details = (TextArea) root.getExpandableContent();
        assertThat(details.getText()).contains("java.lang.IllegalStateException: the store could not be read");
        assertThat(dialog.getContentText()).contains("the store could not be read").contains(logFile.toString());

        Button copy = (Button) root.lookupButton(ErrorDialog.COPY);
        robot.interact(copy::fire);
        AtomicReference<String> copied = new AtomicReference<>();
        robot.interact(() -> copied.set(Clipboard.getSystemClipboard().getString()));
        assertThat(copied.get())
                .startsWith("Broadside ")
                .contains("Cause chain: java.lang.IllegalStateException <- java.io.IOException <- java.lang.NullPointerException")
                .contains("java.lang.IllegalStateException: the store could not be read")
                .contains("Caused by: java.io.IOException: disk I/O error")
                .contains("Caused by: java.lang.NullPointerException")
                .contains("\tat org.broadside.ui.common.ErrorDialogTest");
        assertThat(dialog.isShowing()).as("copying leaves the window open").isTrue();
    }

    @Test
    void anErrorNobodyCaughtOnAnyThreadIsLoggedAndShownWithItsDetails(FxRobot robot) throws Exception {
        Thread.UncaughtExceptionHandler previous = Thread.getDefaultUncaughtExceptionHandler();
        try {
            UnexpectedErrors.install();
            Thread worker = new Thread(() -> {
                throw new NullPointerException();
            }, "worker-under-test");
            worker.start();
            worker.join();
            AtomicReference<javafx.scene.control.DialogPane> shown = new AtomicReference<>();
            org.testfx.util.WaitForAsyncUtils.waitFor(10, java.util.concurrent.TimeUnit.SECONDS, () -> {
                robot.interact(() -> javafx.stage.Window.getWindows().stream()
                        .map(w -> w.getScene() == null ? null : w.getScene().getRoot())
                        .filter(r -> r instanceof javafx.scene.control.DialogPane p
                                && p.getHeaderText() != null && p.getHeaderText().startsWith("Something went wrong: NullPointerException"))
                        .findFirst().ifPresent(r -> shown.set((javafx.scene.control.DialogPane) r)));
                return shown.get() != null;
            });
            assertThat(((TextArea) shown.get().getExpandableContent()).getText()).contains("java.lang.NullPointerException")
                    .contains("\tat org.broadside.ui.common.ErrorDialogTest");
            assertThat(shown.get().lookupButton(ErrorDialog.COPY)).isNotNull();
            robot.interact(() -> ((Button) shown.get().lookupButton(javafx.scene.control.ButtonType.CLOSE)).fire());
            assertThat(java.nio.file.Files.readString(logFile)).contains("Unexpected error on thread worker-under-test")
                    .contains("java.lang.NullPointerException").contains("\tat org.broadside.ui.common.ErrorDialogTest");
            assertThat(UnexpectedErrors.recent()).anyMatch(l -> l.endsWith("java.lang.NullPointerException"));
        } finally {
            Thread.setDefaultUncaughtExceptionHandler(previous);
        }
    }
}
