package org.broadside.ui;

import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.stage.Stage;
import org.broadside.campaign.Campaign;
import org.broadside.campaign.CampaignDocument;
import org.broadside.campaign.CampaignFiles;
import org.broadside.campaign.CampaignFormatException;
import org.broadside.ui.accounts.AccountsView;
import org.broadside.ui.accounts.AccountsViewModel;
import org.broadside.ui.blacklist.BlacklistView;
import org.broadside.ui.blacklist.BlacklistViewModel;
import org.broadside.ui.common.FxDebounce;
import org.broadside.ui.delivery.DeliveryControls;
import org.broadside.ui.delivery.DeliveryView;
import org.broadside.ui.delivery.DeliveryViewModel;
import org.broadside.ui.imports.ImportWizard;
import org.broadside.ui.lists.ListManagerView;
import org.broadside.ui.lists.ListManagerViewModel;
import org.broadside.ui.log.ConnectionLogView;
import org.broadside.ui.log.ConnectionLogViewModel;
import org.broadside.ui.log.Explanations;
import org.broadside.ui.message.MessageView;
import org.broadside.ui.message.MessageViewModel;
import org.broadside.ui.preview.ComposerPreviewRenderer;
import org.broadside.ui.preview.PreviewView;
import org.broadside.ui.preview.PreviewViewModel;
import org.broadside.ui.recipients.RecipientsView;
import org.broadside.ui.recipients.RecipientsViewModel;
import org.broadside.ui.sandbox.SandboxInboxView;
import org.broadside.ui.sandbox.SandboxInboxViewModel;
import org.broadside.ui.settings.SettingsView;
import org.broadside.ui.settings.SettingsViewModel;
import org.broadside.ui.shell.CampaignDraft;
import org.broadside.ui.shell.MainWindow;
import org.broadside.ui.shell.MainWindowViewModel;
import org.broadside.ui.shell.Theme;
import org.broadside.ui.shell.WindowMemory;
import org.broadside.ui.shell.WindowMemory.DefaultSize;
import org.broadside.ui.shell.WindowPlacements;
import org.broadside.ui.shell.Windows;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Builds and opens the app's windows: one per campaign document, plus the managers and viewers. */
public final class AppWindows implements Windows {
    /** How long typing must pause before the preview renders and the checks run again. */
    private static final long DEBOUNCE_MILLIS = 300;
    private final AppServices services;
    private final WindowMemory memory;
    private final List<MainWindow> documents = new ArrayList<>();
    private Stage listManager;
    private Stage accounts;
    private Stage inbox;
    private Stage blacklist;
    private Stage dkim;
    private Stage guide;
    private org.broadside.ui.dkim.DkimViewModel dkimModel;

    private final StoreSwitch storeSwitch;
    private Stage teamStore;

    public AppWindows(AppServices services) {
        this(services, StoreSwitch.NONE);
    }

    public AppWindows(AppServices services, StoreSwitch storeSwitch) {
        this.services = services;
        this.storeSwitch = storeSwitch;
        this.memory = new WindowMemory(WindowPlacements.load(services.dataDirectory().resolve("windows.properties")));
    }

    public List<MainWindow> documents() { return documents; }

    @Override
    public void newDocument() {
        show(CampaignDraft.blank(Campaign.blank(UUID.randomUUID().toString(), "New campaign")
                .withRecipients(List.of("Sandbox"), null, null)));
    }

    @Override
    public void open(Path file) {
        for (MainWindow w : documents) {
            if (file.toAbsolutePath().normalize().equals(w.draft().file())) {
                w.stage().toFront();
                return;
            }
        }
        try {
            CampaignDocument doc = CampaignFiles.read(file);
            show(CampaignDraft.of(doc));
        } catch (CampaignFormatException e) {
            Alert a = new Alert(Alert.AlertType.ERROR, e.getMessage());
            a.setHeaderText("This campaign cannot be opened");
            a.showAndWait();
        }
    }

    /** Builds a document window with its five tabs, all editing the same draft. */
    public MainWindow show(CampaignDraft draft) {
        var runner = services.runner();
        MessageViewModel message = new MessageViewModel(draft, runner, services::fieldsOf, services::check);
        RecipientsViewModel recipients = new RecipientsViewModel(draft, services.contacts(), services.blacklist(), runner);
        SettingsViewModel settings = new SettingsViewModel(draft, services::accountNames, runner);
        message.listenTo(services.uiEvents());
        message.useDebounce(new FxDebounce(DEBOUNCE_MILLIS));
        recipients.listenTo(services.uiEvents());
        settings.listenTo(services.uiEvents());
        settings.setDomainChecker(doc -> org.broadside.compose.DomainSetupChecks.check(doc, services.database()));
        settings.setDkimOpener(this::dkim);
        PreviewViewModel preview = new PreviewViewModel(draft, services.contacts(), runner,
                new ComposerPreviewRenderer(services::tokenKey));
        preview.listenTo(services.uiEvents());
        preview.useDebounce(new FxDebounce(DEBOUNCE_MILLIS));
        // What is sent is the tidied e-mail document, even when Send is pressed while the HTML source is being edited.
        DeliveryViewModel delivery = new DeliveryViewModel(() -> {
            message.tidyIfEditingSource();
            return draft.document();
        }, services.campaignRunner(), services.campaigns(), runner);
        delivery.setLogOpener(item -> connectionLog(draft.document().uid(), item.id()));
        delivery.followBounces(services.uiEvents(), (uid, kind) -> bouncesWindow().show(uid, kind));
        delivery.setNewCampaign(() -> draft.update(c -> c.withId(UUID.randomUUID().toString())));
        delivery.load();
        DeliveryControls controls = new DeliveryControls(delivery);
        DeliveryView deliveryView = new DeliveryView(delivery);
        deliveryView.setOnReport(() -> report(draft));
        MainWindowViewModel windowModel = new MainWindowViewModel(draft, services.recent(),
                services.database().isTeamStore() ? services.database().describe() : null);
        windowModel.setBeforeSave(message::tidyIfEditingSource);
        MainWindow w = new MainWindow(new Stage(), windowModel,
                new MainWindow.Panels(new MessageView(message), new RecipientsView(recipients, this::listManager),
                        new SettingsView(settings), new PreviewView(preview), deliveryView, controls),
                services.recent(), this);
        controls.setOnShowDelivery(() -> w.show("Delivery"));
        delivery.setOnRunStarted(() -> w.show("Delivery"));
        w.showAppStatus(schedulerStatus);
        documents.add(w);
        // 80% of the screen on first start (more on a small one): the message editor needs the room.
        memory.remember(w.stage(), "document", DefaultSize.shareOfScreen(0.8, 1180, 760));
        // The problems panel is the Message tab's, built elsewhere: it follows the store for as long as its window is open.
        message.activate();
        // A scheduled run of this campaign (by the app's scheduler) shows here when the scheduler's sentence changes,
        // i.e. when such a run starts or ends. Not on every state change of the campaign: this window's own run ends
        // with one too, and reading the store then would overwrite the answer Send has just given.
        javafx.beans.value.ChangeListener<String> scheduledRuns = (o, before, now) -> {
            if (!delivery.runningProperty().get()) delivery.load();
        };
        schedulerStatus.addListener(scheduledRuns);
        w.stage().setOnHidden(e -> {
            schedulerStatus.removeListener(scheduledRuns);
            message.deactivate();
            documents.remove(w);
            // A closed window has no Pause or Stop button left: stop its send (open transactions finish; Resume later).
            if (delivery.runningProperty().get()) delivery.stop();
        });
        w.stage().show();
        return w;
    }

    @Override
    public void listManager() {
        if (listManager == null) {
            ListManagerViewModel vm = new ListManagerViewModel(services.contacts(), services.runner());
            vm.listenTo(services.uiEvents());
            vm.useBlacklist(services.blacklist());
            vm.useCredentials(services::credentials);
            // The view follows the store while it shows (an import publishes its list), so nothing to do after one.
            listManager = stage("listManager", "Lists and contacts — Broadside", new ListManagerView(vm,
                    () -> importWizard(services, () -> { }).into(vm.selectedProperty().get() == null ? null
                            : vm.selectedProperty().get().name()).show(listManager, memory)), 1100, 700);
        }
        listManager.show();
        listManager.toFront();
    }

    @Override
    public void accounts() {
        if (accounts == null) {
            AccountsViewModel vm = new AccountsViewModel(services.accounts(), services::credentials, services.runner());
            accounts = stage("accounts", "Accounts — Broadside", new AccountsView(vm), 1000, 800);
            vm.listenTo(services.uiEvents());
            accounts.setOnShown(e -> vm.activate());
            accounts.setOnHidden(e -> vm.deactivate());
        }
        accounts.show();
        accounts.toFront();
    }

    @Override
    public void blacklist() {
        if (blacklist == null) {
            BlacklistViewModel vm = new BlacklistViewModel(services.blacklist(), services.runner());
            vm.listenTo(services.uiEvents());
            blacklist = stage("blacklist", "Blacklist — Broadside", new BlacklistView(vm), 900, 600);
        }
        blacklist.show();
        blacklist.toFront();
    }

    @Override
    public void scanBounceMailboxes() {
        bouncesWindow().scanNow();
    }

    @Override
    public void pullUnsubscribes() {
        UnsubscribeServerPulls pulls = services.serverPulls();
        services.runner().run(pulls::pullNow, lines -> {
            String text = lines.isEmpty()
                    ? "No Broadside server is set up. Add one in Tools > Unsubscribe servers… with the key \"broadside serve --init\" showed."
                    : String.join("\n", lines);
            Alert a = new Alert(Alert.AlertType.INFORMATION, text);
            a.setHeaderText("Unsubscribes from Broadside servers");
            a.setTitle("Pull unsubscribes — Broadside");
            a.show();
        }, e -> {
            Alert a = new Alert(Alert.AlertType.ERROR, e.getMessage());
            a.setHeaderText("Pulling unsubscribes failed");
            a.show();
        });
    }

    @Override
    public void unsubscribeServers() {
        if (unsubscribeServers == null) {
            UnsubscribeServerPulls pulls = services.serverPulls();
            var vm = new org.broadside.ui.servers.UnsubscribeServersViewModel(
                    new org.broadside.unsubscribe.UnsubscribeServerRepository(services.database()),
                    new org.broadside.unsubscribe.KnownServers(services.database(), services::credentials), pulls::pull,
                    services.runner(), java.time.ZoneId.systemDefault());
            pulls.afterTimedPull(() -> javafx.application.Platform.runLater(vm::refresh));
            // The credential store's name only: opening it (a passphrase prompt, perhaps) waits until a key is saved.
            unsubscribeServers = stage("unsubscribeServers", "Unsubscribe servers — Broadside",
                    new org.broadside.ui.servers.UnsubscribeServersView(vm, "the credential store"), 960, 700);
        }
        unsubscribeServers.show();
        unsubscribeServers.toFront();
    }

    private Stage unsubscribeServers;

    @Override
    public void sandboxInbox() {
        if (inbox == null) {
            inbox = stage("sandboxInbox", "Sandbox inbox — Broadside", new SandboxInboxView(new SandboxInboxViewModel(services.sandbox(), services.runner())), 1000, 680);
        }
        inbox.show();
        inbox.toFront();
    }

    @Override
    public void connectionLog(String campaignUid, long recipientId) {
        ConnectionLogViewModel vm = new ConnectionLogViewModel(services.campaigns(), services.runner(), Explanations::explain);
        Stage s = stage("connectionLog", "Connection log — Broadside", new ConnectionLogView(vm), 1100, 700);
        s.show();
        services.campaigns().find(campaignUid).ifPresentOrElse(r -> {
                    vm.exportIn(services.campaigns().documentFolder(campaignUid).orElse(null));
                    vm.load(r, recipientId);
                }, () -> vm.statusProperty().set("This campaign has not been sent yet, so there is no log."));
    }

    /** A tool window with its remembered place ({@code name} is its key in windows.properties), else w x h centred. */
    @Override
    public void quit() {
        for (MainWindow w : List.copyOf(documents)) {
            if (!w.closeAsking()) return;
        }
        // Closing the last window stops its send; the application's stop() closes the store and the Sandbox.
        javafx.application.Platform.exit();
    }

    @Override
    public boolean onTeamStore() { return services.database().isTeamStore(); }

    @Override
    public void openTeamStore() {
        if (refuseWhileSending()) return;
        if (teamStore != null && teamStore.isShowing()) {
            teamStore.toFront();
            return;
        }
        var vm = new org.broadside.ui.teamstore.TeamStoreViewModel(services.dataDirectory(), services::credentials, services.runner());
        Stage[] stage = new Stage[1];
        var view = new org.broadside.ui.teamstore.TeamStoreView(vm, services.database().describe(),
                storeSwitch::moveTo, () -> stage[0].close());
        stage[0] = stage("teamStore", "Open team store — Broadside", view, 640, 400);
        teamStore = stage[0];
        teamStore.show();
    }

    @Override
    public void useThisComputersStore() {
        if (!services.database().isTeamStore() || refuseWhileSending()) return;
        org.broadside.store.Database local;
        try {
            local = org.broadside.store.Database.open(services.dataDirectory());
        } catch (RuntimeException e) {
            info("This computer's store cannot be opened", org.broadside.diagnostics.FailureText.of(e));
            return;
        }
        if (!storeSwitch.moveTo(local)) {
            local.close();
            return;
        }
        try {
            org.broadside.store.SavedTeamStore.clear(local.directory());
        } catch (RuntimeException e) {
            info("The team store is still remembered", org.broadside.diagnostics.FailureText.of(e)
                    + "\n\nBroadside will open the team store again at its next start.");
        }
    }

    /** Moving to another store would stop a send halfway: say so instead. */
    private boolean refuseWhileSending() {
        if (!services.isSending()) return false;
        info("A campaign is sending", "A campaign is sending on " + services.database().describe()
                + ". Stop it (it resumes where it stopped) or let it finish before moving to another store.");
        return true;
    }

    @Override
    public void openDataFolder() {
        Path folder = services.dataDirectory();
        services.runner().run(() -> {
            org.broadside.ui.message.FileOpener.desktop().open(folder);
            return folder;
        }, f -> { }, e -> info("The data folder could not be opened", e.getMessage() + "\n\nIt is at " + folder));
    }

    @Override
    public void copyDiagnostics() {
        String report = org.broadside.ui.shell.Diagnostics.report(services.dataDirectory(),
                services.database().describe(), org.broadside.ui.common.UnexpectedErrors.recent());
        javafx.scene.input.ClipboardContent content = new javafx.scene.input.ClipboardContent();
        content.putString(report);
        javafx.scene.input.Clipboard.getSystemClipboard().setContent(content);
        info("Diagnostics copied", "Paste them into your report. They hold no passwords and no messages:\n\n" + report);
    }

    @Override
    public void about() {
        info("Broadside " + org.broadside.ui.shell.Diagnostics.version(),
                "A desktop bulk mailer and mail-merge application.\nJava " + System.getProperty("java.version")
                        + ", JavaFX " + System.getProperty("javafx.runtime.version", "") + "\n\n"
                        + org.broadside.ui.shell.Diagnostics.licences());
    }

    private static void info(String header, String text) {
        org.broadside.ui.common.TextDialog.show(header, text, false);
    }

    private Stage stage(String name, String title, Parent root, double w, double h) {
        Stage s = new Stage();
        // Every window says it works on the team store, not only the campaign windows: a contact edited in the list
        // manager must not be taken for an edit of this computer's list.
        boolean shared = services.database().isTeamStore() && !name.equals("teamStore");
        s.setTitle(shared ? title + " — " + services.database().describe() : title);
        Scene scene = new Scene(root, w, h);
        scene.getStylesheets().add(Theme.appStylesheet());
        s.setScene(scene);
        org.broadside.ui.common.CloseShortcut.install(s);
        memory.remember(s, name, DefaultSize.fixed(w, h));
        return s;
    }

    @Override
    public void sendTest(CampaignDraft draft) {
        org.broadside.ui.testsend.TestSendViewModel vm = new org.broadside.ui.testsend.TestSendViewModel(draft::document,
                services.contacts(), () -> new org.broadside.compose.testsend.TestSend(services.database(), services.credentials()),
                new org.broadside.compose.testsend.TestSendPreferences(services.dataDirectory()), services.runner(),
                javafx.application.Platform::runLater, new java.util.Random());
        stage("sendTest", "Send a test: " + draft.displayName() + " — Broadside", new org.broadside.ui.testsend.TestSendView(vm), 1000, 680).show();
    }

    @Override
    public void schedule(CampaignDraft draft) {
        org.broadside.ui.schedule.ScheduleDialogViewModel vm = new org.broadside.ui.schedule.ScheduleDialogViewModel(
                draft.document().uid(), draft.displayName(), draft::file, draft::isDirty,
                new org.broadside.schedule.ScheduleRepository(services.database()), services.runner(), java.time.Clock.systemDefaultZone(),
                () -> org.broadside.ui.delivery.SendPlans.nothingDueSentence(new org.broadside.delivery.CampaignRepository(services.database()),
                        draft.document()));
        Stage[] s = new Stage[1];
        s[0] = stage("schedule", "Schedule: " + draft.displayName() + " — Broadside",
                new org.broadside.ui.schedule.ScheduleDialogView(vm, () -> s[0].close()), 640, 560);
        s[0].show();
    }

    @Override
    public void scheduledCampaigns() {
        if (scheduledCampaigns == null) {
            org.broadside.ui.schedule.ScheduledCampaignsViewModel vm = new org.broadside.ui.schedule.ScheduledCampaignsViewModel(
                    new org.broadside.schedule.ScheduleRepository(services.database()), services.runner(),
                    java.time.Clock.systemDefaultZone(), this::open);
            vm.listenTo(services.uiEvents());
            vm.setLookNow(() -> {
                if (watcher != null) watcher.lookNow();
            });
            scheduledCampaigns = stage("scheduledCampaigns", "Scheduled campaigns — Broadside",
                    new org.broadside.ui.schedule.ScheduledCampaignsView(vm), 1100, 500);
        }
        scheduledCampaigns.show();
        scheduledCampaigns.toFront();
    }

    private Stage scheduledCampaigns;
    /** What the scheduler does or starts next, shown in every document window's status bar. */
    private final javafx.beans.property.StringProperty schedulerStatus = new javafx.beans.property.SimpleStringProperty("");
    private org.broadside.schedule.ScheduleWatcher watcher;

    /**
     * Starts scheduled delivery while the app is open: first asks about starts that passed while it was closed (run
     * now, later, or cancel), then looks for due campaigns every 15 seconds.
     */
    public void startScheduler() {
        var repo = new org.broadside.schedule.ScheduleRepository(services.database());
        // The credential store opens only when a scheduled run needs a password, never at start-up.
        var credentials = new org.broadside.accounts.LazyCredentialStore(services::credentials);
        var runs = new org.broadside.schedule.ScheduledRuns(repo,
                org.broadside.compose.CampaignSender.create(services.database(), credentials),
                org.broadside.schedule.Claimant.self(org.broadside.schedule.Claimant.Kind.APP), java.time.Clock.systemUTC(),
                java.time.Duration.ofSeconds(1));
        watcher = new org.broadside.schedule.ScheduleWatcher(repo, runs, java.time.Clock.systemUTC(),
                text -> javafx.application.Platform.runLater(() -> schedulerStatus.set(text)));
        services.runner().run(watcher::missed, missed -> {
            for (var s : missed) org.broadside.ui.schedule.MissedStart.ask(s, repo);
            watcher.start(java.time.Duration.ofSeconds(15));
        }, e -> schedulerStatus.set("Scheduled sending is off: " + e.getMessage()));
    }

    /** Stops the scheduler with the app (a run in progress finishes its open transactions; the rest waits). */
    public void stopScheduler() {
        if (watcher != null) watcher.close();
    }

    @Override
    public void bounces() {
        bouncesWindow().show();
    }

    private org.broadside.ui.bounces.BouncesWindow bouncesWindow;

    /** The Bounces and unsubscribes window, built at first use. */
    private org.broadside.ui.bounces.BouncesWindow bouncesWindow() {
        if (bouncesWindow == null) {
            bouncesWindow = new org.broadside.ui.bounces.BouncesWindow(services.database(), services::credentials, services.runner(),
                    services.uiEvents(), root -> stage("bounces", "Bounces and unsubscribes — Broadside", root, 1180, 720),
                    this::connectionLog);
        }
        return bouncesWindow;
    }

    @Override
    public void report(CampaignDraft draft) {
        String uid = draft.document().uid();
        org.broadside.report.DeliverySummaryRepository summaries = new org.broadside.report.DeliverySummaryRepository(services.database());
        org.broadside.ui.report.ReportViewModel vm = new org.broadside.ui.report.ReportViewModel(uid, summaries::summarize,
                (campaign, target) -> org.broadside.ui.delivery.ReportExport.write(services.campaigns(),
                        services.campaigns().find(campaign).orElseThrow().id(), target),
                services.runner(), java.time.ZoneId.systemDefault());
        vm.exportIn(draft.document().fileFolder());
        vm.listenTo(services.uiEvents());
        stage("report", "Report: " + draft.displayName() + " — Broadside", new org.broadside.ui.report.ReportView(vm), 1180, 760).show();
    }

    @Override
    public void dkim(String domain) {
        if (dkim == null) {
            List<String> froms = documents.stream().map(w -> w.draft().campaign().from()).toList();
            List<Path> recent = List.copyOf(services.recent().files());
            dkimModel = new org.broadside.ui.dkim.DkimViewModel(new org.broadside.deliverability.dkim.DkimKeyStore(services.dataDirectory()),
                    () -> org.broadside.ui.dkim.SendingDomains.of(froms, recent,
                            services.accounts().list().stream().map(org.broadside.accounts.Account::username).filter(java.util.Objects::nonNull).toList()),
                    org.broadside.deliverability.dns.DnsjavaLookup.system(), services.runner(), java.time.Clock.systemDefaultZone());
            dkim = stage("dkim", "DKIM keys — Broadside", new org.broadside.ui.dkim.DkimView(dkimModel), 900, 720);
            dkimModel.load(domain);
        } else if (domain != null) {
            dkimModel.select(domain);
        }
        dkim.show();
        dkim.toFront();
    }

    @Override
    public void userGuide() {
        if (guide == null) {
            guide = stage("userGuide", "User guide — Broadside", new org.broadside.ui.help.UserGuideView(Theme.isDark(), url ->
                    services.runner().run(() -> {
                        org.broadside.ui.help.SystemBrowser.open(url);
                        return url;
                    }, u -> { }, e -> info("The link could not be opened", e.getMessage() + "\n\nThe address is " + url))), 960, 760);
        }
        ((org.broadside.ui.help.UserGuideView) guide.getScene().getRoot()).setDark(Theme.isDark());
        guide.show();
        guide.toFront();
    }

    @Override
    public void newFromTemplate() {
        org.broadside.ui.templates.TemplatesDialog.show(new org.broadside.ui.templates.TemplatesViewModel(
                new org.broadside.campaign.Templates(services.dataDirectory()), services.runner(), () -> UUID.randomUUID().toString()),
                c -> show(new CampaignDraft(c, null)), Theme.appStylesheet());
    }

    @Override
    public void saveAsTemplate(CampaignDraft draft) {
        org.broadside.ui.templates.SaveAsTemplate.ask(draft.campaign(), new org.broadside.campaign.Templates(services.dataDirectory()),
                services.runner());
    }


    /** The import wizard on the app's store, runner, credentials and events. */
    static ImportWizard importWizard(AppServices services, Runnable onImported) {
        var vm = new org.broadside.ui.imports.ImportWizardViewModel(services.database(), services.runner(), services::credentials, onImported);
        vm.listenTo(services.uiEvents());
        return new ImportWizard(vm);
    }
}
