package org.broadside.ui.servers;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.broadside.ui.common.Lifecycle;
import org.broadside.ui.servers.UnsubscribeServersViewModel.ServerRow;

import java.io.File;

import static org.broadside.ui.common.FormFields.boundField;
import static org.broadside.ui.common.FormFields.keepLabels;
import static org.broadside.ui.common.FormFields.wrappedLabel;
import org.broadside.ui.common.FormFields;

/**
 * Tools &gt; Unsubscribe servers: the table of servers with Add…, Pull now and Remove…, and the Add form under it.
 * The key field is a password field and is emptied once the key is saved.
 */
public final class UnsubscribeServersView extends BorderPane {
    public UnsubscribeServersView(UnsubscribeServersViewModel vm, String credentialStore) {
        Label intro = wrappedLabel("A Broadside server (broadside serve) receives the one-click unsubscribes of your campaigns, and their opens "
                + "and clicks when a campaign tracks them. While Broadside is open it pulls what each server below recorded every 10 minutes; "
                + "Pull now does it at once. Unsubscribed addresses go to the blacklist, as bounces do.");

        TableView<ServerRow> table = new TableView<>(vm.rows());
        table.setId("serversTable");
        table.setPlaceholder(new Label("No server yet: press Add… and give its address and the key \"broadside serve --init\" showed."));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(column("Server", ServerRow::url, 200));
        table.getColumns().add(column("Last pulled", ServerRow::lastPulled, 170));
        table.getColumns().add(column("What it brought", ServerRow::result, 480));

        // The list is read again after every action: the chosen server stays chosen, so Pull now can be pressed again.
        String[] chosen = new String[1];
        table.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != null) chosen[0] = now.url();
        });
        vm.rows().addListener((javafx.collections.ListChangeListener<ServerRow>) c -> {
            for (ServerRow r : vm.rows()) {
                if (r.url().equals(chosen[0])) table.getSelectionModel().select(r);
            }
        });

        Button add = new Button("Add…");
        add.setId("serverAdd");
        add.setOnAction(e -> vm.startAdding());
        add.disableProperty().bind(vm.addingProperty());
        Button pull = new Button("Pull now");
        pull.setId("serverPull");
        pull.getStyleClass().add("accent");
        pull.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull().or(vm.busyProperty()));
        pull.setOnAction(e -> vm.pull(table.getSelectionModel().getSelectedItem()));
        Button remove = new Button("Remove…");
        remove.setId("serverRemove");
        remove.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull().or(vm.busyProperty()));
        remove.setOnAction(e -> confirmRemove(vm, table.getSelectionModel().getSelectedItem()));
        HBox actions = FormFields.row(8, add, pull, remove);

        Label status = wrappedLabel("");
        status.setId("serversStatus");
        status.textProperty().bind(vm.statusProperty());
        status.visibleProperty().bind(vm.statusProperty().isNotEmpty());
        status.managedProperty().bind(status.visibleProperty());

        VBox box = new VBox(10, intro, table, actions, status, form(vm, credentialStore));
        VBox.setVgrow(table, Priority.ALWAYS);
        box.setPadding(new Insets(12));
        setCenter(box);
        Lifecycle.whileShowing(this, vm::refresh, () -> { });
    }

    private Node form(UnsubscribeServersViewModel vm, String credentialStore) {
        TextField url = boundField("serverUrl", vm.urlProperty(), 30);
        url.setPromptText("https://news.acme.example");
        url.setMaxWidth(Double.MAX_VALUE);
        PasswordField key = new PasswordField();
        key.setId("serverKey");
        key.setPromptText("bss1.…");
        key.textProperty().bindBidirectional(vm.keyProperty());
        TextField cert = boundField("serverCertificate", vm.certificateProperty(), 30);
        cert.setPromptText("only for a self-signed server");
        cert.setMaxWidth(Double.MAX_VALUE);
        Button choose = new Button("Choose…");
        choose.setId("serverChooseCertificate");
        choose.setOnAction(e -> {
            FileChooser fc = new FileChooser();
            fc.setTitle("The server's certificate (PEM)");
            fc.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("Certificates", "*.pem", "*.crt", "*.cer"),
                    new FileChooser.ExtensionFilter("All files", "*"));
            File f = fc.showOpenDialog(getScene().getWindow());
            if (f != null) vm.certificateProperty().set(f.getAbsolutePath());
        });

        GridPane g = new GridPane();
        g.setHgap(8);
        g.setVgap(6);
        g.addRow(0, new Label("Address"), url);
        g.addRow(1, new Label("Key"), key);
        HBox certRow = FormFields.row(8, cert, choose);
        g.addRow(2, new Label("Certificate"), certRow);
        GridPane.setHgrow(certRow, Priority.ALWAYS);
        GridPane.setHgrow(url, Priority.ALWAYS);
        GridPane.setHgrow(key, Priority.ALWAYS);
        HBox.setHgrow(cert, Priority.ALWAYS);
        keepLabels(g);
        Label explain = wrappedLabel("The key is the line starting with bss1. that \"broadside serve --init\" showed on the server. It is kept in "
                + credentialStore + ", never in the database, and is not shown again. The server's certificate is verified as a browser "
                + "does; give a certificate file only for a server with a self-signed one. Add first asks the server whether it takes the key.");
        explain.getStyleClass().add("text-muted");
        Label problem = wrappedLabel("");
        problem.setId("serverProblem");
        problem.getStyleClass().add("danger");
        problem.setStyle("-fx-text-fill: -color-danger-fg;");
        problem.textProperty().bind(vm.problemProperty());
        problem.visibleProperty().bind(vm.problemProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());

        Button save = new Button("Add server");
        save.setId("serverSave");
        save.getStyleClass().add("accent");
        save.setDefaultButton(true);
        save.disableProperty().bind(vm.busyProperty());
        save.setOnAction(e -> vm.add());
        Button cancel = new Button("Cancel");
        cancel.setId("serverCancel");
        cancel.setOnAction(e -> vm.cancelAdding());

        Label title = new Label("Add a server");
        title.getStyleClass().add("title-4");
        VBox form = new VBox(8, title, g, explain, problem, FormFields.row(8, save, cancel));
        form.setId("serverForm");
        form.setPadding(new Insets(10));
        form.setStyle("-fx-border-color: -color-border-default; -fx-border-radius: 4;");
        form.visibleProperty().bind(vm.addingProperty());
        form.managedProperty().bind(form.visibleProperty());
        vm.addingProperty().addListener((o, was, now) -> {
            if (now) url.requestFocus();
        });
        return form;
    }

    private static void confirmRemove(UnsubscribeServersViewModel vm, ServerRow row) {
        if (row == null) return;
        Alert ask = new Alert(Alert.AlertType.CONFIRMATION, "Its key is removed from this computer and what it records is no longer pulled "
                + "here. Unsubscribes already pulled stay on the blacklist. To add it again you need its key.", ButtonType.OK, ButtonType.CANCEL);
        ask.setHeaderText("Remove the server " + row.url() + "?");
        ask.setTitle("Remove server — Broadside");
        ask.showAndWait().filter(b -> b == ButtonType.OK).ifPresent(b -> vm.remove(row));
    }

    private static TableColumn<ServerRow, String> column(String title, java.util.function.Function<ServerRow, String> value, double width) {
        TableColumn<ServerRow, String> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(value.apply(d.getValue())));
        c.setPrefWidth(width);
        return c;
    }


}
