package org.broadside.ui.common;

import javafx.application.Platform;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.VBox;
import org.broadside.accounts.PassphraseSource;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** Asks for the credential file's passphrase on the FX thread, from whichever thread needs it. */
public final class PassphrasePrompt implements PassphraseSource {
    @Override
    public Optional<char[]> passphrase(boolean creating) {
        if (Platform.isFxApplicationThread()) return ask(creating);
        CompletableFuture<Optional<char[]>> answer = new CompletableFuture<>();
        Platform.runLater(() -> answer.complete(ask(creating)));
        return answer.join();
    }

    private static Optional<char[]> ask(boolean creating) {
        Dialog<char[]> d = new Dialog<>();
        d.setTitle("Credential file");
        d.setHeaderText(creating ? "Choose a passphrase to protect your saved passwords"
                : "Enter the passphrase of your saved passwords");
        PasswordField field = new PasswordField();
        d.getDialogPane().setContent(new VBox(8, new Label("No system keyring is available, so passwords are kept in an encrypted file."), field));
        d.getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        d.setResultConverter(b -> b == ButtonType.OK && !field.getText().isEmpty() ? field.getText().toCharArray() : null);
        return d.showAndWait();
    }
}
