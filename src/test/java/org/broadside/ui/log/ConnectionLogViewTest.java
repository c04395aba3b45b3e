package org.broadside.ui.log;

import javafx.scene.Scene;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.broadside.delivery.CampaignRepository;
import org.broadside.store.Database;
import org.broadside.ui.common.SameThreadRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Path;
import java.sql.PreparedStatement;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(ApplicationExtension.class)
class ConnectionLogViewTest {
    @TempDir static Path dir;
    private Scene scene;

    @Start
    void start(Stage stage) {
        Database db = Database.open(dir);
        CampaignRepository campaigns = new CampaignRepository(db);
        long id = campaigns.findOrCreate("log-" + System.nanoTime(), "Log", null).id();
        long run = campaigns.startRun(id);
        // Two connections; the second carries recipient 42's failed transaction.
        db.inTransaction(c -> {
            try (PreparedStatement p = c.prepareStatement(
                    "INSERT INTO connection_log(run_id, connection_no, at, direction, line, recipient_id) VALUES (?,?,?,?,?,?)")) {
                Object[][] rows = {
                        {1, "SERVER", "220 mx.example.com ESMTP", 0},
                        {1, "CLIENT", "MAIL FROM:<a@example.com>", 7},
                        {1, "SERVER", "250 2.1.0 Ok", 7},
                        {2, "SERVER", "220 mx.example.com ESMTP", 0},
                        {2, "CLIENT", "RCPT TO:<ghost@example.com>", 42},
                        {2, "SERVER", "550 5.1.1 No such user", 42},
                        {3, "INFO", "account Dead", 0},
                        {3, "INFO", "connecting to 127.0.0.1:1", 0},
                        {3, "INFO", "could not connect to 127.0.0.1:1: Connection refused", 0},
                        {3, "INFO", "could not open the connection (refused)", 0}};
                for (Object[] r : rows) {
                    p.setLong(1, run);
                    p.setInt(2, (Integer) r[0]);
                    p.setLong(3, System.currentTimeMillis());
                    p.setString(4, (String) r[1]);
                    p.setString(5, (String) r[2]);
                    p.setLong(6, ((Integer) r[3]).longValue());
                    p.executeUpdate();
                }
            }
            return null;
        });
        ConnectionLogViewModel vm = new ConnectionLogViewModel(campaigns, new SameThreadRunner(), Explanations::explain);
        Scene scene = new Scene(new ConnectionLogView(vm), 1000, 600);
        scene.getStylesheets().add(org.broadside.ui.shell.Theme.appStylesheet());
        this.scene = scene;
        stage.setScene(scene);
        stage.show();
        vm.load(id, 42);
    }

    @Test
    void opensAtTheRecipientsTransactionWithRepliesExplained(FxRobot robot) {
        ListView<LogEntry> lines = robot.lookup("#logLines").queryListView();
        assertThat(robot.lookup("#logConnections").queryListView().getItems()).hasSize(3);
        assertThat(lines.getSelectionModel().getSelectedItem().text()).isEqualTo("RCPT TO:<ghost@example.com>");
        LogEntry refused = lines.getItems().stream().filter(l -> l.text().startsWith("550")).findFirst().orElseThrow();
        assertThat(refused.explanation()).isNotBlank();
        assertThat(lines.getItems().stream().filter(l -> l.text().startsWith("RCPT")).findFirst().orElseThrow().explanation()).isNull();
    }

    /** In a narrow window a long explained line wraps inside the list: nothing to scroll sideways for. */
    @Test
    void longLinesWrapInsteadOfRunningPastTheEdge(FxRobot robot) {
        robot.interact(() -> {
            scene.getWindow().setWidth(560);
            scene.getRoot().applyCss();
            scene.getRoot().layout();
        });
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        ListView<LogEntry> lines = robot.lookup("#logLines").queryListView();
        var explained = robot.lookup("#logLines .list-cell").queryAllAs(javafx.scene.control.ListCell.class).stream()
                .filter(c -> !c.isEmpty() && c.getItem() != null && ((LogEntry) c.getItem()).explanation() != null).findFirst().orElseThrow();
        javafx.scene.text.Text oneLine = new javafx.scene.text.Text(((LogEntry) explained.getItem()).asDisplayText());
        oneLine.setFont(explained.getFont());
        assertThat(oneLine.getLayoutBounds().getWidth()).as("the line is longer than the list is wide").isGreaterThan(lines.getWidth());
        assertThat(explained.getWidth()).isLessThanOrEqualTo(lines.getWidth());
        assertThat(lines.lookupAll(".scroll-bar")).filteredOn(n -> n instanceof javafx.scene.control.ScrollBar b
                && b.getOrientation() == javafx.geometry.Orientation.HORIZONTAL && b.isVisible()).isEmpty();
    }

    /** The list tells connections apart by account and server, and marks the one that could not be opened. */
    @Test
    void aConnectionThatCouldNotOpenNamesItsAccountAndWhyInTheList(FxRobot robot) {
        ListView<ConnectionKey> list = robot.lookup("#logConnections").queryListView();
        ConnectionKey dead = list.getItems().get(2);
        assertThat(dead.title()).isEqualTo("#3  Dead · 127.0.0.1:1");
        assertThat(dead.detail()).endsWith(" · connection refused");
        assertThat(list.getItems().get(0).title()).isEqualTo("#1");
        assertThat(list.getItems().get(0).detail()).endsWith(" · 3 lines");
        var cell = robot.lookup("#logConnections .list-cell").queryAllAs(javafx.scene.control.ListCell.class).stream()
                .filter(c -> dead.equals(c.getItem())).findFirst().orElseThrow();
        assertThat(cell.getText()).isEqualTo(dead.title() + "\n" + dead.detail());
        assertThat(cell.getStyleClass()).contains("log-connection-failed");
        // The cause at the end of the second line is in view: the list does not scroll sideways to it.
        assertThat(list.lookupAll(".scroll-bar")).filteredOn(n -> n instanceof javafx.scene.control.ScrollBar b
                && b.getOrientation() == javafx.geometry.Orientation.HORIZONTAL && b.isVisible()).isEmpty();
        robot.interact(() -> list.getSelectionModel().select(2));
        ListView<LogEntry> lines = robot.lookup("#logLines").queryListView();
        assertThat(lines.getItems()).last().satisfies(l -> assertThat(l.explanation()).startsWith("nothing accepts connections"));
    }

    @Test
    void positiveRepliesAlongTheWayAreNotExplained(FxRobot robot) {
        robot.interact(() -> robot.lookup("#logConnections").queryListView().getSelectionModel().select(0));
        ListView<LogEntry> lines = robot.lookup("#logLines").queryListView();
        assertThat(lines.getItems()).filteredOn(l -> l.text().equals("250 2.1.0 Ok")).singleElement()
                .satisfies(l -> assertThat(l.explanation()).isNull());
    }

    @Test
    void searchKeepsOnlyMatchingLines(FxRobot robot) {
        robot.clickOn("#logSearch").write("ghost");
        ListView<LogEntry> lines = robot.lookup("#logLines").queryListView();
        assertThat(lines.getItems()).extracting(LogEntry::text).containsExactly("RCPT TO:<ghost@example.com>");
    }

    /** The theme's one size for every list cell made each log line two lines high and squeezed an explained one. */
    @Test
    void eachLineTakesItsOwnTextsHeight(FxRobot robot) {
        robot.interact(() -> scene.setUserAgentStylesheet(getClass().getResource("/atlantafx/base/theme/primer-light.css").toExternalForm()));
        ListView<LogEntry> lines = robot.lookup("#logLines").queryListView();
        robot.interact(() -> {
            lines.applyCss();
            lines.layout();
        });
        var cells = robot.lookup("#logLines .list-cell").queryAllAs(javafx.scene.control.ListCell.class).stream()
                .filter(c -> !c.isEmpty() && c.getItem() != null).toList();
        double plain = cells.stream().filter(c -> ((LogEntry) c.getItem()).explanation() == null)
                .mapToDouble(javafx.scene.control.ListCell::getHeight).max().orElseThrow();
        double explained = cells.stream().filter(c -> ((LogEntry) c.getItem()).explanation() != null)
                .mapToDouble(javafx.scene.control.ListCell::getHeight).min().orElseThrow();
        javafx.scene.text.Text oneLine = new javafx.scene.text.Text("S: 250 Ok");
        oneLine.setFont(cells.get(0).getFont());
        double lineHeight = oneLine.getLayoutBounds().getHeight();
        assertThat(plain).as("a plain line's cell").isLessThan(lineHeight * 1.6);
        assertThat(explained).as("an explained line's cell holds both its lines").isGreaterThanOrEqualTo(lineHeight * 2);
    }

    /** The search field has the focus when the log opens; it still says what it searches (the theme hid it). */
    @Test
    void theFocusedSearchFieldStillShowsWhatItSearches(FxRobot robot) {
        robot.interact(() -> scene.setUserAgentStylesheet(getClass().getResource("/atlantafx/base/theme/primer-light.css").toExternalForm()));
        javafx.scene.control.TextField search = robot.lookup("#logSearch").queryAs(javafx.scene.control.TextField.class);
        robot.interact(() -> {
            search.clear();
            search.requestFocus();
            search.applyCss();
        });
        assertThat(search.isFocused()).isTrue();
        assertThat(search.getPromptText()).isNotBlank();
        javafx.scene.text.Text prompt = search.lookupAll(".text").stream().filter(javafx.scene.text.Text.class::isInstance)
                .map(javafx.scene.text.Text.class::cast).filter(t -> search.getPromptText().equals(t.getText()))
                .findFirst().orElseThrow(() -> new AssertionError("no prompt shown"));
        assertThat(prompt.isVisible()).isTrue();
        javafx.scene.paint.Paint fill = prompt.getFill();
        assertThat(fill).isInstanceOf(javafx.scene.paint.Color.class);
        assertThat(((javafx.scene.paint.Color) fill).getOpacity()).as("prompt colour " + fill).isGreaterThan(0.3);
    }

    @Test
    void theSelectedLineIsReadableInTheLightTheme(FxRobot robot) {
        assertThat(selectedLineContrast(robot, "primer-light.css")).isGreaterThanOrEqualTo(4.5);
    }

    @Test
    void theSelectedLineIsReadableInTheDarkTheme(FxRobot robot) {
        assertThat(selectedLineContrast(robot, "primer-dark.css")).isGreaterThanOrEqualTo(4.5);
    }

    /** The WCAG contrast ratio of the selected line's text on its background, with the list focused as after a click. */
    private double selectedLineContrast(FxRobot robot, String theme) {
        robot.interact(() -> scene.setUserAgentStylesheet(getClass().getResource("/atlantafx/base/theme/" + theme).toExternalForm()));
        ListView<LogEntry> lines = robot.lookup("#logLines").queryListView();
        robot.interact(lines::requestFocus);
        robot.interact(lines::applyCss);
        javafx.scene.control.ListCell<?> cell = robot.lookup("#logLines .list-cell").queryAllAs(javafx.scene.control.ListCell.class)
                .stream().filter(c -> c.isSelected() && !c.isEmpty()).findFirst().orElseThrow();
        javafx.scene.paint.Color text = (javafx.scene.paint.Color) cell.getTextFill();
        javafx.scene.paint.Color under = behind(cell);
        javafx.scene.paint.Color back = over(cell.getBackground(), under);
        return contrast(text, back);
    }

    /** What is painted under a node: the background of the nearest ancestor that has one (white if none has). */
    private static javafx.scene.paint.Color behind(javafx.scene.Node n) {
        for (javafx.scene.Parent p = n.getParent(); p != null; p = p.getParent()) {
            if (p instanceof javafx.scene.layout.Region r && r.getBackground() != null && !r.getBackground().getFills().isEmpty()) {
                return over(r.getBackground(), behind(r));
            }
        }
        return javafx.scene.paint.Color.WHITE;
    }

    /** The colour the fills of {@code b} paint over {@code base}, each blended by its opacity. */
    private static javafx.scene.paint.Color over(javafx.scene.layout.Background b, javafx.scene.paint.Color base) {
        javafx.scene.paint.Color c = base;
        if (b == null) return c;
        for (var f : b.getFills()) {
            if (!(f.getFill() instanceof javafx.scene.paint.Color top)) continue;
            double a = top.getOpacity();
            c = new javafx.scene.paint.Color(top.getRed() * a + c.getRed() * (1 - a), top.getGreen() * a + c.getGreen() * (1 - a),
                    top.getBlue() * a + c.getBlue() * (1 - a), 1);
        }
        return c;
    }

    private static double contrast(javafx.scene.paint.Color a, javafx.scene.paint.Color b) {
        double la = luminance(a), lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double luminance(javafx.scene.paint.Color c) {
        return 0.2126 * channel(c.getRed()) + 0.7152 * channel(c.getGreen()) + 0.0722 * channel(c.getBlue());
    }

    private static double channel(double v) {
        return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    }
}
