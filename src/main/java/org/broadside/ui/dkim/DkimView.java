package org.broadside.ui.dkim;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.broadside.deliverability.dkim.DkimKeyType;
import org.broadside.deliverability.dkim.DkimRecordCheck;

/** The DKIM keys window: the domain's key, the TXT record to publish with Copy buttons, Check DNS and Generate key. */
public final class DkimView extends ScrollPane {
    public DkimView(DkimViewModel vm) {
        VBox box = new VBox(10);
        box.setPadding(new Insets(16));
        setContent(box);
        setFitToWidth(true);

        ComboBox<String> domain = new ComboBox<>(vm.domains());
        domain.setId("dkimDomain");
        domain.setEditable(true);
        domain.setPromptText("example.com");
        domain.setPrefWidth(320);
        domain.setMinWidth(260);
        vm.domainProperty().addListener((o, a, b) -> {
            if (!b.equals(domain.getValue())) domain.setValue(b);
        });
        domain.setOnAction(e -> {
            String v = domain.getValue();
            if (v != null && !v.strip().equals(vm.domainProperty().get())) vm.select(v);
        });
        Label domainLabel = new Label("Domain");
        domainLabel.setLabelFor(domain);
        domainLabel.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        Label hint = muted("The part after @ in your From address (type it and press Enter). Each sending domain has its own key.");
        HBox domainRow = new HBox(8, domainLabel, domain, hint);
        domainRow.setAlignment(Pos.CENTER_LEFT);

        Label summary = new Label();
        summary.setId("dkimKeySummary");
        summary.setWrapText(true);
        summary.textProperty().bind(vm.keySummaryProperty());

        VBox record = recordSection(vm);
        VBox check = checkSection(vm);
        VBox generate = generateSection(vm);

        Label problem = org.broadside.ui.common.FormFields.problemLabel("dkimProblem", vm.problemProperty());

        box.getChildren().addAll(domainRow, summary, problem, record, check, new Separator(), generate);
    }

    private static VBox recordSection(DkimViewModel vm) {
        TextField name = readOnly(new TextField(), "dkimRecordName", vm.recordNameProperty());
        TextArea value = readOnly(new TextArea(), "dkimRecordValue", vm.recordValueProperty());
        value.setWrapText(true);
        value.setPrefRowCount(4);
        TextArea zone = readOnly(new TextArea(), "dkimZoneLine", vm.zoneFileLineProperty());
        zone.setWrapText(true);
        zone.setPrefRowCount(4);
        zone.setStyle("-fx-font-family: monospace");
        GridPane g = new GridPane();
        g.setHgap(8);
        g.setVgap(8);
        g.addRow(0, new Label("Name"), name, copy("dkimCopyName", name));
        g.addRow(1, new Label("Value"), value, copy("dkimCopyValue", value));
        g.addRow(2, new Label("Zone file"), zone, copy("dkimCopyZone", zone));
        GridPane.setHgrow(name, Priority.ALWAYS);
        GridPane.setHgrow(value, Priority.ALWAYS);
        org.broadside.ui.common.FormFields.keepLabels(g);
        VBox section = new VBox(6, title("Publish this TXT record in your domain's DNS"),
                muted("At your DNS host, add a TXT record with this name and value. Most hosts take the value as one piece; a "
                        + "zone file (and some hosts) need it split into quoted strings of at most 255 characters, as in the last form."),
                g);
        section.visibleProperty().bind(vm.hasKeyProperty());
        section.managedProperty().bind(vm.hasKeyProperty());
        return section;
    }

    private static VBox checkSection(DkimViewModel vm) {
        Button check = new Button("Check DNS");
        check.setId("dkimCheckDns");
        check.disableProperty().bind(vm.busyProperty());
        check.setOnAction(e -> vm.checkDns());
        Label headline = new Label();
        headline.setId("dkimCheckHeadline");
        headline.getStyleClass().add("title-4");
        headline.textProperty().bind(vm.checkHeadlineProperty());
        vm.verdictProperty().addListener((o, a, v) -> {
            headline.getStyleClass().removeAll("success", "danger");
            if (v == DkimRecordCheck.Verdict.MATCHES) headline.getStyleClass().add("success");
            else if (v != null) headline.getStyleClass().add("danger");
        });
        Label explanation = new Label();
        explanation.setId("dkimCheckExplanation");
        explanation.setWrapText(true);
        explanation.textProperty().bind(vm.checkExplanationProperty());
        HBox row = new HBox(10, check, headline);
        row.setAlignment(Pos.CENTER_LEFT);
        VBox section = new VBox(6, row, explanation);
        section.visibleProperty().bind(vm.hasKeyProperty());
        section.managedProperty().bind(vm.hasKeyProperty());
        return section;
    }

    private static VBox generateSection(DkimViewModel vm) {
        ChoiceBox<DkimKeyType> type = new ChoiceBox<>();
        type.setId("dkimKeyType");
        type.getItems().setAll(DkimKeyType.values());
        type.setConverter(new StringConverter<>() {
            @Override
            public String toString(DkimKeyType t) {
                return t == null ? "" : t == DkimKeyType.RSA ? "RSA, 2048 bits (every receiver verifies it)"
                        : "Ed25519 (short; not every receiver verifies it yet)";
            }

            @Override
            public DkimKeyType fromString(String s) { return null; }
        });
        type.valueProperty().bindBidirectional(vm.keyTypeProperty());
        TextField selector = new TextField();
        selector.setId("dkimSelector");
        selector.textProperty().bindBidirectional(vm.selectorProperty());
        selector.setPrefColumnCount(18);
        Button generate = new Button("Generate key");
        generate.setId("dkimGenerate");
        generate.disableProperty().bind(vm.busyProperty());
        generate.setOnAction(e -> {
            if (!vm.generatingReplacesAKey() || confirmReplace(generate, vm.domainProperty().get())) vm.generate();
        });
        GridPane g = new GridPane();
        g.setHgap(8);
        g.setVgap(8);
        g.addRow(0, new Label("Key type"), type);
        g.addRow(1, new Label("Selector"), selector, muted("The name receivers look the key up by; a new key gets a new selector."));
        org.broadside.ui.common.FormFields.keepLabels(g);
        Label head = title("Generate a key");
        head.textProperty().bind(javafx.beans.binding.Bindings.when(vm.hasKeyProperty())
                .then("Generate a new key (it replaces the current one)").otherwise("Generate a key"));
        return new VBox(6, head, g, generate);
    }

    /** A new key signs at once: mail sent before its record is published fails DKIM, so the user decides. */
    private static boolean confirmReplace(Button owner, String domain) {
        ButtonType replace = new ButtonType("Replace the key", ButtonBar.ButtonData.OK_DONE);
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, "Mail from " + domain + " will be signed with the new key at once. "
                + "Receivers verify it against DNS, so publish the new record before sending again. With a new selector the old "
                + "record can stay published meanwhile.", replace, ButtonType.CANCEL);
        a.setHeaderText("Replace the DKIM key of " + domain + "?");
        a.initOwner(owner.getScene().getWindow());
        return a.showAndWait().filter(b -> b == replace).isPresent();
    }

    private static <T extends TextInputControl> T readOnly(T field, String id, javafx.beans.property.StringProperty p) {
        field.setId(id);
        field.setEditable(false);
        field.textProperty().bind(p);
        return field;
    }

    private static Button copy(String id, TextInputControl from) {
        Button b = new Button("Copy");
        b.setId(id);
        b.setOnAction(e -> {
            ClipboardContent c = new ClipboardContent();
            c.putString(from.getText());
            Clipboard.getSystemClipboard().setContent(c);
        });
        return b;
    }

    private static Label title(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("title-4");
        return l;
    }

    private static Label muted(String text) {
        Label l = new Label(text);
        l.setWrapText(true);
        l.getStyleClass().add("text-muted");
        return l;
    }
}
