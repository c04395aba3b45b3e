package org.broadside.ui.sandbox;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import javafx.scene.Scene;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.Properties;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(ApplicationExtension.class)
class SandboxInboxViewTest {
    private SandboxServer server;

    @Start
    void start(Stage stage) {
        server = SandboxServer.start();
        stage.setScene(new Scene(new SandboxInboxView(new SandboxInboxViewModel(server, new org.broadside.ui.common.FxBackgroundRunner())), 900, 600));
        stage.show();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void anInboxOpenedOnMessagesAlreadyReceivedSaysHowToReadOne(FxRobot robot) throws Exception {
        send("Before the window");
        Stage[] other = new Stage[1];
        robot.interact(() -> {
            other[0] = new Stage();
            other[0].setScene(new Scene(new SandboxInboxView(new SandboxInboxViewModel(server, new org.broadside.ui.common.FxBackgroundRunner())), 900, 600));
            other[0].show();
        });
        WaitForAsyncUtils.waitForFxEvents();
        String note = robot.from(other[0].getScene().getRoot()).lookup("#inboxNote").queryLabeled().getText();
        robot.interact(other[0]::close);
        assertThat(note).as("the reading pane of a window opened on one message").isEqualTo("Choose a message in the list above to read it here.");
    }

    private void send(String subject) throws Exception {
        Properties p = new Properties();
        p.put("mail.smtp.host", server.host());
        p.put("mail.smtp.port", String.valueOf(server.port()));
        MimeMessage m = new MimeMessage(Session.getInstance(p));
        m.setFrom(new InternetAddress("me@example.com"));
        m.setRecipient(Message.RecipientType.TO, new InternetAddress("you@example.com"));
        m.setSubject(subject);
        m.setText("body text");
        Transport.send(m);
    }

    @Test
    void aMessageSentToTheSandboxAppearsWithItsRawSource(FxRobot robot) throws Exception {
        assertThat(server.host()).isEqualTo("127.0.0.1");
        send("Sandbox check");

        TableView<InboxMessage> table = robot.lookup("#inboxTable").queryTableView();
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> table.getItems().size() == 1);
        WaitForAsyncUtils.waitForFxEvents();
        // Nothing chosen yet: the reading pane says what to do rather than looking like an empty message.
        assertThat(robot.lookup("#inboxNote").queryLabeled().getText()).isEqualTo("Choose a message in the list above to read it here.");
        robot.interact(() -> table.getSelectionModel().select(0));
        TextArea raw = robot.lookup("#inboxRaw").queryAs(TextArea.class);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> raw.getText().contains("body text"));
        assertThat(raw.getText()).contains("Subject: Sandbox check");
        assertThat(robot.lookup("#inboxNote").queryLabeled().getText()).doesNotContain("Choose a message");
        TextArea text = robot.lookup("#inboxText").queryAs(TextArea.class);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> text.getText().contains("body text"));
        robot.clickOn("#inboxSearch").write("nothing like it");
        assertThat(table.getItems()).isEmpty();
        robot.interact(() -> robot.lookup("#inboxSearch").queryTextInputControl().setText("SANDBOX"));
        assertThat(table.getItems()).hasSize(1);
        robot.clickOn("#inboxDeleteAll");
        robot.clickOn("Delete all messages");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> table.getItems().isEmpty());
        assertThat(server.mailbox().size()).isZero();
    }
}
