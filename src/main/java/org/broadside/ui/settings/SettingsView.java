package org.broadside.ui.settings;

import javafx.geometry.Insets;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.broadside.ui.common.Lifecycle;
import org.broadside.ui.common.FormFields;

/**
 * The Settings tab: a page that scrolls when the window is too short for it (on a laptop screen the domain check's
 * findings were squeezed to a sliver below the fields).
 */
public final class SettingsView extends ScrollPane {
    public SettingsView(SettingsViewModel vm) {
        VBox page = new VBox(10);
        page.setPadding(new Insets(16));
        setContent(page);
        setFitToWidth(true);
        setHbarPolicy(ScrollBarPolicy.NEVER);
        getStyleClass().add("edge-to-edge");
        GridPane g = new GridPane();
        g.setHgap(8);
        g.setVgap(8);
        TextField accounts = text("accountsField", vm.accountsProperty(), "Sandbox");
        MenuButton pick = new MenuButton("Add account");
        pick.setId("pickAccount");
        // A MenuButton without items does not open, so the items follow the list rather than being built on opening.
        vm.knownAccounts().addListener((javafx.collections.ListChangeListener<String>) c -> pick.getItems().setAll(
                vm.knownAccounts().stream().map(a -> {
                    MenuItem m = new MenuItem(a);
                    m.setOnAction(x -> vm.useAccount(a));
                    return m;
                }).toList()));
        HBox accountRow = new HBox(6, accounts, pick);
        HBox.setHgrow(accounts, Priority.ALWAYS);
        CheckBox none = new CheckBox("Send without an unsubscribe method (only for transactional mail)");
        none.selectedProperty().bindBidirectional(vm.noUnsubscribeProperty());
        int r = 0;
        g.addRow(r++, new Label("Campaign name"), text("nameField", vm.nameProperty(), "Spring newsletter"));
        g.addRow(r++, new Label("Accounts"), accountRow);
        g.addRow(r++, new Label("Unsubscribe mailto"), text("unsubMailto", vm.unsubscribeMailtoProperty(), "unsubscribe@example.com"));
        g.addRow(r++, new Label("Unsubscribe URL"), text("unsubUrl", vm.unsubscribeUrlProperty(), "https://example.com/u/[Token]"));
        g.addRow(r++, new Label("Unsubscribe server"), text("unsubServer", vm.unsubscribeServerProperty(),
                "https://news.example.com (broadside serve: one-click and the unsubscribe page)"));
        g.addRow(r++, new Label(""), none);
        TextField language = text("pageLanguage", vm.pageLanguageProperty(), "browser's language; or en, fr, de, es, or [Language]");
        g.addRow(r++, new Label("Page language"), language);
        CheckBox opens = new CheckBox("Count opens");
        opens.setId("trackOpens");
        opens.selectedProperty().bindBidirectional(vm.trackOpensProperty());
        CheckBox clicks = new CheckBox("Count clicks");
        clicks.setId("trackClicks");
        clicks.selectedProperty().bindBidirectional(vm.trackClicksProperty());
        Label trackingNote = new Label("through the unsubscribe server; off unless you choose it");
        trackingNote.getStyleClass().add("text-muted");
        g.addRow(r++, new Label("Tracking"), FormFields.row(12, opens, clicks, trackingNote));
        // Three numbers on one line, each as wide as a number: at full width they took three rows of the page, and
        // the domain check's findings below were squeezed to a sliver on a laptop screen.
        HBox retries = FormFields.row(8, number("retryField", vm.retryAfterSecondsProperty(), "60"), new Label("Attempts"),
                number("attemptsField", vm.maxAttemptsProperty(), "5"), new Label("Error budget (%)"),
                number("budgetField", vm.errorBudgetPercentProperty(), "50"));
        FormFields.keepLabels(retries);
        g.addRow(r, new Label("Retry after (s)"), retries);
        GridPane.setHgrow(accountRow, Priority.ALWAYS);
        Label problem = new Label();
        problem.setId("settingsProblem");
        problem.getStyleClass().add("danger");
        problem.textProperty().bind(vm.problemProperty());
        Label help = new Label("With several accounts, recipients rotate between them. Pacing and quotas belong to each account (Accounts window).");
        help.setWrapText(true);
        help.getStyleClass().add("text-muted");
        javafx.scene.control.Button check = new javafx.scene.control.Button("Check domain (SPF, DKIM, DMARC, MX)");
        check.setId("checkDomain");
        check.disableProperty().bind(vm.checkingDomainProperty());
        check.setOnAction(e -> vm.checkDomain());
        Label domainStatus = new Label();
        domainStatus.setId("domainStatus");
        domainStatus.setWrapText(true);
        domainStatus.textProperty().bind(vm.domainStatusProperty());
        javafx.scene.control.ListView<String> findings = new javafx.scene.control.ListView<>(vm.domainFindings());
        findings.setId("domainFindings");
        findings.setPrefHeight(160);
        findings.setMinHeight(110); // findings readable, never a sliver: the page scrolls instead
        org.broadside.ui.common.WrappedCells.wrap(findings);
        Label domainHead = new Label("Pre-send domain check");
        domainHead.getStyleClass().add("title-4");
        // Labels and buttons keep their text on a laptop screen; the fields give way.
        FormFields.keepLabels(g);
        check.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        javafx.scene.control.Hyperlink dkim = new javafx.scene.control.Hyperlink();
        dkim.setId("setUpDkim");
        dkim.textProperty().bind(javafx.beans.binding.Bindings.concat("Set up DKIM for ", vm.dkimDomainProperty(), "…"));
        dkim.visibleProperty().bind(vm.dkimDomainProperty().isNotEmpty());
        dkim.managedProperty().bind(dkim.visibleProperty());
        dkim.setOnAction(e -> vm.setUpDkim());
        HBox checkRow = FormFields.row(8, check, domainStatus);
        page.getChildren().addAll(g, problem, help, domainHead, checkRow, findings, dkim);
        Lifecycle.whileShowing(this, vm::activate, vm::deactivate);
    }

    private static TextField number(String id, javafx.beans.property.StringProperty p, String prompt) {
        TextField t = text(id, p, prompt);
        t.setPrefColumnCount(6);
        t.setMaxWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        return t;
    }

    private static TextField text(String id, javafx.beans.property.StringProperty p, String prompt) {
        TextField t = new TextField();
        t.setId(id);
        t.setPromptText(prompt);
        t.textProperty().bindBidirectional(p);
        t.setPrefColumnCount(36);
        return t;
    }
}
