package org.broadside.ui.templates;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.web.WebView;
import javafx.stage.Stage;
import org.broadside.campaign.Campaign;
import org.broadside.campaign.Template;

import java.util.function.Consumer;

/** File > New from template…: the templates on the left, the chosen one's subject and message on the right. */
public final class TemplatesDialog extends BorderPane {
    public TemplatesDialog(TemplatesViewModel vm, Consumer<Campaign> open, Runnable close) {
        setPadding(new Insets(12));
        ListView<Template> list = new ListView<>(vm.items());
        list.setId("templateList");
        list.setPrefWidth(240);
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(Template t, boolean empty) {
                super.updateItem(t, empty);
                setText(empty || t == null ? null : t.name() + (t.builtIn() ? "  (built-in)" : ""));
            }
        });
        list.getSelectionModel().selectedItemProperty().addListener((o, a, t) -> {
            if (t != null) vm.selectedProperty().set(t);
        });
        vm.selectedProperty().addListener((o, a, t) -> {
            if (t != list.getSelectionModel().getSelectedItem()) list.getSelectionModel().select(t);
        });

        Label subject = new Label();
        subject.setId("templateSubject");
        subject.textProperty().bind(javafx.beans.binding.Bindings.concat("Subject: ", vm.previewSubjectProperty()));
        subject.getStyleClass().add("title-4");
        WebView preview = new WebView();
        preview.setId("templatePreview");
        // The preview shows the message, nothing runs in it.
        preview.getEngine().setJavaScriptEnabled(false);
        vm.previewHtmlProperty().addListener((o, a, html) -> preview.getEngine().loadContent(html));
        preview.getEngine().loadContent(vm.previewHtmlProperty().get());
        Label note = new Label("Merge fields such as [First Name|there] are filled in for each recipient when the campaign is sent.");
        note.getStyleClass().add("text-muted");
        note.setWrapText(true);
        note.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        VBox right = new VBox(8, subject, preview, note);
        VBox.setVgrow(preview, Priority.ALWAYS);
        right.setPadding(new Insets(0, 0, 0, 12));

        Label problem = new Label();
        problem.setId("templateProblem");
        problem.getStyleClass().add("danger");
        problem.textProperty().bind(vm.problemProperty());
        Button delete = new Button("Delete template");
        delete.setId("templateDelete");
        delete.disableProperty().bind(vm.canDeleteProperty().not());
        delete.setOnAction(e -> vm.delete());
        Button cancel = new Button("Cancel");
        cancel.setCancelButton(true);
        cancel.setOnAction(e -> close.run());
        Button create = new Button("Create");
        create.setId("templateCreate");
        create.setDefaultButton(true);
        create.disableProperty().bind(vm.selectedProperty().isNull());
        create.setOnAction(e -> vm.create().ifPresent(c -> {
            close.run();
            open.accept(c);
        }));
        list.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) create.fire();
        });
        // The list takes Enter for itself, so the default button never heard it: choose with the arrows, Enter creates.
        list.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.ENTER && !create.isDisabled()) {
                e.consume();
                create.fire();
            }
        });
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox buttons = new HBox(8, problem, gap, delete, cancel, create);
        buttons.setAlignment(Pos.CENTER_LEFT);
        buttons.setPadding(new Insets(12, 0, 0, 0));

        setLeft(list);
        setCenter(right);
        setBottom(buttons);
    }

    /** Opens the dialog on its own stage; Create opens the new campaign through {@code open}. */
    public static Stage show(TemplatesViewModel vm, Consumer<Campaign> open, String stylesheet) {
        Stage stage = new Stage();
        stage.setTitle("New from template — Broadside");
        Scene scene = new Scene(new TemplatesDialog(vm, open, stage::close), 1000, 680);
        scene.getStylesheets().add(stylesheet);
        stage.setScene(scene);
        org.broadside.ui.common.CloseShortcut.install(stage);
        vm.load();
        stage.show();
        return stage;
    }
}
