package org.broadside.ui.templates;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.TextInputDialog;
import org.broadside.campaign.Campaign;
import org.broadside.campaign.Templates;
import org.broadside.ui.common.BackgroundRunner;

import java.util.Optional;

/** File > Save as template…: asks for a name (and before replacing a template of that name), then saves in the background. */
public final class SaveAsTemplate {
    private SaveAsTemplate() {}

    public static void ask(Campaign campaign, Templates templates, BackgroundRunner runner) {
        TextInputDialog d = new TextInputDialog(campaign.name() == null ? "" : campaign.name());
        d.setTitle("Save as template — Broadside");
        d.setHeaderText("Save this campaign as a template");
        d.setContentText("Template name:");
        d.getDialogPane().getButtonTypes().setAll(new ButtonType("Save template", ButtonBar.ButtonData.OK_DONE), ButtonType.CANCEL);
        Optional<String> name = d.showAndWait().map(String::strip);
        if (name.isEmpty()) return;
        if (name.get().isEmpty()) {
            message(Alert.AlertType.ERROR, "The template was not saved", "Give the template a name.");
            return;
        }
        runner.run(() -> templates.find(name.get()).isPresent(), exists -> {
            if (exists && !confirmReplace(name.get())) return;
            runner.run(() -> templates.save(name.get(), campaign),
                    t -> message(Alert.AlertType.INFORMATION, "Template saved", "\"" + t.name() + "\" is now in the list of File > New from template…"),
                    e -> message(Alert.AlertType.ERROR, "The template was not saved", e.getMessage()));
        }, e -> message(Alert.AlertType.ERROR, "The template was not saved", e.getMessage()));
    }

    private static boolean confirmReplace(String name) {
        ButtonType replace = new ButtonType("Replace it", ButtonBar.ButtonData.OK_DONE);
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, "A template named \"" + name + "\" exists. Replace it with this campaign?",
                replace, ButtonType.CANCEL);
        a.setHeaderText("Replace the template \"" + name + "\"?");
        return a.showAndWait().filter(b -> b == replace).isPresent();
    }

    private static void message(Alert.AlertType type, String header, String text) {
        Alert a = new Alert(type, text);
        a.setTitle(header + " — Broadside");
        a.setHeaderText(header);
        a.show();
    }
}
