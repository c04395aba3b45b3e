package org.broadside.ui.message;

import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.web.HTMLEditor;
import javafx.stage.FileChooser;
import org.broadside.compose.CheckLine;
import org.broadside.merge.Severity;
import org.broadside.ui.common.Icons;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.LineNumberFactory;

import java.io.File;

/** The Message tab: header fields, the bodies (plain, visual HTML, HTML source), attachments and live checks. */
public final class MessageView extends BorderPane {
    private final MessageViewModel vm;
    private Node lastEditor;
    private VisualEditorCommands visualCommands;
    private Runnable readBackVisual;
    private boolean readingVisual;

    public MessageView(MessageViewModel vm) {
        this.vm = vm;
        getStyleClass().add("message-view");
        TextField from = field("fromField", vm.fromProperty(), "Jane Doe <jane@example.com>");
        TextField replyTo = field("replyToField", vm.replyToProperty(), "optional");
        TextField subject = field("subjectField", vm.subjectProperty(), "Hello [First Name|there]");
        ChoiceBox<BodyFormat> format = new ChoiceBox<>();
        format.setId("formatChoice");
        format.getItems().setAll(BodyFormat.values());
        format.valueProperty().bindBidirectional(vm.formatProperty());

        GridPane head = new GridPane();
        head.setHgap(8);
        head.setVgap(6);
        head.setPadding(new Insets(10));
        head.getColumnConstraints().addAll(new ColumnConstraints(80), grow());
        head.addRow(0, new Label("From"), from);
        head.addRow(1, new Label("Reply-To"), replyTo);
        head.addRow(2, new Label("Subject"), subject);
        head.addRow(3, new Label("Format"), format);

        TextArea plain = new TextArea();
        plain.setId("textBody");
        plain.setWrapText(true);
        plain.textProperty().bindBidirectional(vm.textProperty());
        track(plain);

        HTMLEditor visual = new HTMLEditor();
        visual.setId("htmlVisual");
        CodeArea source = new CodeArea();
        source.setId("htmlSource");
        source.getStyleClass().add("html-source");
        source.setParagraphGraphicFactory(LineNumberFactory.get(source));
        source.replaceText(vm.htmlProperty().get());
        source.setStyleSpans(0, HtmlHighlighter.spans(source.getText()));
        source.textProperty().addListener((o, a, b) -> {
            source.setStyleSpans(0, HtmlHighlighter.spans(b));
            if (!b.equals(vm.htmlProperty().get())) vm.htmlProperty().set(b);
        });
        vm.htmlProperty().addListener((o, a, b) -> {
            if (!b.equals(source.getText())) source.replaceText(b);
        });
        track(source);
        // The visual editor has no text property: read it back after each key or click inside it (toolbar buttons
        // included), so the source view and the live checks follow; merely looking at it changes nothing.
        // Every read is cleaned: the editor's state (contenteditable, dir, empty font spans) and pasted Word or
        // Google Docs junk never reach the campaign, whichever way it came in.
        Runnable readBack = () -> {
            readingVisual = true;
            try {
                vm.htmlFromVisualEditor(visual.getHtmlText());
            } finally {
                readingVisual = false;
            }
        };
        this.readBackVisual = readBack;
        visualCommands = new VisualEditorCommands(visual);
        visualCommands.installShortcuts(use -> LinkDialog.ask(getScene().getWindow()).ifPresent(url -> {
            use.accept(url);
            readBack.run();
        }));
        track(visual);
        visual.addEventFilter(javafx.scene.input.KeyEvent.KEY_RELEASED, e -> readBack.run());
        visual.addEventFilter(javafx.scene.input.MouseEvent.MOUSE_RELEASED, e -> javafx.application.Platform.runLater(readBack));
        Tab plainTab = new Tab("Plain text", plain);
        Tab visualTab = new Tab("HTML (visual)", visual);
        Tab sourceTab = new Tab("HTML source", new VirtualizedScrollPane<>(source));
        // Leaving the source tab stores it as the cleaned e-mail document (doctype, charset). Not on focus loss:
        // the toolbar's Insert field takes the focus, and the insertion must land where the caret was.
        sourceTab.setOnSelectionChanged(e -> {
            vm.setEditingSource(sourceTab.isSelected());
            if (!sourceTab.isSelected()) vm.tidyHtml();
        });
        visualTab.setOnSelectionChanged(e -> {
            if (visualTab.isSelected()) visual.setHtmlText(vm.htmlForVisualEditor());
        });
        // A change from elsewhere while the visual editor shows (an image removed in the attachments list) must
        // reach it, or its next read-back would bring the old content back.
        vm.htmlProperty().addListener((o, a, b) -> {
            if (visualTab.isSelected() && !readingVisual) visual.setHtmlText(vm.htmlForVisualEditor());
        });
        TabPane bodies = new TabPane(plainTab, visualTab, sourceTab);
        bodies.setId("bodyTabs");
        bodies.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        Runnable showFormat = () -> {
            BodyFormat f = vm.formatProperty().get();
            plainTab.setDisable(f == BodyFormat.HTML);
            visualTab.setDisable(f == BodyFormat.PLAIN);
            sourceTab.setDisable(f == BodyFormat.PLAIN);
            if (bodies.getSelectionModel().getSelectedItem().isDisable()) {
                bodies.getSelectionModel().select(f == BodyFormat.PLAIN ? plainTab : sourceTab);
            }
        };
        vm.formatProperty().addListener((o, a, b) -> showFormat.run());
        showFormat.run();

        MenuButton insertField = new MenuButton("Insert field");
        insertField.setId("insertField");
        // A MenuButton without items does not open, so the items follow the field list.
        Runnable fillFields = () -> {
            insertField.getItems().setAll(vm.insertableFields().stream().map(name -> {
                MenuItem item = new MenuItem(name);
                item.setOnAction(a -> insert(MessageViewModel.fieldTag(name)));
                return item;
            }).toList());
            MenuItem unsubscribeLink = new MenuItem("Unsubscribe link (HTML)");
            unsubscribeLink.setId("insertUnsubscribeLink");
            unsubscribeLink.setOnAction(a -> insertLink(MessageViewModel.unsubscribeLink(), MessageViewModel.fieldTag("Unsubscribe")));
            insertField.getItems().addAll(new javafx.scene.control.SeparatorMenuItem(), unsubscribeLink);
        };
        vm.insertableFields().addListener((javafx.collections.ListChangeListener<String>) c -> fillFields.run());
        fillFields.run();
        Button insertCondition = new Button("Insert condition…");
        insertCondition.setId("insertCondition");
        insertCondition.setOnAction(e -> new ConditionDialog(vm.insertableFields()).showAndWait().ifPresent(this::insert));
        Button attach = new Button("Attach…", Icons.attach());
        attach.setId("attach");
        attach.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Attach a file");
            File f = chooser.showOpenDialog(getScene().getWindow());
            if (f != null) vm.addAttachment(f.toPath());
        });
        Button image = new Button("Inline image…");
        image.setId("insertImage");
        image.disableProperty().bind(vm.formatProperty().isEqualTo(BodyFormat.PLAIN));
        image.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Insert an image into the HTML");
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Images", "*.png", "*.jpg", "*.jpeg", "*.gif", "*.webp", "*.svg"));
            File f = chooser.showOpenDialog(getScene().getWindow());
            if (f == null) return;
            bodies.getSelectionModel().select(sourceTab);
            source.insertText(source.getCaretPosition(), vm.imageTag(f.toPath()));
        });

        ToolBar tools = new ToolBar(insertField, insertCondition, image);
        AttachmentsPane attachments = new AttachmentsPane(vm, attach);

        ListView<CheckLine> checks = new ListView<>(vm.checks());
        checks.setId("checks");
        checks.setPlaceholder(new Label("No problems found"));
        // Each finding whole, wrapped at the list's width (its fix ran off the right edge), one finding's height each.
        checks.getStyleClass().add("line-list");
        checks.setCellFactory(l -> {
            CheckCell cell = new CheckCell();
            org.broadside.ui.common.WrappedCells.wrapAtWidthOf(cell, l);
            return cell;
        });
        Label summary = new Label();
        summary.setId("checkSummary");
        summary.textProperty().bind(vm.checkSummaryProperty());
        VBox checksBox = new VBox(4, summary, checks);
        checksBox.setId("checksBox");
        checksBox.setPadding(new Insets(6, 10, 6, 10));
        VBox.setVgrow(checks, Priority.ALWAYS);
        // No problems: the summary line says so, and the empty list (which said it again) gives its room to the body.
        javafx.beans.binding.BooleanBinding noChecks = javafx.beans.binding.Bindings.isEmpty(vm.checks());
        checks.visibleProperty().bind(noChecks.not());
        checks.managedProperty().bind(noChecks.not());

        // The attachments sit under the body behind a divider: resizable, never below their minimum height, and
        // keeping their height when the window grows, so the body takes the free space.
        SplitPane bodyAndFiles = new SplitPane(bodies, attachments);
        bodyAndFiles.setId("bodyAndAttachments");
        bodyAndFiles.setOrientation(Orientation.VERTICAL);
        bodies.setMinHeight(120);
        bodyAndFiles.setMinHeight(120 + AttachmentsPane.EMPTY_HEIGHT + 10);
        SplitPane.setResizableWithParent(attachments, false);
        // The body gets the room; the attachments keep their minimum until the user drags the divider.
        bodyAndFiles.setDividerPositions(0.9);
        VBox editor = new VBox(head, tools, bodyAndFiles);
        VBox.setVgrow(bodyAndFiles, Priority.ALWAYS);
        SplitPane split = new SplitPane(editor, checksBox);
        split.setId("editorAndChecks");
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.83);
        // With no problem the divider goes to the bottom (the summary line's minimum keeps it in sight); when problems
        // come, it goes back where it was, so the list shows them rather than half a line.
        double[] shownAt = {0.83};
        noChecks.addListener((o, was, now) -> javafx.application.Platform.runLater(() -> {
            double at = split.getDividerPositions()[0];
            if (now) {
                if (at < 0.97) shownAt[0] = at;
                split.setDividerPositions(1.0);
            } else {
                split.setDividerPositions(shownAt[0]);
            }
        }));
        if (noChecks.get()) split.setDividerPositions(1.0);
        setCenter(split);
        lastEditor = plain;
        track(subject);
    }

    /** Inserts at the caret of the editor the user was last in. */
    private void insert(String snippet) {
        if (lastEditor instanceof HTMLEditor) {
            visualCommands.insertText(snippet);
            readBackVisual.run();
        } else if (lastEditor instanceof TextInputControl t) {
            t.insertText(t.getCaretPosition(), snippet);
            t.requestFocus();
        } else if (lastEditor instanceof CodeArea c) {
            c.insertText(c.getCaretPosition(), snippet);
            c.requestFocus();
        }
    }

    /** A link in the HTML editors; plain text (no links there) gets the field itself. */
    private void insertLink(String html, String plain) {
        if (lastEditor instanceof HTMLEditor) {
            visualCommands.insertHtml(html);
            readBackVisual.run();
        } else if (lastEditor instanceof CodeArea c) {
            c.insertText(c.getCaretPosition(), html);
            c.requestFocus();
        } else {
            insert(plain);
        }
    }

    private void track(Node editor) {
        // focusWithin: the visual editor's focus is on the web view inside it.
        editor.focusWithinProperty().addListener((o, a, focused) -> {
            if (focused) lastEditor = editor;
        });
    }

    private TextField field(String id, javafx.beans.property.StringProperty prop, String prompt) {
        TextField f = new TextField();
        f.setId(id);
        f.setPromptText(prompt);
        f.textProperty().bindBidirectional(prop);
        track(f);
        return f;
    }

    private static ColumnConstraints grow() {
        ColumnConstraints c = new ColumnConstraints();
        c.setHgrow(Priority.ALWAYS);
        return c;
    }

    private static final class CheckCell extends ListCell<CheckLine> {
        @Override
        protected void updateItem(CheckLine item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setText(null);
                setGraphic(null);
                return;
            }
            setText((item.line() > 0 ? item.part() + " " + item.line() + ":" + item.column() : item.part()) + " — " + org.broadside.ui.common.CheckWords.of(item));
            setGraphic(item.severity() == Severity.ERROR ? Icons.error() : Icons.warning());
            getStyleClass().removeAll("check-error", "check-warning");
            getStyleClass().add(item.severity() == Severity.ERROR ? "check-error" : "check-warning");
        }
    }
}
