package org.broadside.ui.preview;

import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import javafx.scene.web.WebView;
import org.broadside.ui.common.Lifecycle;

/** The Preview tab: navigation, the rendered HTML (WebView) beside the text, and the raw message. */
public final class PreviewView extends BorderPane {
    public PreviewView(PreviewViewModel vm) {
        Button prev = new Button("◀ Previous");
        prev.setId("previewPrevious");
        prev.setOnAction(e -> vm.previous());
        Button next = new Button("Next ▶");
        next.setId("previewNext");
        next.setOnAction(e -> vm.next());
        TextField find = new TextField();
        find.setId("previewFind");
        find.setPromptText("Find by address");
        find.setOnAction(e -> vm.find(find.getText()));
        Label status = new Label();
        status.setId("previewStatus");
        status.textProperty().bind(vm.statusProperty());
        Label subject = new Label();
        subject.setId("previewSubject");
        subject.getStyleClass().add("title-4");
        subject.textProperty().bind(Bindings.concat("Subject: ", vm.subjectProperty()));
        Label to = new Label();
        to.textProperty().bind(Bindings.concat("To: ", vm.recipientProperty()));

        WebView web = new WebView();
        web.setId("previewHtml");
        vm.htmlProperty().addListener((o, a, b) -> web.getEngine().loadContent(b == null ? "" : b));
        // Links in a preview must not navigate away or fetch anything the recipient would not have asked for.
        web.getEngine().setJavaScriptEnabled(false);
        TextArea text = new TextArea();
        text.setId("previewText");
        text.setEditable(false);
        text.setWrapText(true);
        text.textProperty().bind(vm.textProperty());
        TextArea raw = new TextArea();
        raw.setId("previewRaw");
        raw.setEditable(false);
        raw.getStyleClass().add("monospace");
        raw.textProperty().bind(vm.rawProperty());
        SplitPane side = new SplitPane(web, text);
        side.setDividerPositions(0.6);
        TabPane tabs = new TabPane(new Tab("HTML and text", side), new Tab("Raw message", raw));
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        // A row rather than a tool bar: a long status ("… is left out by the campaign's filter …") went into a tool bar's
        // overflow menu, out of sight; here it wraps beside the buttons.
        status.setWrapText(true);
        status.setMinWidth(0);
        javafx.scene.layout.HBox.setHgrow(status, javafx.scene.layout.Priority.ALWAYS);
        javafx.scene.layout.HBox bar = org.broadside.ui.common.FormFields.row(8, prev, next, find, status);
        bar.getStyleClass().add("tool-bar");
        bar.setPadding(new javafx.geometry.Insets(4, 8, 4, 8));
        VBox head = new VBox(4, bar, to, subject);
        head.setPadding(new Insets(0, 10, 6, 10));
        setTop(head);
        setCenter(tabs);
        Lifecycle.whileShowing(this, vm::activate, vm::deactivate);
    }
}
