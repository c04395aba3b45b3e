package org.broadside.ui.common;

import javafx.scene.Node;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.PasswordField;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The credential file's passphrase prompt. Its field did not have the focus, so a user who typed a passphrase and
 * pressed OK sent an empty answer and read "set BROADSIDE_PASSPHRASE", an environment variable, in the app.
 */
@ExtendWith(ApplicationExtension.class)
class PassphrasePromptTest {
    @Start
    void start(Stage stage) {
        stage.setScene(new javafx.scene.Scene(new javafx.scene.layout.Pane(), 800, 600));
        stage.setWidth(800);
        stage.setHeight(600);
        stage.show();
    }

    @Test
    void aNewPassphraseIsTypedWhereTheCursorIsTwiceAndLongEnough(FxRobot robot) throws Exception {
        CompletableFuture<Optional<char[]>> answer = CompletableFuture.supplyAsync(() -> new PassphrasePrompt().passphrase(true));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#passphrase").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        PasswordField field = robot.lookup("#passphrase").queryAs(PasswordField.class);
        Node ok = robot.lookup(n -> n instanceof javafx.scene.control.Button b && "OK".equals(b.getText())).query();

        assertThat(field.isFocused()).as("the first keys go into the passphrase").isTrue();
        // Typed through the fields themselves: a robot aimed at the dialog's window stays aimed there for later tests.
        PasswordField repeat = robot.lookup("#passphraseRepeat").queryAs(PasswordField.class);
        robot.interact(() -> field.setText("short"));
        assertThat(robot.lookup("#passphraseProblem").queryLabeled().getText()).isEqualTo("At least 8 characters (5 so far).");
        assertThat(ok.isDisabled()).isTrue();

        robot.interact(() -> {
            field.setText("short but long");
            repeat.setText("short but lung");
        });
        assertThat(robot.lookup("#passphraseProblem").queryLabeled().getText()).isEqualTo("The two differ: type the same passphrase twice.");
        assertThat(ok.isDisabled()).as("a typo would lock the passwords away").isTrue();

        robot.interact(() -> repeat.setText("short but long"));
        assertThat(robot.lookup("#passphraseProblem").queryLabeled().getText()).isEmpty();
        assertThat(ok.isDisabled()).isFalse();
        assertThat(((javafx.scene.control.Button) ok).isDefaultButton()).as("Enter takes it").isTrue();
        robot.interact(() -> ((javafx.scene.control.Button) ok).fire());

        assertThat(answer.get(5, TimeUnit.SECONDS)).hasValueSatisfying(p -> assertThat(new String(p)).isEqualTo("short but long"));
    }

    @Test
    void theExistingPassphraseIsAskedOnceAndCancelGivesNone(FxRobot robot) throws Exception {
        Dialog<char[]>[] shown = new Dialog[1];
        robot.interact(() -> {
            shown[0] = PassphrasePrompt.dialog(false);
            shown[0].show();
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#passphraseRepeat").tryQuery()).isEmpty();
        PasswordField field = robot.lookup("#passphrase").queryAs(PasswordField.class);
        assertThat(field.isFocused()).isTrue();
        Node ok = shown[0].getDialogPane().lookupButton(ButtonType.OK);
        assertThat(ok.isDisabled()).as("an empty passphrase is no answer").isTrue();
        robot.interact(() -> field.setText("x"));
        assertThat(ok.isDisabled()).as("any length: the file's own passphrase may be older than the rule").isFalse();
        robot.interact(() -> ((javafx.scene.control.Button) shown[0].getDialogPane().lookupButton(ButtonType.CANCEL)).fire());
        assertThat(shown[0].getResult()).isNull();
    }

    @Test
    void whatTheAppSaysWhenNoPassphraseWasGiven() {
        assertThat(new PassphrasePrompt().whenNone(true, java.nio.file.Path.of("credentials.enc"))).doesNotContain("BROADSIDE_PASSPHRASE");
        assertThat(PassphrasePrompt.problem(true, "", "")).as("nothing said before the user types").isEmpty();
        assertThat(PassphrasePrompt.acceptable(true, "long enough", "long enough")).isTrue();
        assertThat(PassphrasePrompt.acceptable(true, "long enough", "")).isFalse();
    }
}
