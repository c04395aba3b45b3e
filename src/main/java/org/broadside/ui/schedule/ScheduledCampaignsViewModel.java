package org.broadside.ui.schedule;

import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.broadside.events.AppEvent;
import org.broadside.events.EventSource;
import org.broadside.schedule.Schedule;
import org.broadside.schedule.ScheduleBusyException;
import org.broadside.schedule.ScheduleRepository;
import org.broadside.schedule.ScheduleWords;
import org.broadside.ui.common.BackgroundRunner;
import org.broadside.ui.common.StoreSubscription;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.function.Consumer;

/** Tools > Scheduled campaigns: every schedule with its next start, and Open, Run now and Cancel. */
public final class ScheduledCampaignsViewModel {
    private final ScheduleRepository schedules;
    private final BackgroundRunner runner;
    private final Clock clock;
    private final Consumer<Path> opener;
    private Runnable lookNow = () -> { };
    private final ObservableList<Schedule> items = FXCollections.observableArrayList();
    private final StringProperty status = new SimpleStringProperty("");
    private final StoreSubscription store = new StoreSubscription(e -> {
        if (e instanceof AppEvent.CampaignStateChanged) refresh();
    });

    /** @param opener opens a campaign file in a window */
    public ScheduledCampaignsViewModel(ScheduleRepository schedules, BackgroundRunner runner, Clock clock, Consumer<Path> opener) {
        this.schedules = schedules;
        this.runner = runner;
        this.clock = clock;
        this.opener = opener;
    }

    public ObservableList<Schedule> items() { return items; }
    public StringProperty statusProperty() { return status; }

    public void listenTo(EventSource events) { store.use(events); }

    /** How Run now wakes the app's scheduler, so the campaign starts at once rather than at its next periodic look. */
    public void setLookNow(Runnable lookNow) { this.lookNow = lookNow; }

    public void activate() {
        store.open();
        refresh();
    }

    public void deactivate() { store.close(); }

    /** Reads the schedules: those that will start first come first; ended ones last. */
    public void refresh() {
        runner.run(() -> schedules.list().stream().sorted(Comparator.comparing((Schedule s) -> s.nextStart(clock.instant()) == null)
                .thenComparing(s -> s.nextStart(clock.instant()) == null ? s.start() : s.nextStart(clock.instant()))).toList(), all -> {
            items.setAll(all);
            if (all.isEmpty()) status.set("No campaign is scheduled. Open a campaign, then choose Schedule… in the Campaign menu.");
            else status.set(all.size() + " scheduled campaign" + (all.size() == 1 ? "" : "s") + ".");
        }, e -> status.set("The schedules could not be read: " + e.getMessage()));
    }

    /** "Thu 24 Dec 2026 at 09:00 (Europe/Paris), in 18 days", "now", or a dash when it will not start again. */
    public String nextStart(Schedule s) {
        java.time.Instant now = clock.instant();
        java.time.Instant next = s.nextStart(now);
        if (next == null) return "—";
        if (!next.isAfter(now)) return "now";
        return ScheduleWords.when(next, s.zone()) + ", " + ScheduleWords.relative(now, next, s.zone());
    }

    public void open(Schedule s) {
        if (s != null) opener.accept(s.campaignFile());
    }

    /** Starts it at once (the scheduler picks it up within seconds); a missed or cancelled one is scheduled again. */
    public void runNow(Schedule s) {
        if (s == null) return;
        runner.run(() -> schedules.runNow(s.campaignUid(), clock.instant()), changed -> {
            status.set(changed ? s.campaignName() + " starts within a few seconds." : s.campaignName() + " could not be started now.");
            if (changed) lookNow.run();
            refresh();
        }, e -> status.set(busy(e, s)));
    }

    public void cancel(Schedule s) {
        if (s == null) return;
        runner.run(() -> schedules.cancel(s.campaignUid()), changed -> {
            status.set(s.campaignName() + (changed ? " will not start by itself any more." : " was not waiting to start."));
            refresh();
        }, e -> status.set(busy(e, s)));
    }

    private static String busy(Throwable e, Schedule s) {
        return e instanceof ScheduleBusyException ? s.campaignName() + " is being sent now; stop it on its Delivery tab first."
                : e.getMessage();
    }
}
