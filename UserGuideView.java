package org.broadside.ui.help;

import javafx.application.Platform;
import javafx.concurrent.Worker;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.web.WebEngine;
import javafx.scene.web.WebView;

import java.util.function.Consumer;

/**
 * The user guide in a window: the bundled page in a WebView (its table of contents and anchors work as in a browser),
 * a search field that finds the next occurrence, and web links handed to the system's browser.
 */
public final class UserGuideView extends BorderPane {
    private final WebView web = new WebView();
    private final Label found = new Label();

    /** @param browser opens a web address outside the app; called on the FX thread, it must hand the work off itself */
    public UserGuideView(boolean dark, Consumer<String> browser) {
        WebEngine engine = web.getEngine();
        web.setId("guideWeb");
        String guide = UserGuide.page().toExternalForm();
        engine.getLoadWorker().stateProperty().addListener((o, a, s) -> {
            if (s == Worker.State.SUCCEEDED && dark) engine.executeScript("document.body.classList.add('dark')");
        });
        engine.locationProperty().addListener((o, from, to) -> {
            if (UserGuide.isExternal(to)) {
                // The guide stays where it was; the page is the browser's to show.
                Platform.runLater(() -> {
                    engine.getLoadWorker().cancel();
                    if (!from.isBlank()) engine.load(from);
                });
                browser.accept(to);
            }
        });
        engine.load(guide);

        TextField search = new TextField();
        search.setId("guideSearch");
        search.setPromptText("Find in the guide");
        search.setPrefColumnCount(24);
        search.setOnAction(e -> find(search.getText()));
        Button next = new Button("Find next");
        next.setOnAction(e -> find(search.getText()));
        Button contents = new Button("Contents");
        contents.setId("guideContents");
        contents.setOnAction(e -> engine.executeScript("location.hash = '#contents'"));
        found.setId("guideFound");
        found.getStyleClass().add("text-muted");
        HBox bar = new HBox(8, contents, search, next, found);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(8));
        HBox.setHgrow(search, Priority.NEVER);
        setTop(bar);
        setCenter(web);
    }

    public WebEngine engine() { return web.getEngine(); }

    /** window.find: the WebView's own find-in-page, which selects the next match and scrolls to it, wrapping round. */
    void find(String text) {
        if (text == null || text.isBlank()) {
            found.setText("");
            return;
        }
        Object hit = web.getEngine().executeScript("window.find(" + jsString(text) + ", false, false, true)");
        found.setText(Boolean.TRUE.equals(hit) ? "" : "Not found in the guide.");
    }

    private static String jsString(String s) {
        StringBuilder sb = new StringBuilder("'");
        for (char c : s.toCharArray()) {
            if (c == '\'' || c == '\\') sb.append('\\').append(c);
            else if (c < 0x20) sb.append(' ');
            else sb.append(c);
        }
        return sb.append('\'').toString();
    }
}
