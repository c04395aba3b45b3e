package org.broadside.ui.bounces;

import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.broadside.bounces.BounceKind;
import org.broadside.bounces.BounceProcessor;
import org.broadside.bounces.Classification;
import org.broadside.bounces.ListedBounce;
import org.broadside.bounces.MailboxConnector;
import org.broadside.bounces.MailboxRepository;
import org.broadside.bounces.BounceRulesRepository;
import org.broadside.ui.common.FxBackgroundRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The bounces window as a user works it: the recorded bounce in the table, Undo, the right-click menu, a new mailbox. */
@ExtendWith(ApplicationExtension.class)
class BouncesViewTest {
    private BounceDesk desk;
    private MailboxRepository mailboxes;

    @Start
    void start(Stage stage) {
        desk = new BounceDesk();
        mailboxes = new MailboxRepository(desk.db);
        Classification hard = new Classification(BounceKind.HARD_BOUNCE, BounceDesk.ALICE, "5.1.1", "user unknown", List.of(),
                List.of(), "<view-test@mail.example.com>", Instant.parse("2026-12-01T10:15:00Z"), "Undelivered Mail Returned to Sender");
        new BounceProcessor(desk.db).apply("Bounces", List.of(hard), false);
        FxBackgroundRunner runner = new FxBackgroundRunner();
        BouncesViewModel events = new BouncesViewModel(desk.db, () -> desk.credentials, MailboxConnector.systemTrust(), runner);
        events.listenTo(new org.broadside.ui.common.FxEvents(desk.db.events()));
        MailboxesViewModel boxes = new MailboxesViewModel(mailboxes, () -> desk.credentials, MailboxConnector.systemTrust(), runner);
        stage.setScene(new Scene(new BouncesView(events, boxes, new BounceRulesViewModel(new BounceRulesRepository(desk.db), runner)), 1180, 720));
        stage.show();
    }

    @SuppressWarnings("unchecked")
    private TableView<ListedBounce> table(FxRobot robot) throws Exception {
        TableView<ListedBounce> t = robot.lookup("#bouncesTable").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> t.getItems().size() == 1);
        return t;
    }

    /** At the window's default width every column shows; Mailbox was past the right edge. */
    @Test
    void everyColumnFitsTheWindow(FxRobot robot) throws Exception {
        TableView<ListedBounce> t = table(robot);
        double columns = t.getColumns().stream().mapToDouble(javafx.scene.control.TableColumn::getWidth).sum();
        assertThat(columns).isLessThanOrEqualTo(t.getWidth());
        assertThat(t.getColumns().get(t.getColumns().size() - 1).getText()).isEqualTo("Mailbox");
    }

    @Test
    void undoTakesTheAddressOffTheBlacklistAndTheRowSaysSo(FxRobot robot) throws Exception {
        TableView<ListedBounce> t = table(robot);
        assertThat(desk.blacklisted()).containsExactly(BounceDesk.ALICE);
        robot.clickOn("Hard bounce");
        assertThat(robot.lookup("Autumn news").tryQuery()).isPresent();
        robot.clickOn("#bouncesUndo");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> t.getItems().size() == 1 && t.getItems().get(0).event().undone());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("Undone (was: blacklisted, contact flagged bounced)").tryQuery()).isPresent();
        assertThat(desk.blacklisted()).isEmpty();
        assertThat(desk.flagsOfAlice()).isNull();
        assertThat(robot.lookup("#bouncesUndo").queryButton().isDisabled()).isTrue();
        assertThat(robot.lookup("#bouncesStatus").queryAs(Label.class).getText()).startsWith("Undone: alice@example.com");
    }

    @Test
    void theRightClickMenuCopiesTheAddress(FxRobot robot) throws Exception {
        TableView<ListedBounce> t = table(robot);
        robot.clickOn(BounceDesk.ALICE, MouseButton.SECONDARY);
        // Headless Monocle turns a right-click into no context-menu request: open the table's menu as that request would.
        robot.interact(() -> t.getContextMenu().show(t, javafx.geometry.Side.TOP, 200, 60));
        assertThat(robot.lookup("Undo").queryAll()).hasSizeGreaterThanOrEqualTo(2); // the button and the menu's item
        robot.clickOn("Copy address");
        WaitForAsyncUtils.waitForFxEvents();
        String copied = WaitForAsyncUtils.asyncFx(() -> Clipboard.getSystemClipboard().getString()).get(5, TimeUnit.SECONDS);
        assertThat(copied).isEqualTo(BounceDesk.ALICE);
    }

    @Test
    void aNewMailboxIsSavedFromTheMailboxesTab(FxRobot robot) throws Exception {
        robot.clickOn("Mailboxes");
        robot.clickOn("#mailboxNew");
        robot.clickOn("#mailboxHost").write("imap.example.org");
        robot.clickOn("#mailboxUser").write("bounces@example.org");
        robot.clickOn("#mailboxPassword").write("pw-typed-here");
        robot.clickOn("#mailboxSave");
        ListView<?> list = robot.lookup("#mailboxList").queryListView();
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> list.getItems().size() == 1);
        assertThat(mailboxes.find("Bounces").orElseThrow().host()).isEqualTo("imap.example.org");
        assertThat(mailboxes.find("Bounces").orElseThrow().port()).isEqualTo(993);
        assertThat(desk.credentials.get("mailbox:bounces")).isPresent();
    }

    /**
     * A refused connection's test: the answer readable without scrolling, each line of the conversation one line high
     * (with the app's theme every line took the height of nearly three).
     */
    @Test
    void aTestConnectionShowsItsConversationALinePerLine(FxRobot robot) throws Exception {
        int closedPort;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        org.broadside.ui.ThemedScene.applyInWindow(robot, "#bouncesTable", 1180, 720);
        robot.clickOn("Mailboxes");
        robot.clickOn("#mailboxNew");
        robot.clickOn("#mailboxHost").write("127.0.0.1");
        javafx.scene.control.TextField port = robot.lookup("#mailboxPort").queryAs(javafx.scene.control.TextField.class);
        robot.interact(() -> port.setText(String.valueOf(closedPort)));
        robot.clickOn("#mailboxUser").write("bounces");
        robot.clickOn("#mailboxPassword").write("pw");
        robot.clickOn("#mailboxTest");
        ListView<?> transcript = robot.lookup("#mailboxTranscript").queryListView();
        try {
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> transcript.getItems().size() >= 2);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("transcript " + transcript.getItems() + ", result: "
                    + robot.lookup("#mailboxResult").queryAs(javafx.scene.control.TextArea.class).getText(), e);
        }
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.control.TextArea result = robot.lookup("#mailboxResult").queryAs(javafx.scene.control.TextArea.class);
        assertThat(result.getText()).contains("127.0.0.1:" + closedPort);
        org.broadside.ui.ThemedScene.assertOneLinePerCell(robot, transcript, "Connecting");
    }
}
