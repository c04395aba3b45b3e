package org.broadside.ui.teamstore;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.broadside.store.Database;

import java.util.function.Predicate;

import static org.broadside.ui.common.FormFields.boundField;
import static org.broadside.ui.common.FormFields.keepLabels;
import static org.broadside.ui.common.FormFields.wrappedLabel;

/**
 * The form of File &gt; Open team store: where the PostgreSQL database is, who connects, the password (kept in the
 * credential store, never in the database or a file), and what happens to the open windows.
 */
public final class TeamStoreView extends VBox {
    public TeamStoreView(TeamStoreViewModel vm, String currentStore, Predicate<Database> moveTo, Runnable cancel) {
        Label intro = wrappedLabel("A team store is a PostgreSQL database that several desktops and command lines share: lists, "
                + "campaigns, the blacklist, accounts (without their passwords) and bounces. Broadside creates its tables on first "
                + "use. Now on: " + currentStore + ".");

        TextField url = boundField("teamStoreUrl", vm.urlProperty(), 40);
        url.setPromptText("jdbc:postgresql://db.example.org:5432/broadside");
        url.setMaxWidth(Double.MAX_VALUE);
        TextField user = boundField("teamStoreUser", vm.userProperty(), 20);
        user.setPromptText("as in the URL's ?user=, or empty");
        PasswordField password = new PasswordField();
        password.setId("teamStorePassword");
        password.setPromptText("empty: the one saved for this address");
        password.textProperty().bindBidirectional(vm.passwordProperty());

        GridPane g = new GridPane();
        g.setHgap(8);
        g.setVgap(6);
        g.addRow(0, new Label("Address"), url);
        g.addRow(1, new Label("User"), user);
        g.addRow(2, new Label("Password"), password);
        GridPane.setHgrow(url, Priority.ALWAYS);
        keepLabels(g);

        Label explain = wrappedLabel("Add ?sslmode=verify-full to the address to require TLS with the server's certificate verified. "
                + "The password is kept in this computer's credential store. Open moves the windows onto the team store: "
                + "campaigns with unsaved changes are asked about first, and a campaign that is sending must be stopped.");
        explain.getStyleClass().add("text-muted");

        Label problem = wrappedLabel("");
        problem.setId("teamStoreProblem");
        problem.setStyle("-fx-text-fill: -color-danger-fg;");
        problem.textProperty().bind(vm.problemProperty());
        problem.visibleProperty().bind(vm.problemProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());

        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(18, 18);
        spinner.visibleProperty().bind(vm.busyProperty());
        spinner.managedProperty().bind(spinner.visibleProperty());
        Label status = new Label();
        status.setId("teamStoreStatus");
        status.textProperty().bind(vm.statusProperty());

        Button open = new Button("Open team store");
        open.setId("teamStoreOpen");
        open.getStyleClass().add("accent");
        open.setDefaultButton(true);
        open.disableProperty().bind(vm.busyProperty().or(vm.urlProperty().isEmpty()));
        open.setOnAction(e -> vm.open(moveTo));
        Button close = new Button("Cancel");
        close.setId("teamStoreCancel");
        close.setCancelButton(true);
        close.setOnAction(e -> cancel.run());
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox buttons = new HBox(8, spinner, status, grow, open, close);
        buttons.setAlignment(Pos.CENTER_LEFT);

        getChildren().addAll(intro, g, explain, problem, buttons);
        setSpacing(10);
        setPadding(new Insets(14));
    }

}
