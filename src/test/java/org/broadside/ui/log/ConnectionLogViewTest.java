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
                        {2, "SERVER", "550 5.1.1 No such user", 42}};
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
        stage.setScene(new Scene(new ConnectionLogView(vm), 1000, 600));
        stage.show();
        vm.load(id, 42);
    }

    @Test
    void opensAtTheRecipientsTransactionWithRepliesExplained(FxRobot robot) {
        ListView<LogEntry> lines = robot.lookup("#logLines").queryListView();
        assertThat(robot.lookup("#logConnections").queryListView().getItems()).hasSize(2);
        assertThat(lines.getSelectionModel().getSelectedItem().text()).isEqualTo("RCPT TO:<ghost@example.com>");
        LogEntry refused = lines.getItems().stream().filter(l -> l.text().startsWith("550")).findFirst().orElseThrow();
        assertThat(refused.explanation()).isNotBlank();
        assertThat(lines.getItems().stream().filter(l -> l.text().startsWith("RCPT")).findFirst().orElseThrow().explanation()).isNull();
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
}
