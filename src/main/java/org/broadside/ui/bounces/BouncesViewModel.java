package org.broadside.ui.bounces;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.broadside.accounts.CredentialStore;
import org.broadside.accounts.Secrets;
import org.broadside.bounces.BounceClassifier;
import org.broadside.bounces.BounceKind;
import org.broadside.bounces.BounceRepository;
import org.broadside.bounces.ListedBounce;
import org.broadside.bounces.ListedBounce.CampaignName;
import org.broadside.bounces.MailboxAccount;
import org.broadside.bounces.MailboxConnector;
import org.broadside.bounces.MailboxException;
import org.broadside.bounces.MailboxRepository;
import org.broadside.bounces.MailboxScanner;
import org.broadside.bounces.ScanCancelledException;
import org.broadside.bounces.ScanReport;
import org.broadside.bounces.UndoResult;
import org.broadside.delivery.CampaignRepository;
import org.broadside.events.AppEvent;
import org.broadside.events.EventSource;
import org.broadside.store.Database;
import org.broadside.ui.common.BackgroundRunner;
import org.broadside.ui.common.StoreSubscription;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

/**
 * The bounces window's events: every recorded bounce, complaint, unsubscribe and automatic reply, newest first, with
 * filters by campaign and kind, a search, Undo per event, and "Scan now" over every mailbox with its progress. It
 * follows the store, so events recorded by the automatic scans (or the command line) appear while the window shows.
 */
public final class BouncesViewModel {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(BouncesViewModel.class);
    /** Enough for any screenful and for a search; the command line's "bounces list" shows more. */
    static final int LIMIT = 5_000;

    private final BounceRepository events;
    private final MailboxRepository mailboxes;
    private final CampaignRepository campaignRepository;
    private final MailboxScanner scanner;
    private final Supplier<CredentialStore> credentials;
    private final BackgroundRunner runner;
    private final ObservableList<ListedBounce> items = FXCollections.observableArrayList();
    private final ObservableList<CampaignName> campaigns = FXCollections.observableArrayList();
    private final ObjectProperty<CampaignName> campaignFilter = new SimpleObjectProperty<>();
    private final ObjectProperty<BounceKind> kindFilter = new SimpleObjectProperty<>();
    private final StringProperty search = new SimpleStringProperty("");
    private final StringProperty status = new SimpleStringProperty("");
    private final StringProperty summary = new SimpleStringProperty("");
    private final BooleanProperty scanning = new SimpleBooleanProperty();
    private final DoubleProperty scanProgress = new SimpleDoubleProperty();
    private final ObservableList<String> scanLines = FXCollections.observableArrayList();
    private final StoreSubscription store = new StoreSubscription(e -> {
        if (e instanceof AppEvent.BouncesChanged || e instanceof AppEvent.BlacklistChanged) refresh();
    });
    private BiConsumer<String, Long> logOpener = (campaign, recipient) -> { };
    private long refreshGeneration;
    private ScanRun run;
    private int shownVersion = -1;

    public BouncesViewModel(Database db, Supplier<CredentialStore> credentials, MailboxConnector connector, BackgroundRunner runner) {
        this.events = new BounceRepository(db);
        this.mailboxes = new MailboxRepository(db);
        this.campaignRepository = new CampaignRepository(db);
        this.credentials = credentials;
        this.runner = runner;
        // The store is asked for the password per scan, so building the window never opens the credential store.
        this.scanner = new MailboxScanner(db, new DeferredCredentials(credentials), connector, new BounceClassifier(Set.of()));
        campaignFilter.addListener((o, a, b) -> refresh());
        kindFilter.addListener((o, a, b) -> refresh());
        search.addListener((o, a, b) -> refresh());
    }

    public ObservableList<ListedBounce> items() { return items; }
    /** The campaigns that have events, for the campaign filter (null in the filter means all). */
    public ObservableList<CampaignName> campaigns() { return campaigns; }
    public ObjectProperty<CampaignName> campaignFilterProperty() { return campaignFilter; }
    public ObjectProperty<BounceKind> kindFilterProperty() { return kindFilter; }
    public StringProperty searchProperty() { return search; }
    /** What the last action did (a scan, an Undo), or what went wrong. */
    public StringProperty statusProperty() { return status; }
    /** How many events the table shows, and whether filters are on. */
    public StringProperty summaryProperty() { return summary; }
    public BooleanProperty scanningProperty() { return scanning; }
    /** Share of the current scan done, 0 to 1. */
    public DoubleProperty scanProgressProperty() { return scanProgress; }
    /** One line per mailbox of the current or last scan. */
    public ObservableList<String> scanLines() { return scanLines; }

    /** Where "Open connection log" leads: the shell opens the campaign's log at the recipient. */
    public void setLogOpener(BiConsumer<String, Long> opener) { this.logOpener = opener; }

    public void listenTo(EventSource source) { store.use(source); }

    /** The window shows: follow the store, and read what is there now. */
    public void activate() {
        store.open();
        refresh();
    }

    public void deactivate() { store.close(); }

    /** Shows one campaign's events of one kind (either may be null: all), as the Delivery panel's counts ask. */
    public void showCampaign(String campaignUid, BounceKind kind) {
        search.set("");
        kindFilter.set(kind);
        if (campaignUid == null) {
            campaignFilter.set(null);
            return;
        }
        CampaignName known = campaigns.stream().filter(c -> c.uid().equals(campaignUid)).findFirst().orElse(null);
        if (known != null) {
            campaignFilter.set(known);
            return;
        }
        runner.run(() -> campaignRepository.find(campaignUid).map(r -> new CampaignName(r.uid(), r.name()))
                .orElse(new CampaignName(campaignUid, "this campaign")), c -> {
            if (!campaigns.contains(c)) campaigns.add(0, c);
            campaignFilter.set(c);
        }, e -> status.set("The campaign could not be read: " + e.getMessage()));
    }

    /** Reads the events again with the current filters; a slower earlier read never overwrites a newer one. */
    public void refresh() {
        long mine = ++refreshGeneration;
        CampaignName campaign = campaignFilter.get();
        BounceKind kind = kindFilter.get();
        String text = search.get();
        runner.run(() -> new Read(events.find(campaign == null ? null : campaign.uid(), kind, text, LIMIT), events.campaignsWithEvents()), read -> {
            if (mine != refreshGeneration) return;
            List<CampaignName> choices = new ArrayList<>(read.campaigns());
            if (campaign != null && !choices.contains(campaign)) choices.add(0, campaign);
            if (!choices.equals(campaigns)) campaigns.setAll(choices);
            // setAll again after the choices: replacing them may have cleared the filter's value in a ComboBox.
            if (!Objects.equals(campaignFilter.get(), campaign)) campaignFilter.set(campaign);
            items.setAll(read.events());
            summary.set(describe(read.events().size(), campaign, kind, text));
        }, e -> status.set("The events could not be read: " + e.getMessage()));
    }

    private record Read(List<ListedBounce> events, List<CampaignName> campaigns) {}

    static String describe(int shown, CampaignName campaign, BounceKind kind, String search) {
        boolean filtered = campaign != null || kind != null || (search != null && !search.isBlank());
        if (shown == 0) return filtered ? "No event matches the filters." : "No events yet.";
        String n = String.format("%,d event%s", shown, shown == 1 ? "" : "s");
        return (shown >= LIMIT ? "The newest " + n : n) + (filtered ? " match the filters." : ".");
    }

    /** Scans every mailbox in the background, one after the other; progress shows through {@link #tick()}. */
    public void scanNow() {
        if (scanning.get()) return;
        scanning.set(true);
        scanProgress.set(0);
        scanLines.clear();
        status.set("Scanning the bounce mailboxes…");
        runner.run(() -> {
            List<MailboxAccount> all = mailboxes.list();
            ScanRun r = new ScanRun(all.size());
            run = r;
            return new Scanned(all.size(), scanAll(all, r), r.cancelled());
        }, done -> {
            scanning.set(false);
            tick();
            if (done.mailboxes() == 0) status.set("No bounce mailbox yet: add one on the Mailboxes tab with New mailbox, then press Scan now.");
            else if (done.cancelled()) status.set("Scan stopped. What was recorded before stays; the rest of the messages were not touched.");
            else status.set("Scan finished: " + done.recorded() + " new event" + (done.recorded() == 1 ? "" : "s") + " recorded.");
            refresh();
        }, e -> {
            scanning.set(false);
            status.set("The scan failed: " + e.getMessage());
        });
    }

    private record Scanned(int mailboxes, int recorded, boolean cancelled) {}

    /** Runs on the scan thread. One mailbox failing does not stop the others; Stop does. */
    private int scanAll(List<MailboxAccount> all, ScanRun r) {
        int recorded = 0;
        for (int i = 0; i < all.size() && !r.cancelled(); i++) {
            MailboxAccount m = all.get(i);
            r.started(i, m.name());
            char[] password = credentials.get().get(m.credentialKey()).orElse(null);
            if (password == null) {
                r.failed(i, m.name(), "no password is stored. Choose it on the Mailboxes tab, type the password and press Save.");
                continue;
            }
            try {
                ScanReport report = scanner.scan(m, password, false, r.progressOf(i, m.name()));
                recorded += (int) report.lines().stream().filter(l -> l.eventId() != null).count();
                r.finished(i, report);
            } catch (ScanCancelledException e) {
                r.failed(i, m.name(), "stopped before anything was recorded; the mailbox is as it was.");
            } catch (MailboxException e) {
                r.failed(i, m.name(), e.getMessage());
            } catch (RuntimeException e) {
                r.failed(i, m.name(), "the scan failed: " + org.broadside.diagnostics.FailureText.logged(LOG, "The scan of " + m.name() + " failed", e));
            } finally {
                Secrets.wipe(password);
            }
        }
        return recorded;
    }

    /** Stops the scan at the next message: the mailbox being read records nothing, the later ones are not read. */
    public void cancelScan() {
        ScanRun r = run;
        if (r != null && scanning.get()) {
            r.cancel();
            status.set("Stopping the scan…");
        }
    }

    /** Copies the scan thread's progress to the properties; called on the UI thread every 100 ms while the window shows. */
    public void tick() {
        ScanRun r = run;
        if (r == null || r.version() == shownVersion) return;
        shownVersion = r.version();
        scanLines.setAll(r.lines());
        scanProgress.set(r.done());
    }

    /** Takes back what the event did: its blacklist entry and contact flag; the row then shows it as undone. */
    public void undo(ListedBounce row) {
        if (row == null) return;
        if (!BounceWords.undoable(row.event())) {
            status.set(row.event().undone() ? "This event was undone already." : "This event changed nothing, so there is nothing to undo.");
            return;
        }
        String address = row.event().email();
        runner.run(() -> events.undo(row.event().id()), result -> {
            status.set(result == UndoResult.UNDONE ? "Undone: " + address + " is off the blacklist and no longer flagged, if this event had put it there."
                    : result == UndoResult.ALREADY_UNDONE ? "This event was undone already." : "This event no longer exists.");
            refresh();
        }, e -> status.set("Not undone: " + e.getMessage()));
    }

    /** Whether the event's campaign log can be opened: it was matched to a recipient of a campaign. */
    public boolean hasLog(ListedBounce row) {
        return row != null && row.campaignUid() != null && row.event().recipientId() != null;
    }

    public void openLog(ListedBounce row) {
        if (hasLog(row)) logOpener.accept(row.campaignUid(), row.event().recipientId());
    }
}
