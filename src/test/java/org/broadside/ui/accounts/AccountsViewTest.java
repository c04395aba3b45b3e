package org.broadside.ui.accounts;

import javafx.scene.Scene;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.broadside.accounts.AccountPresets;
import org.broadside.accounts.AccountRepository;
import org.broadside.accounts.InMemoryCredentialStore;
import org.broadside.store.Database;
import org.broadside.ui.common.FxBackgroundRunner;
import org.broadside.ui.sandbox.SandboxServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(ApplicationExtension.class)
class AccountsViewTest {
    @TempDir static Path dir;
    private SandboxServer server;
    private AccountRepository accounts;

    @Start
    void start(Stage stage) {
        server = SandboxServer.start();
        accounts = new AccountRepository(Database.open(dir));
        accounts.save(AccountPresets.find("sandbox").orElseThrow().builder("Sandbox").port(server.port()).build());
        InMemoryCredentialStore creds = new InMemoryCredentialStore();
        AccountsViewModel vm = new AccountsViewModel(accounts, () -> creds, new FxBackgroundRunner());
        stage.setScene(new Scene(new AccountsView(vm), 900, 700));
        stage.show();
        vm.refresh();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void numberFieldsBesideLongLabelsStillShowTheirValue(FxRobot robot) throws Exception {
        ListView<?> list = robot.lookup("#accountList").queryListView();
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> list.getItems().size() == 1);
        robot.interact(() -> list.getSelectionModel().select(0));
        WaitForAsyncUtils.waitForFxEvents();
        // At the dialog's width these two were squeezed to ~25 px by the sentence beside them and showed nothing.
        for (String id : java.util.List.of("#accountChunking", "#accountMaxFailures")) {
            javafx.scene.control.TextField f = robot.lookup(id).queryAs(javafx.scene.control.TextField.class);
            assertThat(f.getText()).as(id).isNotBlank();
            assertThat(f.getWidth()).as("width of %s", id).isGreaterThanOrEqualTo(f.prefWidth(-1) - 0.5);
        }
    }

    @Test
    void testConnectionShowsTheGreetingAndTheTranscript(FxRobot robot) throws Exception {
        ListView<?> list = robot.lookup("#accountList").queryListView();
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> list.getItems().size() == 1);
        robot.clickOn("Sandbox  ·  127.0.0.1:" + server.port());
        robot.clickOn("#accountTest");
        TextArea result = robot.lookup("#accountResult").queryAs(TextArea.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> result.getText().startsWith("✔"));
        assertThat(result.getText()).contains("GreenMail").contains("No encryption");
        assertThat(robot.lookup("#accountTranscript").queryListView().getItems()).anyMatch(l -> l.toString().startsWith("C: EHLO"));
    }

    /** With the app's theme each line of the conversation took the height of nearly three, and four lines showed. */
    @Test
    void theConversationTakesALinePerLine(FxRobot robot) throws Exception {
        ListView<?> list = robot.lookup("#accountList").queryListView();
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> list.getItems().size() == 1);
        robot.interact(() -> org.broadside.ui.ThemedScene.apply(list.getScene()));
        robot.clickOn("Sandbox  ·  127.0.0.1:" + server.port());
        robot.clickOn("#accountTest");
        ListView<?> transcript = robot.lookup("#accountTranscript").queryListView();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> transcript.getItems().size() > 4);
        WaitForAsyncUtils.waitForFxEvents();
        org.broadside.ui.ThemedScene.assertOneLinePerCell(robot, transcript, "S: 250 OK");
    }

    /** "unchanged" promised to keep a password that a new account does not have. */
    @Test
    void thePasswordFieldSaysUnchangedOnlyForASavedAccount(FxRobot robot) throws Exception {
        ListView<?> list = robot.lookup("#accountList").queryListView();
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> list.getItems().size() == 1);
        javafx.scene.control.PasswordField password = robot.lookup("#accountPassword").queryAs(javafx.scene.control.PasswordField.class);
        robot.clickOn("Sandbox  ·  127.0.0.1:" + server.port());
        assertThat(password.getPromptText()).isEqualTo("unchanged");
        robot.clickOn("New");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(password.getPromptText()).isEqualTo("password");
    }

    @Test
    void loginMechanismsAreNamedAsServersNameThem(FxRobot robot) {
        @SuppressWarnings("unchecked")
        javafx.scene.control.ChoiceBox<org.broadside.accounts.AccountAuth> auth = robot.lookup("#accountAuth").queryAs(javafx.scene.control.ChoiceBox.class);
        assertThat(auth.getItems().stream().map(a -> auth.getConverter().toString(a)))
                .containsExactly("NONE", "PLAIN", "LOGIN", "CRAM-MD5", "XOAUTH2");
        assertThat(auth.getConverter().fromString("CRAM-MD5")).isEqualTo(org.broadside.accounts.AccountAuth.CRAM_MD5);
    }

    @Test
    void anInvalidFormIsExplainedAndNotSaved(FxRobot robot) throws Exception {
        ListView<?> list = robot.lookup("#accountList").queryListView();
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> list.getItems().size() == 1);
        robot.clickOn("Sandbox  ·  127.0.0.1:" + server.port());
        robot.doubleClickOn("#accountPort").write("abc");
        robot.clickOn("#accountSave");
        assertThat(robot.lookup("#accountResult").queryAs(TextArea.class).getText()).isEqualTo("Port must be a whole number.");
        assertThat(accounts.find("Sandbox").orElseThrow().port()).isEqualTo(server.port());
    }

    @Test
    void sendTestMessageDeliversOneMessageToTheAddressGiven(FxRobot robot) throws Exception {
        ListView<?> list = robot.lookup("#accountList").queryListView();
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> list.getItems().size() == 1);
        robot.clickOn("Sandbox  ·  127.0.0.1:" + server.port());
        robot.clickOn("#accountTestTo").write("check@example.com");
        robot.clickOn("#accountSendTest");
        TextArea result = robot.lookup("#accountResult").queryAs(TextArea.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> result.getText().startsWith("✔"));
        assertThat(result.getText()).contains("Test message accepted by the server");
        assertThat(server.received()).hasSize(1);
        assertThat(server.received().get(0).getSubject()).isEqualTo("Broadside test message");
    }
}
