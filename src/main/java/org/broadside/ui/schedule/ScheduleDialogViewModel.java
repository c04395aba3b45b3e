package org.broadside.ui.schedule;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableSet;
import org.broadside.schedule.DailyWindow;
import org.broadside.schedule.InvalidScheduleException;
import org.broadside.schedule.Schedule;
import org.broadside.schedule.ScheduleBusyException;
import org.broadside.schedule.ScheduleInput;
import org.broadside.schedule.ScheduleRepository;
import org.broadside.schedule.ScheduleWords;
import org.broadside.ui.common.BackgroundRunner;

import java.nio.file.Path;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * The Schedule dialog of one campaign: when it starts (date, time, time zone) and, optionally, the daily window it
 * sends in. What the schedule means is said as the user types ("Starts Thu 24 Dec 2026 at 09:00 (Europe/Paris), in
 * 18 days"). A schedule runs the campaign's saved file, so it needs one, without unsaved changes.
 */
public final class ScheduleDialogViewModel {
    private final String campaignUid;
    private final String campaignName;
    private final Supplier<Path> file;
    private final BooleanSupplier unsaved;
    private final ScheduleRepository schedules;
    private final BackgroundRunner runner;
    private final Clock clock;
    private final ObjectProperty<LocalDate> date = new SimpleObjectProperty<>();
    private final StringProperty time = new SimpleStringProperty("09:00");
    private final StringProperty zone = new SimpleStringProperty();
    private final BooleanProperty windowOn = new SimpleBooleanProperty();
    private final StringProperty from = new SimpleStringProperty("09:00");
    private final StringProperty to = new SimpleStringProperty("17:00");
    private final ObservableSet<DayOfWeek> days = FXCollections.observableSet(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY));
    private final StringProperty meaning = new SimpleStringProperty("");
    private final BooleanProperty valid = new SimpleBooleanProperty();
    private final BooleanProperty scheduled = new SimpleBooleanProperty();
    private final StringProperty status = new SimpleStringProperty("");
    private final StringProperty nothingDue = new SimpleStringProperty("");
    private final Supplier<String> nothingDueNow;

    public ScheduleDialogViewModel(String campaignUid, String campaignName, Supplier<Path> file, BooleanSupplier unsaved,
                                   ScheduleRepository schedules, BackgroundRunner runner, Clock clock) {
        this(campaignUid, campaignName, file, unsaved, schedules, runner, clock, () -> null);
    }

    /**
     * @param nothingDueNow read in the background when the dialog opens: why a start would send nothing (every
     *                      recipient of the campaign is done already), or null when it would send
     */
    public ScheduleDialogViewModel(String campaignUid, String campaignName, Supplier<Path> file, BooleanSupplier unsaved,
                                   ScheduleRepository schedules, BackgroundRunner runner, Clock clock, Supplier<String> nothingDueNow) {
        this.nothingDueNow = nothingDueNow;
        this.campaignUid = campaignUid;
        this.campaignName = campaignName;
        this.file = file;
        this.unsaved = unsaved;
        this.schedules = schedules;
        this.runner = runner;
        this.clock = clock;
        zone.set(clock.getZone().getId());
        // Tomorrow at nine by default: a start a marketer rarely wants to be "right now".
        date.set(LocalDate.now(clock).plusDays(1));
        Runnable explain = this::explain;
        date.addListener((o, a, b) -> explain.run());
        time.addListener((o, a, b) -> explain.run());
        zone.addListener((o, a, b) -> explain.run());
        windowOn.addListener((o, a, b) -> explain.run());
        from.addListener((o, a, b) -> explain.run());
        to.addListener((o, a, b) -> explain.run());
        days.addListener((javafx.collections.SetChangeListener<DayOfWeek>) c -> explain.run());
        explain();
    }

    public ObjectProperty<LocalDate> dateProperty() { return date; }
    public StringProperty timeProperty() { return time; }
    public StringProperty zoneProperty() { return zone; }
    public BooleanProperty windowOnProperty() { return windowOn; }
    public StringProperty fromProperty() { return from; }
    public StringProperty toProperty() { return to; }
    public ObservableSet<DayOfWeek> days() { return days; }
    /** The schedule in words, or what is wrong with what was typed. */
    public StringProperty meaningProperty() { return meaning; }
    public BooleanProperty validProperty() { return valid; }
    /** True when the campaign has a schedule in the store (Remove schedule is then offered). */
    public BooleanProperty scheduledProperty() { return scheduled; }
    public StringProperty statusProperty() { return status; }
    /**
     * Empty, or why the scheduled start would send nothing: a campaign sent to everyone already was scheduled, and at
     * the set time nothing happened, with nothing said.
     */
    public StringProperty nothingDueProperty() { return nothingDue; }

    /** Reads the campaign's schedule, if it has one, into the fields, and whether a start would send anything. */
    public void load() {
        runner.run(() -> java.util.Optional.ofNullable(nothingDueNow.get()).orElse(""), nothingDue::set,
                e -> nothingDue.set(""));
        runner.run(() -> schedules.find(campaignUid), found -> found.ifPresent(s -> {
            var local = s.start().atZone(s.zone());
            zone.set(s.zone().getId());
            date.set(local.toLocalDate());
            time.set(local.toLocalTime().toString());
            if (s.window() != null) {
                windowOn.set(true);
                from.set(s.window().from().toString());
                to.set(s.window().to().toString());
                days.clear();
                days.addAll(s.window().days());
            }
            scheduled.set(true);
            status.set(ScheduleWords.state(s.state()) + (s.lastResult() == null ? "" : ". Last run: " + s.lastResult()));
        }), e -> status.set("The schedule could not be read: " + e.getMessage()));
    }

    /** The schedule the fields describe. */
    Schedule schedule(Path campaignFile) throws InvalidScheduleException {
        if (date.get() == null) throw new InvalidScheduleException("Choose the day it starts.");
        ZoneId z = ScheduleInput.zone(zone.get());
        LocalTime t = ScheduleInput.time(time.get());
        DailyWindow w = windowOn.get() ? ScheduleInput.window(ScheduleInput.time(from.get()), ScheduleInput.time(to.get()),
                days.isEmpty() ? EnumSet.noneOf(DayOfWeek.class) : EnumSet.copyOf(days)) : null;
        return Schedule.of(campaignUid, campaignName, campaignFile, LocalDateTime.of(date.get(), t).atZone(z).toInstant(), z, w);
    }

    private void explain() {
        try {
            Schedule s = schedule(Path.of("campaign.json"));
            String words = ScheduleWords.startSentence(s, clock.instant()) + ".";
            if (s.window() != null) words += " It sends only " + ScheduleWords.window(s.window()) + " and pauses outside those hours.";
            if (s.start().isBefore(clock.instant())) words = "That time has passed: it would start as soon as it is saved. " + words;
            meaning.set(words);
            valid.set(true);
        } catch (InvalidScheduleException e) {
            meaning.set(e.getMessage());
            valid.set(false);
        }
    }

    /** Why the campaign cannot be scheduled as it is, or null. */
    public String notReady() {
        if (file.get() == null) return "Save the campaign first (File > Save): a schedule sends the saved campaign.";
        if (unsaved.getAsBoolean()) return "Save your changes first (File > Save): a schedule sends the campaign as it is saved.";
        return null;
    }

    /** Stores the schedule; the app (while open) and "schedule run" start the campaign at that time. */
    public void save() {
        String why = notReady();
        if (why != null) {
            status.set(why);
            return;
        }
        Schedule s;
        try {
            s = schedule(file.get());
        } catch (InvalidScheduleException e) {
            status.set(e.getMessage());
            return;
        }
        runner.run(() -> {
            schedules.save(s);
            return s;
        }, saved -> {
            scheduled.set(true);
            status.set("Scheduled. " + ScheduleWords.startSentence(saved, clock.instant()) + ".");
        }, e -> status.set(e instanceof ScheduleBusyException ? "It is being sent now, so the schedule cannot change until that run ends."
                : "The schedule could not be saved: " + e.getMessage()));
    }

    /** Takes the schedule away: nothing starts the campaign by itself any more (Send still does). */
    public void remove() {
        runner.run(() -> schedules.remove(campaignUid), removed -> {
            scheduled.set(false);
            status.set(removed ? "No longer scheduled." : "It was not scheduled.");
        }, e -> status.set(e instanceof ScheduleBusyException ? "It is being sent now; stop it on the Delivery tab first."
                : "The schedule could not be removed: " + e.getMessage()));
    }
}
