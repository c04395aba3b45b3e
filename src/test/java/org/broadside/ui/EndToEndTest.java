package org.broadside.ui;

import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.broadside.campaign.Campaign;
import org.broadside.campaign.Unsubscribe;
import org.broadside.delivery.RecipientState;
import org.broadside.ui.common.FxBackgroundRunner;
import org.broadside.ui.delivery.RecipientItem;
import org.broadside.ui.log.LogEntry;
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

import static org.assertj.core.api.Assertions.assertThat;

/** The newcomer's path through the real app: import a CSV, compose, send to the Sandbox, read the log. */
@ExtendWith(ApplicationExtension.class)
class EndToEndTest {
    @TempDir static Path dir;
    private AppServices services;
    private AppWindows windows;

    @Start
    void start(Stage stage) {
        services = BroadsideApplication.create(dir.resolve("home"), new FxBackgroundRunner());
        windows = new AppWindows(services);
    }

    @AfterEach
    void close() {
        services.close();
    }

    @Test
    void importComposeSendToTheSandboxAndOpenTheConnectionLog(FxRobot robot) throws Exception {
        Path csv = Files.writeString(dir.resolve("members.csv"),
                "E-mail,First Name,Gender\nann@example.com,Ann,F\nbob@example.com,Bob,M\ncid@example.org,,M\n");

        Stage wizard = WaitForAsyncUtils.asyncFx(() -> AppWindows.importWizard(services, () -> { }).show(null)).get();
        robot.interact(() -> robot.lookup("#importFile").queryAs(TextField.class).setText(csv.toString()));
        robot.interact(() -> robot.lookup("#importPreview").queryButton().fire());
        waitOr(robot, "#importStatus", () -> robot.lookup("#importMapping").queryAs(TableView.class).getItems().size() == 3);
        robot.interact(() -> robot.lookup("#importList").<ComboBox<String>>query().setValue("Members"));
        robot.interact(() -> robot.lookup("#importRun").queryButton().fire());
        waitOr(robot, "#importStatus", () -> robot.lookup("#importStatus").queryLabeled().getText().startsWith("Done"));
        assertThat(services.contacts().count(services.contacts().requireList("Members").id())).isEqualTo(3);
        robot.interact(wizard::close);

        Campaign campaign = Campaign.blank("e2e-1", "E2E").withRecipients(List.of("Sandbox"), "Members", null)
                .withUnsubscribe(new Unsubscribe("leave@example.com", null, false));
        MainWindow w = WaitForAsyncUtils.asyncFx(() -> windows.show(new CampaignDraft(campaign, null))).get();
        robot.clickOn("#fromField").write("News <news@example.com>");
        robot.clickOn("#subjectField").write("Hi [First Name|friend]");
        robot.interact(() -> robot.lookup("#textBody").queryAs(TextArea.class).setText(
                "<IF [[Gender]] = \"F\">Dear Ms. [First Name]<ELSE>Dear Sir</IF>, news inside. [Unsubscribe]"));
        robot.interact(() -> w.show("Delivery"));
        robot.clickOn("#sendButton");

        TableView<RecipientItem> table = robot.lookup("#deliveryTable").queryTableView();
        waitOr(robot, "#deliveryStatus", () -> table.getItems().size() == 3
                && table.getItems().stream().allMatch(i -> i.state() == RecipientState.SENT));
        assertThat(table.getItems()).allSatisfy(i -> assertThat(i.codeProperty().get()).isEqualTo(250));
        waitOr(robot, "#deliveryStatus", () -> !robot.lookup("#sendButton").queryButton().isDisabled());
        assertThat(robot.lookup("#deliveryStatus").queryLabeled().getText()).startsWith("Finished");

        assertThat(services.sandbox().received()).hasSize(3);
        String annBody = services.sandbox().received().stream().filter(m -> raw(m).contains("To: ann@example.com"))
                .map(EndToEndTest::raw).findFirst().orElseThrow();
        assertThat(annBody).contains("Subject: Hi Ann").contains("Dear Ms. Ann").doesNotContain("<IF");

        String first = table.getItems().get(0).email();
        // The table reads its rows again when the run ends: double-click the row once it shows its recipient.
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !table.getItems().get(0).isLoading()
                && robot.lookup(first).tryQuery().isPresent());
        java.util.concurrent.Callable<Boolean> logOpen = () -> Window.getWindows().stream()
                .anyMatch(x -> x instanceof Stage s && "Connection log — Broadside".equals(s.getTitle()));
        robot.doubleClickOn(first);
        try {
            WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, logOpen);
        } catch (java.util.concurrent.TimeoutException e) {
            // A double click the robot delivered while the row was being replaced reads as two single clicks.
            robot.doubleClickOn(first);
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, logOpen);
        }
        ListView<LogEntry> lines = robot.lookup("#logLines").queryListView();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !lines.getItems().isEmpty());
        assertThat(lines.getItems()).anyMatch(l -> l.text().equals("RCPT TO:<" + first + ">"));
        assertThat(lines.getSelectionModel().getSelectedItem().line().recipientId()).isEqualTo(table.getItems().get(0).id());
        assertThat(lines.getItems()).anyMatch(l -> l.text().startsWith("250") && l.explanation() != null);
    }

    /** Waits, and on timeout fails with the text of the status label, which says what went wrong. */
    private static void waitOr(FxRobot robot, String statusId, java.util.concurrent.Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, condition);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("timed out; status: " + robot.lookup(statusId).queryLabeled().getText());
        }
    }

    private static String raw(jakarta.mail.internet.MimeMessage m) {
        try {
            var out = new java.io.ByteArrayOutputStream();
            m.writeTo(out);
            return out.toString(java.nio.charset.StandardCharsets.UTF_8);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
