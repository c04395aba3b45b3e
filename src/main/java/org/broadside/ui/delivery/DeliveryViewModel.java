package org.broadside.ui.delivery;

import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;
import org.broadside.bounces.BounceCounts;
import org.broadside.bounces.BounceRepository;
import org.broadside.campaign.CampaignDocument;
import org.broadside.compose.PreSendCheckFailed;
import org.broadside.delivery.CampaignRecord;
import org.broadside.delivery.CampaignRepository;
import org.broadside.delivery.CampaignStatus;
import org.broadside.delivery.Progress;
import org.broadside.delivery.RecipientState;
import org.broadside.delivery.RunHandle;
import org.broadside.delivery.SendingRuns;
import org.broadside.ui.common.BackgroundRunner;

import java.io.IOException;
import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The Delivery panel: Send/Pause/Resume/Stop, counts, rate, time left, a banner for account problems and for a Send
 * that did not start, account badges, and a table of every recipient read from the store page by page with live
 * receipts on top. Events are applied in {@link #tick()}, which the views call every 100 ms: one change per tick.
 */
public final class DeliveryViewModel {
    private static final String SENDING = "Sending";
    /** The status while a run is on but every account waits for its next try (followed by the time). */
    static final String WAITING = "Waiting until ";
    /** Ticks (of 100 ms) between re-reads of the visible pages during a run: their retry times and states from the store. */
    private static final int REFRESH_TICKS = 10;

    private final Supplier<CampaignDocument> document;
    private final CampaignRunner runner;
    private final CampaignRepository campaigns;
    private final BackgroundRunner background;
    private final SendPlanner planner;
    private final ConfirmationThreshold thresholdFile;
    private final RecipientPages table;
    private final ObservableMap<RecipientState, Long> counts = FXCollections.observableMap(new EnumMap<>(RecipientState.class));
    private final ObjectProperty<RecipientState> filter = new SimpleObjectProperty<>();
    private final DoubleProperty progress = new SimpleDoubleProperty();
    private final StringProperty rate = new SimpleStringProperty("–");
    private final StringProperty timeLeft = new SimpleStringProperty("");
    private final StringProperty status = new SimpleStringProperty("Not sent yet");
    /** The last export's outcome, as {@link #afterExport} added it to the status line. */
    private String exportOutcome;
    private final StringProperty bounces = new SimpleStringProperty("");
    private final ObjectProperty<BounceCounts> bounceCounts = new SimpleObjectProperty<>();
    /** Opens and clicks of a campaign that tracks them (null: it does not, or nothing was read yet). */
    private final ObjectProperty<org.broadside.unsubscribe.TrackingRepository.Totals> tracking = new SimpleObjectProperty<>();
    private final javafx.collections.ObservableList<org.broadside.unsubscribe.TrackingRepository.LinkClicks> linkClicks =
            javafx.collections.FXCollections.observableArrayList();
    private java.util.function.BiConsumer<String, org.broadside.bounces.BounceKind> bounceOpener = (uid, kind) -> { };
    private final org.broadside.ui.common.StoreSubscription bounceEvents = new org.broadside.ui.common.StoreSubscription(e -> {
        if (e instanceof org.broadside.events.AppEvent.BouncesChanged || e instanceof org.broadside.events.AppEvent.BlacklistChanged) refreshBounces();
        // Opens and clicks a pull brought (unsubscribes arrive as the bounce events above, which read tracking too).
        else if (e instanceof org.broadside.events.AppEvent.TrackingChanged) refreshTracking();
        // Another process started or ended a run of this campaign (the command line, a second desktop on a team store).
        else if (e instanceof org.broadside.events.AppEvent.CampaignStateChanged c) campaignChanged(c.uid());
    });
    private final BooleanProperty blockedByChecks = new SimpleBooleanProperty();
    private final BooleanProperty running = new SimpleBooleanProperty();
    /** Another process (the command line, another desktop of a team store) is sending this campaign: the panel follows it. */
    private final BooleanProperty watching = new SimpleBooleanProperty();
    private RemoteRun remote;
    private final BooleanProperty paused = new SimpleBooleanProperty();
    private final BooleanProperty canResend = new SimpleBooleanProperty();
    private final ReadOnlyObjectWrapper<Banner> banner = new ReadOnlyObjectWrapper<>();
    private final ObservableList<AccountBadge> badges = FXCollections.observableArrayList();
    private final ObjectProperty<SendPlan.FirstSend> confirmation = new SimpleObjectProperty<>();
    private final IntegerProperty threshold = new SimpleIntegerProperty();
    private final AccountNotices notices;
    private Banner answer;
    private DeliveryEvents events;
    private RunHandle handle;
    private boolean stopWhenStarted;
    private int ticks;
    private Runnable newCampaign;
    private Consumer<RecipientItem> logOpener = i -> { };
    private Runnable onRunStarted = () -> { };
    private Start pendingStart;

    public DeliveryViewModel(Supplier<CampaignDocument> document, CampaignRunner runner, CampaignRepository campaigns,
                             BackgroundRunner background) {
        this(document, runner, campaigns, background, Clock.systemDefaultZone());
    }

    DeliveryViewModel(Supplier<CampaignDocument> document, CampaignRunner runner, CampaignRepository campaigns,
                      BackgroundRunner background, Clock clock) {
        this.document = document;
        this.runner = runner;
        this.campaigns = campaigns;
        this.background = background;
        this.planner = new SendPlanner(campaigns);
        this.thresholdFile = new ConfirmationThreshold(campaigns.database().directory());
        this.joinable.set(campaigns.database().isTeamStore());
        this.table = new RecipientPages(campaigns, background);
        this.notices = new AccountNotices(clock);
        threshold.set(thresholdFile.get());
        filter.addListener((o, a, s) -> reloadTable());
    }

    /** The table's rows: every recipient of the campaign (or of the chosen state), read from the store as needed. */
    public ObservableList<RecipientItem> items() { return table; }
    public ObservableList<RecipientItem> visibleItems() { return table; }
    public ObservableMap<RecipientState, Long> counts() { return counts; }
    public ObjectProperty<RecipientState> filterProperty() { return filter; }
    public DoubleProperty progressProperty() { return progress; }
    public StringProperty rateProperty() { return rate; }
    public StringProperty timeLeftProperty() { return timeLeft; }
    public StringProperty statusProperty() { return status; }
    /** Bounces, complaints and unsubscribes found for this campaign by mailbox scans; empty before any. */
    public StringProperty bouncesProperty() { return bounces; }
    /** This campaign's hard and soft bounces, complaints and unsubscribes (undone ones left out); null before it was sent. */
    public ReadOnlyObjectProperty<BounceCounts> bounceCountsProperty() { return bounceCounts; }

    /** Opens and clicks so far, for a campaign with tracking on; null otherwise. */
    public ReadOnlyObjectProperty<org.broadside.unsubscribe.TrackingRepository.Totals> trackingProperty() { return tracking; }

    /** Clicks per link, most clicked first (tracked campaigns). */
    public javafx.collections.ObservableList<org.broadside.unsubscribe.TrackingRepository.LinkClicks> linkClicks() { return linkClicks; }

    /** Reads the opens and clicks again (after a pull, a change in the store, or when the panel shows). */
    public void refreshTracking() {
        CampaignDocument doc = document.get();
        if (!doc.campaign().tracksOpens() && !doc.campaign().tracksClicks()) {
            tracking.set(null);
            linkClicks.clear();
            return;
        }
        var repo = new org.broadside.unsubscribe.TrackingRepository(campaigns.database());
        record Read(org.broadside.unsubscribe.TrackingRepository.Totals totals, java.util.List<org.broadside.unsubscribe.TrackingRepository.LinkClicks> links) {}
        background.run(() -> new Read(repo.totals(doc.uid()), repo.perLink(doc.uid())), r -> {
            tracking.set(r.totals());
            linkClicks.setAll(r.links());
        }, e -> { }); // the numbers stay as they were; the next change reads them again
    }

    /**
     * Keeps the bounce counts up to date while the panel shows (scans record events, Undo takes them back), and says
     * where a click on a count leads: the shell opens the bounces window at this campaign's events of that kind.
     */
    public void followBounces(org.broadside.events.EventSource events, java.util.function.BiConsumer<String, org.broadside.bounces.BounceKind> opener) {
        bounceEvents.use(events);
        this.bounceOpener = opener;
    }

    /** The panel shows: counts follow the store. */
    public void activateBounces() {
        bounceEvents.open();
        refreshBounces();
    }

    public void deactivateBounces() { bounceEvents.close(); }

    /** Opens this campaign's events of this kind (null: all kinds) in the bounces window. */
    public void openBounces(org.broadside.bounces.BounceKind kind) {
        bounceOpener.accept(document.get().uid(), kind);
    }

    private void refreshBounces() {
        String uid = document.get().uid();
        background.run(() -> campaigns.find(uid).map(r -> new BounceRepository(campaigns.database()).countsFor(r.id())).orElse(null), b -> {
            bounceCounts.set(b);
            bounces.set(b == null ? "" : describe(b));
        }, e -> { }); // the counts stay as they were; the next change reads them again
        refreshTracking();
    }

    /** True after Send was refused by the pre-send check: the panel then offers "Send anyway". */
    public BooleanProperty blockedByChecksProperty() { return blockedByChecks; }
    public BooleanProperty runningProperty() { return running; }
    /** True while another process sends this campaign and the panel shows its progress (Stop asks it to stop). */
    public BooleanProperty watchingProperty() { return watching; }

    // Which buttons answer now; the panel's buttons and the window's control strip both bind to these.
    /**
     * A team store: Send while another process sends joins it, and the two share the campaign's recipients. On SQLite
     * the panel follows the other process and Send waits for it to end.
     */
    private final BooleanProperty joinable = new SimpleBooleanProperty();
    private final BooleanBinding canSend = running.or(paused).or(watching.and(joinable.not())).not();
    private final BooleanBinding canPause = running.and(watching.not());
    private final BooleanBinding canResume = paused.and(running.not()).and(watching.not());
    /** Stop also stops a run of another process (the command line, another desktop): it is asked through the store. */
    private final BooleanBinding canStop = running.or(watching);
    private final BooleanBinding canResendNow = canResend.and(running.not()).and(watching.not());

    public BooleanBinding canSendProperty() { return canSend; }
    public BooleanBinding canPauseProperty() { return canPause; }
    public BooleanBinding canResumeProperty() { return canResume; }
    public BooleanBinding canStopProperty() { return canStop; }
    public BooleanBinding canResendNowProperty() { return canResendNow; }
    public BooleanProperty pausedProperty() { return paused; }
    public BooleanProperty canResendProperty() { return canResend; }
    /** What the panel must say above everything else (an account problem, why Send did not start), or null. */
    public ReadOnlyObjectProperty<Banner> bannerProperty() { return banner.getReadOnlyProperty(); }
    /** One badge per account of the run: OK or its problem. */
    public ObservableList<AccountBadge> badges() { return badges; }
    /** A first send waiting for the user's yes (the view shows the question); null when none waits. */
    public ReadOnlyObjectProperty<SendPlan.FirstSend> confirmationProperty() { return confirmation; }
    /** Above how many recipients a first send asks first. */
    public IntegerProperty thresholdProperty() { return threshold; }

    /** Where double-clicking a recipient leads: the shell opens the connection log there. */
    public void setLogOpener(Consumer<RecipientItem> opener) { this.logOpener = opener; }

    /**
     * What happens when a run this window asked for has started (Send, Resume, Re-send, or Yes to the first send's
     * question): the shell brings the Delivery tab forward, so Send pressed on the Message tab shows the recipients
     * and their receipts coming in. Not for runs the scheduler or another process starts, which the user may be
     * editing through, nor for a Send that was answered without a run (the status line says so, with Details…).
     */
    public void setOnRunStarted(Runnable onRunStarted) { this.onRunStarted = onRunStarted; }

    /** How "Make this a new campaign" gives the document a new identity (the shell changes the draft's id). */
    public void setNewCampaign(Runnable newCampaign) { this.newCampaign = newCampaign; }

    public void openLog(RecipientItem item) {
        if (item != null && !item.isLoading()) logOpener.accept(item);
    }

    /** A run of this campaign started or ended somewhere: unless this panel runs it, read who sends it now. */
    private void campaignChanged(String uid) {
        if (!running.get() && (uid == null || uid.equals(document.get().uid()))) load();
    }

    /** Loads what earlier runs left in the store, in the background. */
    public void load() {
        CampaignDocument doc = document.get();
        long read = ++tableReads;
        long endsAtRead = runEnds;
        background.run(() -> campaigns.find(doc.uid()).map(this::loaded).orElse(null), loaded -> {
            boolean latest = read == tableReads;
            if (loaded == null) {
                if (latest) table.reset(null, 0);
                return;
            }
            if (latest) showTable(loaded.table());
            if (running.get()) return;
            // This panel's run ended while the read was under way (a short run: the read begun at its start): what it
            // found (RUNNING, this computer still sending) is over. Read again rather than show "interrupted".
            if (endsAtRead != runEnds) {
                load();
                return;
            }
            showProgress(new Progress(loaded.counts, 0, loaded.counts.values().stream().mapToLong(Long::longValue).sum()));
            if (!loaded.senders().isEmpty()) {
                follow(loaded.record.id(), loaded.senders(), loaded.counts);
                return;
            }
            boolean wasWatching = watching.get();
            watching.set(false);
            remote = null;
            if (loaded.record.status() == CampaignStatus.RUNNING) {
                // Marked as sending, but no process sends it: the one that did was killed, crashed or lost power.
                paused.set(true);
                status.set(INTERRUPTED);
                bounces.set(describe(loaded.bounces));
                bounceCounts.set(loaded.bounces);
                return;
            }
            if (wasWatching) table.runEnded();
            // A campaign stopped or paused earlier (its window closed mid-send, say) offers Resume when reopened.
            paused.set(loaded.record.status() == CampaignStatus.PAUSED || loaded.record.status() == CampaignStatus.STOPPED);
            bounces.set(describe(loaded.bounces));
            bounceCounts.set(loaded.bounces);
            refreshTracking();
            // A press of Send that was answered ("Not sent: nothing is due.") keeps its answer until the next press: a
            // read finishing after it (the app noticing the previous run's end a moment late) would put "Finished" back.
            if (answer == null) status.set(describe(loaded.record.status(), loaded.record.statusReason()));
        }, e -> status.set("The previous results could not be read: " + sentence(e)));
    }

    private Loaded loaded(CampaignRecord record) {
        List<SendingRuns.Sender> live = sendingRuns().live(record.id());
        Map<RecipientState, Long> c = campaigns.counts(record.id());
        Map<RecipientState, Long> shown = withInFlight(c, sendingRuns().inFlight(record.id(), live));
        return new Loaded(record, tableOf(record, c), shown, new BounceRepository(campaigns.database()).countsFor(record.id()), live);
    }

    private record Loaded(CampaignRecord record, TableSize table, Map<RecipientState, Long> counts, BounceCounts bounces,
                          List<SendingRuns.Sender> senders) {}

    static final String INTERRUPTED = "Interrupted: the process that was sending it stopped before the end (closed, killed"
            + " or the computer lost power). Resume sends the rest.";

    private SendingRuns sendingRuns() { return new SendingRuns(campaigns.database()); }

    /** A run of another process that the panel follows: its campaign, and the counts of the last poll for the rate. */
    private record RemoteRun(long campaignId, long done, long atNanos, boolean polling, double rate) {
        RemoteRun polling(boolean p) { return new RemoteRun(campaignId, done, atNanos, p, rate); }
    }

    /** The store's counts with the live runs' in-flight recipients as SENDING rather than UNKNOWN. */
    static Map<RecipientState, Long> withInFlight(Map<RecipientState, Long> counts, long inFlight) {
        if (inFlight == 0) return counts;
        Map<RecipientState, Long> out = new EnumMap<>(RecipientState.class);
        out.putAll(counts);
        long moved = Math.min(inFlight, out.getOrDefault(RecipientState.UNKNOWN, 0L));
        out.put(RecipientState.UNKNOWN, out.getOrDefault(RecipientState.UNKNOWN, 0L) - moved);
        out.merge(RecipientState.SENDING, moved, Long::sum);
        return out;
    }

    private static long done(Map<RecipientState, Long> counts) {
        long remaining = 0, all = 0;
        for (Map.Entry<RecipientState, Long> e : counts.entrySet()) {
            all += e.getValue();
            if (e.getKey() == RecipientState.PENDING || e.getKey() == RecipientState.SENDING
                    || e.getKey() == RecipientState.DEFERRED) remaining += e.getValue();
        }
        return all - remaining;
    }

    private void follow(long campaignId, List<SendingRuns.Sender> senders, Map<RecipientState, Long> counts) {
        if (!watching.get() || remote == null || remote.campaignId() != campaignId) {
            remote = new RemoteRun(campaignId, done(counts), System.nanoTime(), false, -1);
        }
        watching.set(true);
        paused.set(false);
        status.set(following(senders));
    }

    /** The status while following other processes: who sends, and on a team store that Send joins them. */
    private String following(List<SendingRuns.Sender> senders) {
        return describeSenders(senders) + (joinable.get() ? " Send joins them from this computer." : "");
    }

    static String describeSenders(List<SendingRuns.Sender> senders) {
        StringBuilder sb = new StringBuilder("Being sent by ");
        for (int i = 0; i < senders.size(); i++) {
            if (i > 0) sb.append(i == senders.size() - 1 ? " and " : ", ");
            sb.append(senders.get(i).describe());
        }
        return sb.append(": its counts and receipts show here as they come.").toString();
    }

    /** Every second while another process sends: its counts, rate and who sends, and the recent pages of the table. */
    private void pollRemote() {
        RemoteRun r = remote;
        if (r == null || r.polling()) return;
        remote = r.polling(true);
        record Polled(Map<RecipientState, Long> counts, List<SendingRuns.Sender> senders) {}
        background.run(() -> {
            List<SendingRuns.Sender> live = sendingRuns().live(r.campaignId());
            return new Polled(withInFlight(campaigns.counts(r.campaignId()), sendingRuns().inFlight(r.campaignId(), live)), live);
        }, p -> {
            if (remote == null || remote.campaignId() != r.campaignId() || running.get()) return;
            if (p.senders().isEmpty()) {
                remote = null;
                answer(null); // a "Not sent: it is being sent by…" answer is over with that run
                load(); // it ended: read its final status like any finished run
                return;
            }
            long now = System.nanoTime();
            long done = done(p.counts());
            double instant = now > r.atNanos() ? Math.max(0, (done - r.done()) * 1e9 / (now - r.atNanos())) : 0;
            // Smoothed over the last few polls: a sender pacing in groups (5 messages, then a pause) would otherwise
            // read 0 and 10 msg/s in turn.
            double rate = r.rate() < 0 ? instant : 0.7 * r.rate() + 0.3 * instant;
            long total = p.counts().values().stream().mapToLong(Long::longValue).sum();
            showProgress(new Progress(p.counts(), rate, total));
            remote = new RemoteRun(r.campaignId(), done, now, false, rate);
            if (!status.get().startsWith("Stopping")) status.set(following(p.senders()));
            table.refreshRecentPages(3);
        }, e -> {
            if (remote != null) remote = remote.polling(false);
        });
    }

    private record TableSize(RecipientPages.View view, long size) {}

    private TableSize tableOf(CampaignRecord record, Map<RecipientState, Long> c) {
        RecipientState s = filter.get();
        long size = s == null ? c.values().stream().mapToLong(Long::longValue).sum() : c.getOrDefault(s, 0L);
        return new TableSize(new RecipientPages.View(record.id(), s, campaigns.firstRecipientId(record.id())), size);
    }

    /** Shows the table read: the same campaign, state and size keep their place and read their rows again. */
    private void showTable(TableSize t) {
        RecipientPages.View now = table.view();
        if (t.view().equals(now) && t.size() == table.size()) table.refreshLoadedPages();
        else table.reset(t.view(), t.size());
    }

    /** Reads the table's size again (another state chosen, a run started or ended) and shows it from the top. */
    private void reloadTable() {
        CampaignDocument doc = document.get();
        long read = ++tableReads;
        background.run(() -> campaigns.find(doc.uid()).map(r -> tableOf(r, campaigns.counts(r.id()))).orElse(null),
                t -> {
                    if (read != tableReads) return; // a later read (another state chosen meanwhile) has the table
                    if (t == null) table.reset(null, 0);
                    else showTable(t);
                }, e -> status.set("The recipients could not be read: " + sentence(e)));
    }

    /**
     * Reads of the table's size started so far (on the UI thread). Reads run in the background and may end out of
     * order: only the latest one sets the table, or a read begun before the user chose "Failed" would put every
     * recipient back in a table that says it shows the failed ones.
     */
    private long tableReads;
    /** Runs of this panel that have ended: a read begun before the latest end is out of date when it arrives. */
    private long runEnds;

    static String describe(BounceCounts b) {
        if (b.hardBounces() + b.softBounces() + b.complaints() + b.unsubscribes() == 0) return "";
        return String.format("After sending: %,d hard bounces, %,d soft bounces, %,d complaints, %,d unsubscribes",
                b.hardBounces(), b.softBounces(), b.complaints(), b.unsubscribes());
    }

    public void send() { start(new Start(false, false, false)); }

    /** Sends although the pre-send check found errors (the banner lists them). */
    public void sendAnyway() { start(new Start(false, true, true)); }

    /** Runs again and includes UNKNOWN recipients (the user accepted possible duplicates). */
    public void resendDeferredAndUnknown() { start(new Start(true, false, false)); }

    public void resume() { start(new Start(false, false, false)); }

    /** The user said yes to the first send's question. */
    public void confirmSend() {
        Start s = pendingStart;
        pendingStart = null;
        confirmation.set(null);
        if (s != null) start(new Start(s.resendUnknown(), s.overrideChecks(), true));
    }

    /** The user said no: nothing is sent. */
    public void cancelSend() {
        pendingStart = null;
        confirmation.set(null);
        status.set("Not sent: you cancelled the send.");
    }

    /** Stores a new confirmation threshold in the data directory's preferences. */
    public void setThreshold(int recipients) {
        try {
            thresholdFile.set(recipients);
            threshold.set(recipients);
        } catch (IOException | IllegalArgumentException e) {
            status.set("The confirmation setting could not be saved: " + sentence(e));
        }
    }

    /** Gives the document a new identity so that its next Send takes the list it names now. */
    public void makeNewCampaign() {
        if (newCampaign == null || running.get()) return;
        newCampaign.run();
        answer = null;
        counts.clear();
        progress.set(0);
        paused.set(false);
        canResend.set(false);
        bounces.set("");
        bounceCounts.set(null);
        // Short enough for the strip beside the menus (a longer one was cut to "A new campaign: Send takes its
        // recipients ..."); the Recipients tab names the list Send will take.
        status.set("New campaign: not sent yet.");
        load();
        refreshBanner();
    }

    /** One press of Send, Resume, Send anyway or Re-send. */
    private record Start(boolean resendUnknown, boolean overrideChecks, boolean confirmed) {}

    private void start(Start s) {
        if (running.get()) return;
        CampaignDocument doc = document.get();
        // Joining the runs of other processes (team store): from now on this panel shows its own run.
        watching.set(false);
        remote = null;
        running.set(true);
        paused.set(false);
        status.set("Checking what to send…");
        answer = null;
        blockedByChecks.set(false);
        refreshBanner();
        background.run(() -> planner.plan(doc, s.resendUnknown()), plan -> {
            if (plan instanceof SendPlan.NothingDue nothing) {
                running.set(false);
                status.set("Not sent: nothing is due.");
                answer(SendAnswers.nothingDue(nothing, newCampaign != null));
            } else if (plan instanceof SendPlan.FirstSend first && !s.confirmed() && first.recipients() > threshold.get()) {
                running.set(false);
                status.set(String.format("Waiting for your answer: send to %,d recipients?", first.recipients()));
                pendingStart = s;
                confirmation.set(first);
            } else {
                launch(doc, s);
            }
        }, e -> launch(doc, s)); // The planner only reads; if it fails, the send itself says what is wrong.
    }

    private void launch(CampaignDocument doc, Start s) {
        DeliveryEvents fresh = new DeliveryEvents();
        status.set("Starting…");
        stopWhenStarted = false;
        background.run(() -> s.overrideChecks() ? runner.startOverridingChecks(doc, true, s.resendUnknown(), fresh)
                : runner.start(doc, true, s.resendUnknown(), fresh), h -> {
            events = fresh;
            handle = h;
            notices.reset(doc.campaign().account());
            badges.setAll(notices.badges());
            status.set(SENDING);
            if (stopWhenStarted) stop();
            // The first send has just taken the recipients from the list: show them, waiting, before any receipt.
            load();
            onRunStarted.run();
        }, e -> {
            stopWhenStarted = false;
            running.set(false);
            String why = sentence(e);
            status.set("Not sent: " + why);
            if (e instanceof PreSendCheckFailed checks) {
                blockedByChecks.set(true);
                answer(SendAnswers.blocked(checks));
            } else {
                answer(SendAnswers.cannotStart(why));
            }
        });
    }

    private void answer(Banner b) {
        answer = b;
        refreshBanner();
    }

    /** The campaign's name as its files call it. */
    public String campaignName() {
        return document.get().displayName();
    }

    /** The folder of the campaign's file, or null while it has none. */
    public java.nio.file.Path campaignFolder() {
        return document.get().fileFolder();
    }

    /** Writes the report of every recipient to a CSV file in the background. */
    public void exportReport(java.nio.file.Path target) {
        CampaignDocument doc = document.get();
        background.run(() -> {
            CampaignRecord r = campaigns.find(doc.uid()).orElseThrow(() -> new IllegalStateException("This campaign was never sent."));
            return ReportExport.write(campaigns, r.id(), target);
        }, n -> afterExport(String.format("Report of %,d recipient%s written to %s.", n, n == 1 ? "" : "s", target.getFileName())),
                e -> afterExport("The report could not be written: " + sentence(e)));
    }

    /**
     * The status line is the campaign's state (the strip beside Send shows it too): an export's outcome follows it
     * rather than taking its place, and the next export's replaces it.
     */
    private void afterExport(String outcome) {
        String state = status.get();
        if (exportOutcome != null && state.endsWith(" " + exportOutcome)) {
            state = state.substring(0, state.length() - exportOutcome.length() - 1);
        }
        exportOutcome = outcome;
        status.set(state.isBlank() ? outcome : org.broadside.ui.common.CheckWords.withFullStop(state) + " " + outcome);
    }

    public void pause() {
        if (handle != null) {
            handle.pause("paused by the user");
            status.set("Pausing: open transactions finish first…");
        }
    }

    public void stop() {
        RemoteRun r = remote;
        if (handle == null && watching.get() && r != null) {
            background.run(() -> sendingRuns().requestStop(r.campaignId()), asked -> status.set(asked == 0
                            ? "It has just ended."
                            : "Stopping: asked the process sending it to stop; it does within "
                            + Math.max(1, SendingRuns.DEFAULT_LEASE.toSeconds() / 3)
                            + " seconds, once its open transactions finish."),
                    e -> status.set("The stop could not be recorded: " + sentence(e)));
            return;
        }
        if (handle != null) {
            stopWhenStarted = false;
            handle.stop();
            status.set("Stopping: open transactions finish first…");
        } else if (running.get()) {
            // Still starting (pre-send check, freeze): there is nothing to stop yet, so stop as soon as it runs.
            // Without this, closing the window in that moment would let the whole send go on unseen.
            stopWhenStarted = true;
            status.set("Stopping as soon as the send has started…");
        }
    }

    /** Does what a banner button offers. */
    public void act(Banner.Action action) {
        switch (action) {
            case SEND_ANYWAY -> sendAnyway();
            case RESEND_UNKNOWN -> resendDeferredAndUnknown();
            case RESUME -> resume();
            case NEW_CAMPAIGN -> makeNewCampaign();
        }
    }

    /** Applies every queued engine event; called on the UI thread every 100 ms while a Delivery view or control shows. */
    public void tick() {
        ticks++;
        if (events != null) apply(events.drain());
        if (running.get() && ticks % REFRESH_TICKS == 0) table.refreshRecentPages(3);
        if (watching.get() && !running.get() && ticks % REFRESH_TICKS == 0) pollRemote();
        refreshBanner();
    }

    private void apply(List<DeliveryEvents.Event> batch) {
        if (batch.isEmpty()) return;
        Progress last = null;
        DeliveryEvents.Ended ended = null;
        boolean badgesChanged = false;
        for (DeliveryEvents.Event e : batch) {
            if (e instanceof DeliveryEvents.Got g) {
                table.receipt(g.receipt());
                if (g.receipt().state() == RecipientState.SENT) badgesChanged |= notices.accepted(g.receipt().account());
            } else if (e instanceof DeliveryEvents.Sending s) {
                table.sending(s.recipientId());
            } else if (e instanceof DeliveryEvents.Moved m) {
                last = m.progress();
            } else if (e instanceof DeliveryEvents.StatusChange c) {
                status.set(describe(c.status(), c.reason()));
                paused.set(c.status() == CampaignStatus.PAUSED);
            } else if (e instanceof DeliveryEvents.Notice n) {
                notices.take(n.notice());
                badgesChanged = true;
            } else if (e instanceof DeliveryEvents.Ended end) {
                last = end.progress();
                ended = end;
            }
        }
        if (badgesChanged) badges.setAll(notices.badges());
        if (last != null) showProgress(last);
        // The end is applied last, so whoever sees Send enabled again also sees the final rows and counts.
        if (ended != null) {
            paused.set(ended.status() == CampaignStatus.PAUSED || ended.status() == CampaignStatus.STOPPED);
            // RUNNING at the end: another process sends the campaign; this one either could not start (SQLite) or sent
            // its share of a team campaign (load() then follows the others either way).
            boolean othersGoOn = org.broadside.delivery.RunResult.OTHERS_GO_ON.equals(ended.reason());
            status.set(ended.status() != CampaignStatus.RUNNING ? describe(ended.status(), ended.reason())
                    : othersGoOn ? "This computer's share is sent; other processes go on sending it." : "Not sent: " + ended.reason());
            handle = null;
            notices.runEnded();
            runEnds++;
            running.set(false);
            table.runEnded();
            if (ended.status() == CampaignStatus.RUNNING) {
                if (!othersGoOn) answer(SendAnswers.cannotStart(ended.reason()));
                load();
            } else {
                reloadTable();
            }
        }
    }

    private void refreshBanner() {
        Banner next = answer != null ? answer : notices.banner();
        if (!java.util.Objects.equals(next, banner.get())) banner.set(next);
    }

    private void showProgress(Progress p) {
        Map<RecipientState, Long> next = new EnumMap<>(RecipientState.class);
        for (RecipientState s : RecipientState.values()) next.put(s, p.count(s));
        counts.putAll(next);
        long total = Math.max(p.total(), next.values().stream().mapToLong(Long::longValue).sum());
        progress.set(total == 0 ? 0 : (double) (total - p.remaining()) / total);
        // Nothing moving and nobody sending (finished, stopped, interrupted): "0.0 msg/s" would read as a stalled send.
        boolean idle = p.messagesPerSecond() == 0 && (p.remaining() == 0 || !(running.get() || watching.get()));
        rate.set(idle ? "" : String.format(Locale.ROOT, "%.1f msg/s", p.messagesPerSecond()));
        long left = p.secondsLeft();
        java.time.Instant waitingUntil = p.remaining() > 0 ? notices.allWaitingUntil() : null;
        String until = waitingUntil == null ? null : java.time.format.DateTimeFormatter.ofPattern("HH:mm:ss")
                .withZone(java.time.ZoneId.systemDefault()).format(waitingUntil);
        // Nothing left: no estimate at all ("left: –" beside a full bar asked what was still to come).
        timeLeft.set(p.remaining() == 0 ? "" : until != null ? "waiting until " + until
                : "left: " + (left < 0 ? "–" : left < 90 ? left + " s" : (left / 60) + " min"));
        // While every account waits (a dead server, a refused login, a quota), "Sending" would be untrue: nothing is.
        // The banner says why; the status says until when. Pausing and Stopping keep their own words.
        String now = status.get();
        if (running.get() && now != null && (now.equals(SENDING) || now.startsWith(WAITING))) {
            status.set(until != null ? WAITING + until : SENDING);
        }
        canResend.set(p.count(RecipientState.DEFERRED) + p.count(RecipientState.UNKNOWN) > 0);
    }

    static String describe(CampaignStatus s, String reason) {
        String words = switch (s) {
            case READY -> "Ready";
            case RUNNING -> SENDING;
            case PAUSED -> "Paused";
            case STOPPED -> "Stopped";
            case FINISHED -> "Finished";
        };
        return reason == null || reason.isBlank() ? words : words + ": " + reason;
    }

    private static String sentence(Throwable e) {
        // The exception's own text is the command line's ("run 'broadside check'..."); the window words it from the findings.
        if (e instanceof PreSendCheckFailed c) {
            return "the pre-send check found " + c.errors().size() + " error" + (c.errors().size() == 1 ? "" : "s") + ": the Delivery tab lists them";
        }
        Throwable t = e.getCause() != null && e.getMessage() == null ? e.getCause() : e;
        return Optional.ofNullable(t.getMessage()).orElse(t.getClass().getSimpleName());
    }
}
