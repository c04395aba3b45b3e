package org.broadside.ui.testsend;

import com.icegreen.greenmail.util.ServerSetupTest;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.broadside.accounts.InMemoryCredentialStore;
import org.broadside.compose.testsend.TestSend;
import org.broadside.compose.testsend.TestSendFixture;
import org.broadside.compose.testsend.TestSendPreferences;
import org.broadside.ui.common.FxBackgroundRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The Send test window used with the keyboard and mouse, sending to GreenMail. */
@ExtendWith(ApplicationExtension.class)
class TestSendViewTest {
    // Started by hand: the window is built in @Start, which runs before an extension's server would be up.
    static final com.icegreen.greenmail.util.GreenMail greenMail = new com.icegreen.greenmail.util.GreenMail(ServerSetupTest.SMTP.dynamicPort());

    @org.junit.jupiter.api.BeforeAll
    static void startMail() { greenMail.start(); }

    @org.junit.jupiter.api.AfterAll
    static void stopMail() { greenMail.stop(); }
    private TestSendFixture f;

    @Start
    void start(Stage stage) throws Exception {
        f = new TestSendFixture(greenMail.getSmtp().getPort());
        TestSendViewModel vm = new TestSendViewModel(() -> f.doc, f.contacts, () -> new TestSend(f.db, new InMemoryCredentialStore()),
                new TestSendPreferences(f.data), new FxBackgroundRunner(), javafx.application.Platform::runLater, new Random(1));
        Scene scene = new Scene(new TestSendView(vm), 1000, 680);
        scene.getStylesheets().add(org.broadside.ui.shell.Theme.appStylesheet());
        stage.setScene(scene);
        // The window's own size: the stage is shared by the suite's tests, and one may have left it smaller.
        stage.setWidth(1000);
        stage.setHeight(680);
        stage.show();
    }

    @Test
    void typingAnAddressAndSendingShowsTheReceipt(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("jo@example.com  —  Jo").tryQuery().isPresent());
        robot.clickOn("#testAddresses").write("me@test.example");
        assertThat(robot.lookup("#testPlan").queryAs(Label.class).getText()).isEqualTo("1 test message to me@test.example");
        robot.clickOn("#testSend");
        TableView<?> receipts = robot.lookup("#testReceipts").queryTableView();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> receipts.getItems().size() == 1);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#testStatus").queryAs(Label.class).getText().startsWith("Accepted."));
        assertThat(greenMail.getReceivedMessages()[0].getSubject()).isEqualTo("[TEST] Hello Jo");
        assertThat(f.recipientRows()).isEmpty();
        // Each receipt's cells carry their whole text as a tip: a long subject is cut at the column's edge.
        java.util.function.Supplier<java.util.Optional<javafx.scene.control.TableCell>> subjectCell = () -> robot.from(receipts)
                .lookup(".table-cell").queryAllAs(javafx.scene.control.TableCell.class).stream()
                .filter(c -> "[TEST] Hello Jo".equals(c.getItem())).findFirst();
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> subjectCell.get().isPresent());
        var subject = subjectCell.get().orElseThrow();
        assertThat(subject.getTooltip()).isNotNull();
        assertThat(subject.getTooltip().getText()).isEqualTo("[TEST] Hello Jo");
    }

    /** With the app's theme each contact took the height of nearly three lines: four of a list showed. */
    @Test
    void theContactsToMergeAsTakeALineEach(FxRobot robot) throws Exception {
        robot.interact(() -> org.broadside.ui.ThemedScene.apply(robot.lookup(".list-view").query().getScene()));
        WaitForAsyncUtils.waitForFxEvents();
        for (javafx.scene.Node list : robot.lookup(".list-view").queryAll()) {
            org.broadside.ui.ThemedScene.assertOneLinePerCell(robot, list, "ann@example.com");
        }
    }
}
