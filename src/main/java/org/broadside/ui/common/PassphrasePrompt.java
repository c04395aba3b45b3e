package org.broadside.ui.common;

import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.scene.Node;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.VBox;
import org.broadside.accounts.EncryptedFileCredentialStore;
import org.broadside.accounts.PassphraseSource;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Asks for the credential file's passphrase on the FX thread, from whichever thread needs it. A new passphrase is
 * typed twice and must be long enough before OK takes it: a typo there would lock the saved passwords away for good.
 */
public final class PassphrasePrompt implements PassphraseSource {
    static final int MIN = EncryptedFileCredentialStore.MIN_NEW_PASSPHRASE;

    @Override
    public Optional<char[]> passphrase(boolean creating) {
        if (Platform.isFxApplicationThread()) return dialog(creating).showAndWait();
        CompletableFuture<Optional<char[]>> answer = new CompletableFuture<>();
        Platform.runLater(() -> answer.complete(dialog(creating).showAndWait()));
        return answer.join();
    }

    /** The user closed the prompt without a passphrase: no environment variable to point at, just what it means. */
    @Override
    public String whenNone(boolean creating, Path file) {
        return creating ? "no passphrase was chosen for it, so passwords cannot be kept until one is."
                : "its passphrase was not given, so the saved passwords cannot be used.";
    }

    /**
     * What stops OK, or "" when the passphrase can be taken. Nothing is said before the user types: an empty field
     * only keeps OK off.
     */
    static String problem(boolean creating, String passphrase, String repeat) {
        if (!creating || passphrase.isEmpty()) return "";
        if (passphrase.length() < MIN) return "At least " + MIN + " characters (" + passphrase.length() + " so far).";
        if (!repeat.isEmpty() && !repeat.equals(passphrase)) return "The two differ: type the same passphrase twice.";
        return "";
    }

    static boolean acceptable(boolean creating, String passphrase, String repeat) {
        if (passphrase.isEmpty()) return false;
        return !creating || (passphrase.length() >= MIN && passphrase.equals(repeat));
    }

    static Dialog<char[]> dialog(boolean creating) {
        Dialog<char[]> d = new Dialog<>();
        d.setTitle("Credential file");
        d.setHeaderText(creating ? "Choose a passphrase to protect your saved passwords"
                : "Enter the passphrase of your saved passwords");
        PasswordField field = new PasswordField();
        field.setId("passphrase");
        PasswordField repeat = new PasswordField();
        repeat.setId("passphraseRepeat");
        VBox content = new VBox(8, FormFields.wrappedLabel("No system keyring is available, so passwords are kept in an encrypted file."));
        if (creating) {
            field.setPromptText("at least " + MIN + " characters");
            repeat.setPromptText("the same again");
            // Its line is kept while empty: the dialog does not grow when it appears, and would push OK out of sight.
            Label problem = FormFields.wrappedLabel("");
            problem.setId("passphraseProblem");
            problem.getStyleClass().add("danger");
            problem.textProperty().bind(Bindings.createStringBinding(
                    () -> problem(true, field.getText(), repeat.getText()), field.textProperty(), repeat.textProperty()));
            Label keep = FormFields.wrappedLabel("Keep it somewhere safe: a forgotten passphrase cannot be recovered, and every saved password"
                    + " would have to be typed again.");
            keep.getStyleClass().add("text-muted");
            content.getChildren().addAll(new Label("Passphrase"), field, new Label("Repeat it"), repeat, problem, keep);
        } else {
            field.setPromptText("passphrase");
            content.getChildren().add(field);
        }
        content.setPrefWidth(460);
        d.getDialogPane().setContent(FormFields.asDialogContent(content));
        d.getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        Node ok = d.getDialogPane().lookupButton(ButtonType.OK);
        ok.disableProperty().bind(Bindings.createBooleanBinding(
                () -> !acceptable(creating, field.getText(), repeat.getText()), field.textProperty(), repeat.textProperty()));
        d.setResultConverter(b -> b == ButtonType.OK ? field.getText().toCharArray() : null);
        FormFields.focusWhenShown(d, field);
        return d;
    }
}
