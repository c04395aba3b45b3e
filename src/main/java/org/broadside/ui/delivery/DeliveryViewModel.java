package org.broadside.ui.delivery;

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
import javafx.collections.ObservableMap;
import javafx.collections.transformation.FilteredList;
import org.broadside.campaign.CampaignDocument;
import org.broadside.delivery.CampaignRecord;
import org.broadside.bounces.BounceCounts;
import org.broadside.bounces.BounceRepository;
import org.broadside.delivery.CampaignRepository;
import org.broadside.delivery.CampaignStatus;
import org.broadside.delivery.Progress;
import org.broadside.delivery.RecipientRow;
import org.broadside.delivery.RecipientState;
import org.broadside.delivery.RunHandle;
import org.broadside.ui.common.BackgroundRunner;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The Delivery panel: Send/Pause/Resume/Stop, counts, rate, time left and a per-recipient table fed by engine
 * events. Events are applied in {@link #tick()}, which the view calls every 100 ms: one list change per tick.
 */
public final class DeliveryViewModel {
    private final Supplier<CampaignDocument> document;
    private final CampaignRunner runner;
    private final CampaignRepository campaigns;
    private final BackgroundRunner background;
    private final ObservableList<RecipientItem> items = FXCollections.observableArrayList();
    private final FilteredList<RecipientItem> visible = new FilteredList<>(items);
    private final Map<Long, RecipientItem> byId = new HashMap<>();
    private final ObservableMap<RecipientState, Long> counts = FXCollections.observableMap(new EnumMap<>(RecipientState.class));
    private final ObjectProperty<RecipientState> filter = new SimpleObjectProperty<>();
    private final DoubleProperty progress = new SimpleDoubleProperty();
    private final StringProperty rate = new SimpleStringProperty("–");
    private final StringProperty timeLeft = new SimpleStringProperty("–");
    private final StringProperty status = new SimpleStringProperty("Not sent yet");
    private final StringProperty bounces = new SimpleStringProperty("");
    private final BooleanProperty blockedByChecks = new SimpleBooleanProperty();
    private final BooleanProperty running = new SimpleBooleanProperty();
    private final BooleanProperty paused = new SimpleBooleanProperty();
    private final BooleanProperty canResend = new SimpleBooleanProperty();
    private DeliveryEvents events;
    private RunHandle handle;
    private boolean stopWhenStarted;
    private Consumer<RecipientItem> logOpener = i -> { };

    public DeliveryViewModel(Supplier<CampaignDocument> document, CampaignRunner runner, CampaignRepository campaigns,
                             BackgroundRunner background) {
        this.document = document;
        this.runner = runner;
        this.campaigns = campaigns;
        this.background = background;
        filter.addListener((o, a, s) -> visible.setPredicate(s == null ? null : i -> i.state() == s));
    }

    public ObservableList<RecipientItem> items() { return items; }
    public FilteredList<RecipientItem> visibleItems() { return visible; }
    public ObservableMap<RecipientState, Long> counts() { return counts; }
    public ObjectProperty<RecipientState> filterProperty() { return filter; }
    public DoubleProperty progressProperty() { return progress; }
    public StringProperty rateProperty() { return rate; }
    public StringProperty timeLeftProperty() { return timeLeft; }
    public StringProperty statusProperty() { return status; }
    /** Bounces, complaints and unsubscribes found for this campaign by mailbox scans; empty before any. */
    public StringProperty bouncesProperty() { return bounces; }
    /** True after Send was refused by the pre-send check: the panel then offers "Send anyway". */
    public BooleanProperty blockedByChecksProperty() { return blockedByChecks; }
    public BooleanProperty runningProperty() { return running; }
    public BooleanProperty pausedProperty() { return paused; }
    public BooleanProperty canResendProperty() { return canResend; }

    /** Where double-clicking a recipient leads: the shell opens the connection log there. */
    public void setLogOpener(Consumer<RecipientItem> opener) { this.logOpener = opener; }

    public void openLog(RecipientItem item) {
        if (item != null) logOpener.accept(item);
    }

    /** Loads what earlier runs left in the store, in the background. */
    public void load() {
        CampaignDocument doc = document.get();
        background.run(() -> campaigns.find(doc.uid()).map(this::rowsAndCounts).orElse(null), loaded -> {
            if (loaded == null || running.get()) return;
            byId.clear();
            loaded.items.forEach(i -> byId.put(i.id(), i));
            items.setAll(loaded.items);
            showProgress(new Progress(loaded.counts, 0, loaded.items.size()));
            // A campaign stopped or paused earlier (its window closed mid-send, say) offers Resume when reopened.
            paused.set(loaded.record.status() == CampaignStatus.PAUSED || loaded.record.status() == CampaignStatus.STOPPED);
            bounces.set(describe(loaded.bounces));
            long total = loaded.counts.values().stream().mapToLong(Long::longValue).sum();
            status.set(describe(loaded.record.status(), loaded.record.statusReason())
                    + (total > loaded.items.size() ? String.format(" (table shows the first %,d of %,d; Export report has all)",
                    loaded.items.size(), total) : ""));
        }, e -> status.set("The previous results could not be read: " + e.getMessage()));
    }

    /** Rows kept for the table of an earlier run; the counts and the exported report always cover everyone. */
    static final int LOADED_ROWS = 200_000;

    private Loaded rowsAndCounts(CampaignRecord record) {
        List<RecipientItem> all = new ArrayList<>();
        for (RecipientRow r : campaigns.page(record.id(), null, 0, LOADED_ROWS)) all.add(RecipientItem.of(r));
        return new Loaded(record, all, campaigns.counts(record.id()), new BounceRepository(campaigns.database()).countsFor(record.id()));
    }

    private record Loaded(CampaignRecord record, List<RecipientItem> items, Map<RecipientState, Long> counts, BounceCounts bounces) {}

    static String describe(BounceCounts b) {
        if (b.hardBounces() + b.softBounces() + b.complaints() + b.unsubscribes() == 0) return "";
        return String.format("After sending: %,d hard bounces, %,d soft bounces, %,d complaints, %,d unsubscribes",
                b.hardBounces(), b.softBounces(), b.complaints(), b.unsubscribes());
    }

    public void send() { start(false, false); }

    /** Sends although the pre-send check found errors (the status line shows them). */
    public void sendAnyway() { start(false, true); }

    /** Runs again and includes UNKNOWN recipients (the user accepted possible duplicates). */
    public void resendDeferredAndUnknown() { start(true, false); }

    public void resume() { start(false, false); }

    private void start(boolean resendUnknown, boolean overrideChecks) {
        if (running.get()) return;
        DeliveryEvents fresh = new DeliveryEvents();
        CampaignDocument doc = document.get();
        running.set(true);
        paused.set(false);
        status.set("Starting…");
        blockedByChecks.set(false);
        stopWhenStarted = false;
        background.run(() -> overrideChecks ? runner.startOverridingChecks(doc, true, resendUnknown, fresh)
                : runner.start(doc, true, resendUnknown, fresh), h -> {
            events = fresh;
            handle = h;
            status.set("Sending");
            if (stopWhenStarted) stop();
            if (items.isEmpty()) load();
        }, e -> {
            stopWhenStarted = false;
            running.set(false);
            status.set(sentence(e));
            blockedByChecks.set(String.valueOf(e.getMessage()).startsWith("The pre-send check found"));
        });
    }

    /** Writes the report of every recipient to a CSV file in the background. */
    public void exportReport(java.nio.file.Path target) {
        CampaignDocument doc = document.get();
        background.run(() -> {
            CampaignRecord r = campaigns.find(doc.uid()).orElseThrow(() -> new IllegalStateException("This campaign was never sent."));
            return ReportExport.write(campaigns, r.id(), target);
        }, n -> status.set("Report of " + n + " recipients written to " + target.getFileName()),
                e -> status.set("The report could not be written: " + sentence(e)));
    }

    public void pause() {
        if (handle != null) {
            handle.pause("paused by the user");
            status.set("Pausing: open transactions finish first…");
        }
    }

    public void stop() {
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

    /** Applies every queued engine event; called on the UI thread every 100 ms while the panel shows. */
    public void tick() {
        if (events == null) return;
        List<DeliveryEvents.Event> batch = events.drain();
        if (batch.isEmpty()) return;
        List<RecipientItem> added = new ArrayList<>();
        Progress last = null;
        DeliveryEvents.Ended ended = null;
        for (DeliveryEvents.Event e : batch) {
            if (e instanceof DeliveryEvents.Got g) {
                RecipientItem item = itemFor(g.receipt().recipientId(), g.receipt().email(), added);
                item.apply(g.receipt());
            } else if (e instanceof DeliveryEvents.Sending s) {
                itemFor(s.recipientId(), s.email(), added).stateProperty().set(RecipientState.SENDING);
            } else if (e instanceof DeliveryEvents.Moved m) {
                last = m.progress();
            } else if (e instanceof DeliveryEvents.StatusChange c) {
                status.set(describe(c.status(), c.reason()));
                paused.set(c.status() == CampaignStatus.PAUSED);
            } else if (e instanceof DeliveryEvents.Ended end) {
                last = end.progress();
                ended = end;
            }
        }
        if (!added.isEmpty()) items.addAll(added);
        if (last != null) showProgress(last);
        // The end is applied last, so whoever sees Send enabled again also sees the final rows and counts.
        if (ended != null) {
            paused.set(ended.status() == CampaignStatus.PAUSED || ended.status() == CampaignStatus.STOPPED);
            status.set(describe(ended.status(), ended.reason()));
            handle = null;
            running.set(false);
        }
    }

    private RecipientItem itemFor(long id, String email, List<RecipientItem> added) {
        return byId.computeIfAbsent(id, k -> {
            RecipientItem i = new RecipientItem(id, email, RecipientState.PENDING);
            added.add(i);
            return i;
        });
    }

    private void showProgress(Progress p) {
        Map<RecipientState, Long> next = new EnumMap<>(RecipientState.class);
        for (RecipientState s : RecipientState.values()) next.put(s, p.count(s));
        counts.putAll(next);
        long total = Math.max(p.total(), next.values().stream().mapToLong(Long::longValue).sum());
        progress.set(total == 0 ? 0 : (double) (total - p.remaining()) / total);
        rate.set(String.format(Locale.ROOT, "%.1f msg/s", p.messagesPerSecond()));
        long left = p.secondsLeft();
        timeLeft.set(left < 0 ? "–" : left < 90 ? left + " s" : (left / 60) + " min");
        canResend.set(p.count(RecipientState.DEFERRED) + p.count(RecipientState.UNKNOWN) > 0);
    }

    static String describe(CampaignStatus s, String reason) {
        String words = switch (s) {
            case READY -> "Ready";
            case RUNNING -> "Sending";
            case PAUSED -> "Paused";
            case STOPPED -> "Stopped";
            case FINISHED -> "Finished";
        };
        return reason == null || reason.isBlank() ? words : words + ": " + reason;
    }

    private static String sentence(Throwable e) {
        Throwable t = e.getCause() != null && e.getMessage() == null ? e.getCause() : e;
        return Optional.ofNullable(t.getMessage()).orElse(t.getClass().getSimpleName());
    }
}
