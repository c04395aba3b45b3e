package org.broadside.ui.message;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.broadside.ui.common.Icons;

/**
 * The files the message carries, attachments and images in the HTML, one row each with name, size and type, Open and
 * Remove; a file that cannot be sent shows in red with the reason. Its minimum height keeps two rows in sight, so a
 * divider or a small window can never hide what is attached. With nothing attached it is one line, so the body above
 * keeps the room (on a 1280x800 screen an empty list left the visual HTML editor about five lines).
 */
final class AttachmentsPane extends VBox {
    static final double MIN_HEIGHT = 110;
    /** With nothing attached: the header line alone. */
    static final double EMPTY_HEIGHT = 44;

    AttachmentsPane(MessageViewModel vm, Button attach) {
        setId("attachmentsPane");
        getStyleClass().add("attachments-pane");
        setSpacing(4);
        setPadding(new Insets(4, 8, 4, 8));
        javafx.beans.binding.BooleanBinding none = javafx.beans.binding.Bindings.isEmpty(vm.attachments());
        minHeightProperty().bind(javafx.beans.binding.Bindings.when(none).then(EMPTY_HEIGHT).otherwise(MIN_HEIGHT));
        Label title = new Label("Attachments and images");
        title.getStyleClass().add("section-title");
        Label message = new Label();
        message.setId("attachmentMessage");
        message.getStyleClass().add("check-error");
        message.textProperty().bind(vm.attachmentMessageProperty());
        message.setWrapText(true);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        Label nothing = new Label("none: Attach… adds a file; images inserted into the HTML show here too");
        nothing.setId("noAttachments");
        nothing.getStyleClass().add("text-muted");
        nothing.visibleProperty().bind(none);
        nothing.managedProperty().bind(none);
        HBox header = new HBox(8, title, nothing, message, gap, attach);
        header.setAlignment(Pos.CENTER_LEFT);

        ListView<AttachmentItem> list = new ListView<>(vm.attachments());
        list.setId("attachments");
        list.setPlaceholder(new Label("No attachments. Use Attach… to add a file; images inserted into the HTML show here too."));
        list.setCellFactory(l -> new Row(vm));
        list.setMinHeight(MIN_HEIGHT - 40);
        list.visibleProperty().bind(none.not());
        list.managedProperty().bind(none.not());
        VBox.setVgrow(list, Priority.ALWAYS);
        getChildren().addAll(header, list);
    }

    /** One file: icon, name, size, type, then the reason it cannot be sent or the warning, then Open and Remove. */
    private static final class Row extends ListCell<AttachmentItem> {
        private final MessageViewModel vm;

        Row(MessageViewModel vm) {
            this.vm = vm;
            getStyleClass().add("attachment-row");
        }

        @Override
        protected void updateItem(AttachmentItem item, boolean empty) {
            super.updateItem(item, empty);
            setText(null);
            getStyleClass().remove("attachment-missing");
            if (empty || item == null) {
                setGraphic(null);
                setTooltip(null);
                return;
            }
            Label name = new Label(item.name(), item.missing() || item.tooBig() ? Icons.warning() : Icons.attach());
            name.getStyleClass().add("attachment-name");
            name.setMinWidth(Region.USE_PREF_SIZE);
            Label size = new Label(item.sizeText());
            size.getStyleClass().add("attachment-size");
            Label type = new Label(item.kind() + (item.contentType() == null ? "" : " · " + item.contentType()));
            type.getStyleClass().add("attachment-type");
            Label note = new Label(item.missing() ? item.problem() : item.tooBig() ? "over 10 MB: many servers refuse it" : "");
            note.setWrapText(false);
            Region gap = new Region();
            HBox.setHgrow(gap, Priority.ALWAYS);
            Button open = new Button("Open");
            open.getStyleClass().add("attachment-open");
            open.setDisable(item.missing());
            open.setOnAction(e -> vm.openAttachment(item));
            Button remove = new Button("Remove");
            remove.getStyleClass().add("attachment-remove");
            remove.setOnAction(e -> vm.removeAttachment(item));
            HBox row = new HBox(12, name, size, type, note, gap, open, remove);
            row.setAlignment(Pos.CENTER_LEFT);
            if (item.missing()) {
                getStyleClass().add("attachment-missing");
                for (Label l : new Label[]{name, size, note}) l.setStyle("-fx-text-fill: #c62828;");
            }
            setGraphic(row);
            setTooltip(new Tooltip(item.path()));
        }
    }
}
