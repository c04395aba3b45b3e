package org.broadside.ui.shell;

import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.Region;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import org.broadside.ui.common.Icons;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;

/** One campaign document's window: menus, the five MaxBulk tabs and a status line. */
public final class MainWindow {
    private final Stage stage;
    private final MainWindowViewModel vm;
    private final TabPane tabs;
    private final Windows windows;
    private HBox statusBar;

    /**
     * The tab contents, built by the caller from the same draft, and optionally the delivery controls (Send, Pause,
     * Resume, Stop and status) that every tab shows beside the menus.
     */
    public record Panels(javafx.scene.Node message, javafx.scene.Node recipients, javafx.scene.Node settings,
                         javafx.scene.Node preview, javafx.scene.Node delivery, javafx.scene.Node controls) {
        public Panels(javafx.scene.Node message, javafx.scene.Node recipients, javafx.scene.Node settings,
                      javafx.scene.Node preview, javafx.scene.Node delivery) {
            this(message, recipients, settings, preview, delivery, null);
        }
    }

    public MainWindow(Stage stage, MainWindowViewModel vm, Panels panels, RecentFiles recent, Windows windows) {
        this.stage = stage;
        this.vm = vm;
        this.windows = windows;
        tabs = new TabPane(
                tab("Message", Icons.message(), panels.message()),
                tab("Recipients", Icons.recipients(), panels.recipients()),
                tab("Settings", Icons.settings(), panels.settings()),
                tab("Preview", Icons.preview(), panels.preview()),
                tab("Delivery", Icons.delivery(), panels.delivery()));
        tabs.setId("documentTabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        Label status = new Label();
        status.setId("windowStatus");
        status.textProperty().bind(vm.messageProperty());
        statusBar = new HBox(status);
        statusBar.getStyleClass().add("status-bar");
        BorderPane root = new BorderPane(tabs, withControls(menus(recent), panels.controls()), null, statusBar, null);
        Scene scene = new Scene(root, 1180, 780);
        scene.getStylesheets().add(Theme.appStylesheet());
        stage.setScene(scene);
        stage.setMinWidth(800);
        stage.setMinHeight(560);
        stage.titleProperty().bind(vm.titleProperty());
        stage.setOnCloseRequest(e -> {
            if (!confirmClose()) e.consume();
        });
    }

    public Stage stage() { return stage; }

    /** Adds an app-wide sentence at the right of the status bar (the scheduler's next start or its run). */
    public void showAppStatus(javafx.beans.value.ObservableValue<String> text) {
        Label l = new Label();
        l.setId("appStatus");
        l.getStyleClass().add("text-muted");
        l.textProperty().bind(text);
        javafx.scene.layout.Region grow = new javafx.scene.layout.Region();
        HBox.setHgrow(grow, javafx.scene.layout.Priority.ALWAYS);
        statusBar.getChildren().addAll(grow, l);
    }

    /** The menus, and at their right the delivery controls: reachable from every tab without a row of their own. */
    private static javafx.scene.Node withControls(MenuBar menus, javafx.scene.Node controls) {
        if (controls == null) return menus;
        HBox.setHgrow(menus, javafx.scene.layout.Priority.ALWAYS);
        HBox top = new HBox(menus, controls);
        top.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        return top;
    }

    public CampaignDraft draft() { return vm.draft(); }

    public TabPane tabs() { return tabs; }

    /** Selects a tab by its title. */
    public void show(String tabTitle) {
        tabs.getTabs().stream().filter(t -> t.getText().equals(tabTitle)).findFirst().ifPresent(t -> tabs.getSelectionModel().select(t));
    }

    private MenuBar menus(RecentFiles recent) {
        Menu file = new Menu("_File");
        MenuItem newDoc = item("_New campaign", "Shortcut+N", e -> windows.newDocument());
        MenuItem open = item("_Open…", "Shortcut+O", e -> chooseAndOpen());
        Menu recentMenu = new Menu("Open _Recent");
        recentMenu.setOnShowing(e -> fillRecent(recentMenu, recent));
        fillRecent(recentMenu, recent);
        MenuItem save = item("_Save", "Shortcut+S", e -> save(false));
        MenuItem saveAs = item("Save _As…", "Shortcut+Shift+S", e -> save(true));
        MenuItem close = item("_Close window", "Shortcut+W", e -> {
            if (confirmClose()) stage.close();
        });
        MenuItem quit = item("_Quit", "Shortcut+Q", e -> windows.quit());
        MenuItem fromTemplate = item("New from _template…", "Shortcut+Shift+N", e -> windows.newFromTemplate());
        MenuItem saveTemplate = new MenuItem("Save as t_emplate…");
        saveTemplate.setOnAction(e -> windows.saveAsTemplate(vm.draft()));
        MenuItem teamStore = new MenuItem("Open _team store…");
        teamStore.setId("menuOpenTeamStore");
        teamStore.setOnAction(e -> windows.openTeamStore());
        MenuItem localStore = new MenuItem("Use this _computer's store");
        localStore.setId("menuLocalStore");
        localStore.setOnAction(e -> windows.useThisComputersStore());
        file.setOnShowing(e -> localStore.setDisable(!windows.onTeamStore()));
        localStore.setDisable(!windows.onTeamStore());
        file.getItems().addAll(newDoc, fromTemplate, open, recentMenu, new SeparatorMenuItem(), save, saveAs, saveTemplate,
                new SeparatorMenuItem(), teamStore, localStore, new SeparatorMenuItem(), close, quit);

        Menu view = new Menu("_View");
        String[] names = {"Message", "Recipients", "Settings", "Preview", "Delivery"};
        for (int i = 0; i < names.length; i++) {
            int index = i;
            view.getItems().add(item(names[i], "Shortcut+" + (i + 1), e -> tabs.getSelectionModel().select(index)));
        }
        CheckMenuItem dark = new CheckMenuItem("_Dark theme");
        dark.setSelected(Theme.isDark());
        dark.setAccelerator(KeyCombination.keyCombination("Shortcut+Shift+D"));
        dark.setOnAction(e -> Theme.setDark(dark.isSelected()));
        view.getItems().addAll(new SeparatorMenuItem(), dark);

        Menu campaign = new Menu("_Campaign");
        campaign.getItems().addAll(
                item("Send _test…", "Shortcut+T", e -> windows.sendTest(vm.draft())),
                item("_Schedule…", "Shortcut+Shift+T", e -> windows.schedule(vm.draft())),
                item("_Report", "Shortcut+R", e -> windows.report(vm.draft())),
                item("Connection _log…", "Shortcut+Shift+L", e -> windows.connectionLog(vm.draft().document().uid(), 0)));

        Menu tools = new Menu("_Tools");
        tools.getItems().addAll(
                item("_Lists and contacts…", "Shortcut+L", e -> windows.listManager()),
                item("_Accounts…", "Shortcut+Shift+A", e -> windows.accounts()),
                item("_Blacklist…", "Shortcut+Shift+B", e -> windows.blacklist()),
                item("Bo_unces and unsubscribes…", "Shortcut+Shift+U", e -> windows.bounces()),
                item("Scan _bounce mailboxes now", "Shortcut+Shift+M", e -> windows.scanBounceMailboxes()),
                item("_Pull unsubscribes from servers now", "Shortcut+Shift+P", e -> windows.pullUnsubscribes()),
                item("Unsubscribe _servers…", "Shortcut+Shift+R", e -> windows.unsubscribeServers()),
                item("Scheduled _campaigns…", "Shortcut+Shift+E", e -> windows.scheduledCampaigns()),
                item("_DKIM keys…", "Shortcut+Shift+K", e -> windows.dkim(null)),
                item("Sandbox _inbox…", "Shortcut+I", e -> windows.sandboxInbox()));
        Menu help = new Menu("_Help");
        MenuBar bar = new MenuBar(file, view, campaign, tools, help);
        help.getItems().addAll(
                item("_User guide", "F1", e -> windows.userGuide()),
                item("_Keyboard shortcuts", "Shift+F1", e -> showShortcuts(bar)),
                item("Open _data folder", "Shortcut+Shift+O", e -> windows.openDataFolder()),
                item("_Copy diagnostics", "Shortcut+Shift+C", e -> windows.copyDiagnostics()),
                new SeparatorMenuItem(),
                item("_About Broadside", "Shortcut+Shift+F1", e -> windows.about()));
        bar.setId("menuBar");
        return bar;
    }

    /** Every shortcut of the menus, read from the menus themselves so the list can never disagree with them. */
    static String shortcuts(MenuBar bar) {
        StringBuilder sb = new StringBuilder();
        for (Menu m : bar.getMenus()) {
            for (MenuItem i : m.getItems()) {
                if (i.getAccelerator() == null) continue;
                sb.append(String.format("%-22s %s / %s%n", i.getAccelerator().getDisplayText(), m.getText().replace("_", ""),
                        i.getText().replace("_", "")));
            }
        }
        sb.append(String.format("%-22s %s%n", KeyCombination.keyCombination("Shortcut+Enter").getDisplayText(), "Send the campaign (any tab)"));
        sb.append(String.format("%-22s %s%n", "Ctrl+B / I / U / K", "Bold, italic, underline, link (visual HTML editor)"));
        sb.append(String.format("%-22s %s%n", org.broadside.ui.common.CloseShortcut.KEYS.getDisplayText(),
                "Close a tool window (connection log, lists, accounts, …)"));
        return sb.toString();
    }

    private void showShortcuts(MenuBar bar) {
        org.broadside.ui.common.TextDialog.show("Keyboard shortcuts", shortcuts(bar), true);
    }

    /** Asks about unsaved edits and closes; false when the user kept the window open. */
    public boolean closeAsking() {
        if (!confirmClose()) return false;
        stage.close();
        return true;
    }

    private void fillRecent(Menu menu, RecentFiles recent) {
        menu.getItems().setAll(recent.files().stream().map(p -> {
            MenuItem m = new MenuItem(p.getFileName() + "  —  " + p.getParent());
            m.setMnemonicParsing(false);
            m.setOnAction(e -> windows.open(p));
            return m;
        }).toList());
        if (menu.getItems().isEmpty()) {
            MenuItem none = new MenuItem("(none yet)");
            none.setDisable(true);
            menu.getItems().add(none);
        }
    }

    private void chooseAndOpen() {
        FileChooser chooser = chooser("Open a campaign");
        File f = chooser.showOpenDialog(stage);
        if (f != null) windows.open(f.toPath());
    }

    /** Saves; answers false when the user cancelled the file chooser or saving failed. */
    boolean save(boolean askForFile) {
        Path target = null;
        if (askForFile || vm.needsFile()) {
            FileChooser chooser = chooser("Save the campaign");
            chooser.setInitialFileName(org.broadside.ui.common.ExportChooser.safe(vm.draft().displayName()) + ".json");
            File f = chooser.showSaveDialog(stage);
            if (f == null) return false;
            target = f.toPath();
        }
        boolean saved = vm.save(target);
        String refusal = vm.refusalProperty().get();
        if (!saved && refusal != null) {
            vm.refusalProperty().set(null);
            // A dialog, not only the status line: the user believes the campaign is saved until told otherwise.
            Alert alert = new Alert(Alert.AlertType.WARNING, refusal, ButtonType.OK);
            alert.initOwner(stage);
            alert.setHeaderText("Not saved: someone else changed this campaign");
            alert.getDialogPane().setMinHeight(Region.USE_PREF_SIZE);
            alert.showAndWait();
        }
        return saved;
    }

    /** Asks about unsaved edits; true when the window may close. */
    boolean confirmClose() {
        if (!vm.draft().isDirty()) return true;
        Optional<ButtonType> answer = UnsavedChanges.ask(stage, vm.draft().displayName());
        if (answer.isEmpty() || answer.get() == ButtonType.CANCEL) return false;
        return answer.get() != UnsavedChanges.SAVE || save(false);
    }

    private static FileChooser chooser(String title) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Campaign documents (*.json)", "*.json"));
        return chooser;
    }

    private static MenuItem item(String text, String shortcut, Consumer<javafx.event.ActionEvent> action) {
        MenuItem m = new MenuItem(text);
        m.setAccelerator(KeyCombination.keyCombination(shortcut));
        m.setOnAction(action::accept);
        return m;
    }

    private static Tab tab(String title, javafx.scene.Node icon, javafx.scene.Node content) {
        Tab t = new Tab(title, content);
        t.setGraphic(icon);
        t.setId("tab-" + title.toLowerCase());
        return t;
    }
}
