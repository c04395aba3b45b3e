package org.broadside.ui;

import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.control.Tab;
import javafx.scene.text.Text;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.broadside.accounts.InMemoryCredentialStore;
import org.broadside.ui.common.FxBackgroundRunner;
import org.broadside.ui.shell.MainWindow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The windows as they open on a 1280x800 screen (Monocle's headless screen): no label cut to "Cho…". */
@ExtendWith(ApplicationExtension.class)
class FitsASmallScreenTest {
    @TempDir Path dir;
    private AppServices services;
    private AppWindows windows;

    @Start
    void start(Stage ignored) {
        services = new AppServices(dir.resolve("home"), new FxBackgroundRunner(), InMemoryCredentialStore::new);
        windows = new AppWindows(services);
        windows.newDocument();
    }

    @AfterEach
    void stop() throws Exception {
        // The app's windows must not outlive the test: a later test's lookups (#sendButton, a row's text) search every
        // open window and would find this test's leftovers instead of their own.
        org.testfx.util.WaitForAsyncUtils.asyncFx(() -> javafx.stage.Window.getWindows().stream()
                .filter(w -> w instanceof Stage s && s.getTitle() != null && s.getTitle().endsWith("Broadside"))
                .map(w -> (Stage) w).toList().forEach(Stage::close)).get();
        services.close();
    }

    @Test
    void theScreenIsTheSmallLaptopOne() {
        assertThat(Screen.getPrimary().getBounds().getWidth()).isEqualTo(1280);
        assertThat(Screen.getPrimary().getBounds().getHeight()).isEqualTo(800);
    }

    @Test
    void noLabelOfADocumentWindowIsCut(FxRobot robot) {
        MainWindow w = windows.documents().get(0);
        List<String> cut = new ArrayList<>();
        for (Tab t : w.tabs().getTabs()) {
            robot.interact(() -> w.tabs().getSelectionModel().select(t));
            WaitForAsyncUtils.waitForFxEvents();
            cut.addAll(cutLabels(w.stage().getScene().getRoot()).stream().map(s -> t.getText() + ": " + s).toList());
        }
        assertThat(cut).isEmpty();
    }

    @Test
    void noLabelOfADocumentWindowIsCutAtItsSmallestSize(FxRobot robot) {
        MainWindow w = windows.documents().get(0);
        robot.interact(() -> {
            w.stage().setWidth(w.stage().getMinWidth());
            w.stage().setHeight(w.stage().getMinHeight());
        });
        List<String> cut = new ArrayList<>();
        for (Tab t : w.tabs().getTabs()) {
            robot.interact(() -> w.tabs().getSelectionModel().select(t));
            WaitForAsyncUtils.waitForFxEvents();
            cut.addAll(cutLabels(w.stage().getScene().getRoot()).stream().map(s -> t.getText() + ": " + s).toList());
        }
        assertThat(cut).isEmpty();
    }

    @Test
    void noLabelOfTheToolWindowsIsCut(FxRobot robot) throws Exception {
        robot.interact(() -> {
            windows.accounts();
            windows.listManager();
            windows.blacklist();
            windows.sandboxInbox();
            AppWindows.importWizard(services, () -> { }).show(null);
        });
        WaitForAsyncUtils.waitForFxEvents();
        List<String> cut = new ArrayList<>();
        for (Window win : new ArrayList<>(Window.getWindows())) {
            if (win instanceof Stage s && s.getScene() != null) {
                cut.addAll(cutLabels(s.getScene().getRoot()).stream().map(x -> s.getTitle() + ": " + x).toList());
            }
        }
        assertThat(cut).isEmpty();
    }

    @Test
    void theAccountTestResultAndAllItsButtonsAreOnScreen(FxRobot robot) throws Exception {
        robot.interact(windows::accounts);
        Stage accounts = stageTitled("Accounts");
        javafx.scene.control.ListView<?> list = robot.lookup("#accountList").queryListView();
        WaitForAsyncUtils.waitFor(5, java.util.concurrent.TimeUnit.SECONDS, () -> !list.getItems().isEmpty());
        robot.interact(() -> list.getSelectionModel().select(0));
        robot.clickOn("#accountTest");
        javafx.scene.control.TextArea result = robot.lookup("#accountResult").queryAs(javafx.scene.control.TextArea.class);
        WaitForAsyncUtils.waitFor(10, java.util.concurrent.TimeUnit.SECONDS, () -> result.getText().startsWith("✔"));
        assertThat(accounts.getHeight()).isLessThanOrEqualTo(800);
        assertOnScreen(accounts, result, 60);
        for (Node b : robot.lookup("#accountActions").queryAs(Parent.class).getChildrenUnmodifiable()) {
            if (b.isVisible() && b instanceof Labeled) assertOnScreen(accounts, b, 10);
        }
    }

    @Test
    void theImportReportIsOnScreenWithoutScrolling(FxRobot robot) throws Exception {
        robot.interact(() -> AppWindows.importWizard(services, () -> { }).show(null));
        Stage wizard = stageTitled("Import contacts");
        assertThat(wizard.getScene().getRoot().lookupAll(".scroll-pane").stream()
                .filter(n -> !(n.getParent() instanceof javafx.scene.control.Control))).isEmpty();
        assertOnScreen(wizard, robot.lookup("#importStatus").query(), 1);
        // The report's box takes room once there is a report (before, the tables have it): an import of a small file.
        Path csv = java.nio.file.Files.writeString(dir.resolve("people.csv"), "email,first_name\nzoe@example.com,Zoë\n");
        robot.interact(() -> {
            robot.lookup("#importFile").queryAs(javafx.scene.control.TextField.class).setText(csv.toString());
            robot.lookup("#importPreview").queryButton().fire();
        });
        WaitForAsyncUtils.waitFor(10, java.util.concurrent.TimeUnit.SECONDS,
                () -> robot.lookup("#importMapping").queryTableView().getItems().size() == 2);
        robot.interact(() -> {
            @SuppressWarnings("unchecked")
            javafx.scene.control.ComboBox<String> list = robot.lookup("#importList").queryAs(javafx.scene.control.ComboBox.class);
            list.setValue("People");
            robot.lookup("#importRun").queryButton().fire();
        });
        WaitForAsyncUtils.waitFor(10, java.util.concurrent.TimeUnit.SECONDS,
                () -> robot.lookup("#importStatus").queryAs(javafx.scene.control.Label.class).getText().startsWith("Done."));
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> {
            wizard.getScene().getRoot().applyCss();
            wizard.getScene().getRoot().layout();
        });
        assertOnScreen(wizard, robot.lookup("#importReport").query(), 60);
        assertOnScreen(wizard, robot.lookup("#importStatus").query(), 1);
    }

    /** A driver's error is long: with the database's fields on screen it was cut to one line, or clipped below. */
    @Test
    void aDatabasesLongErrorIsReadWhole(FxRobot robot) throws Exception {
        robot.interact(() -> AppWindows.importWizard(services, () -> { }).show(null));
        Stage wizard = stageTitled("Import contacts");
        robot.interact(() -> {
            // As on the desktop: the app's theme, and the height a 1280x800 screen leaves the window under its title.
            ThemedScene.apply(wizard.getScene());
            wizard.setHeight(735);
            ((javafx.scene.control.RadioButton) robot.lookup("#importFromDatabase").query()).fire();
            // Port 1 on loopback: refused at once, and PostgreSQL's driver explains it in two sentences.
            robot.lookup("#importUrl").queryAs(javafx.scene.control.TextField.class).setText("jdbc:postgresql://127.0.0.1:1/crm");
            robot.lookup("#importTable").queryAs(javafx.scene.control.TextField.class).setText("members");
            robot.lookup("#importPreview").queryButton().fire();
        });
        javafx.scene.control.Label status = robot.lookup("#importStatus").queryAs(javafx.scene.control.Label.class);
        WaitForAsyncUtils.waitFor(20, java.util.concurrent.TimeUnit.SECONDS, () -> status.getText().contains("refused"));
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> {
            wizard.getScene().getRoot().applyCss();
            wizard.getScene().getRoot().layout();
        });
        assertThat(status.getText().length()).as("a long error").isGreaterThan(120);
        assertOnScreen(wizard, status, 2 * status.getFont().getSize());
        assertThat(cutLabels(wizard.getScene().getRoot())).noneMatch(cut -> cut.contains("refused"));
        Node shown = status.lookup(".text");
        assertThat(((Text) shown).getText().replace("\n", " ")).contains("accepting TCP/IP connections");
    }

    /** The node lies inside the window's scene, at least {@code minHeight} tall: seen without scrolling. */
    private static void assertOnScreen(Stage s, Node n, double minHeight) {
        var b = n.localToScene(n.getLayoutBounds());
        assertThat(b.getMinY()).as(n.getId() + " top").isGreaterThanOrEqualTo(0);
        assertThat(b.getMaxY()).as(n.getId() + " bottom").isLessThanOrEqualTo(s.getScene().getHeight());
        assertThat(b.getMaxX()).as(n.getId() + " right").isLessThanOrEqualTo(s.getScene().getWidth());
        assertThat(b.getHeight()).as(n.getId() + " height").isGreaterThanOrEqualTo(minHeight);
    }

    private static Stage stageTitled(String prefix) {
        WaitForAsyncUtils.waitForFxEvents();
        return Window.getWindows().stream().filter(w -> w instanceof Stage s && s.getTitle() != null && s.getTitle().startsWith(prefix))
                .map(w -> (Stage) w).findFirst().orElseThrow();
    }

    /** Labels and buttons whose shown text is shorter than their text (the skin puts "…" in place of the rest). */
    static List<String> cutLabels(Parent root) {
        List<String> cut = new ArrayList<>();
        walk(root, cut);
        return cut;
    }

    private static void walk(Node n, List<String> cut) {
        // Column headers are cut by design when a column is narrow; the user widens the column.
        if (!n.isVisible() || n.getStyleClass().contains("column-header")) return;
        if (n instanceof Labeled l && l.getText() != null && !l.getText().isBlank()) {
            Node shown = l.lookup(".text");
            if (shown instanceof Text t && t.getParent() == l) {
                String full = l.getText().replace("_", "");
                String visible = t.getText() == null ? "" : t.getText().replace("_", "");
                if (!visible.replace("\n", " ").strip().equals(full.replace("\n", " ").strip()) && !l.isWrapText()) {
                    cut.add("\"" + full + "\" shown as \"" + visible + "\"");
                }
            }
        }
        if (n instanceof Parent p) for (Node c : p.getChildrenUnmodifiable()) walk(c, cut);
    }
}
