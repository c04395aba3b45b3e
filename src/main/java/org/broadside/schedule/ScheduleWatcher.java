package org.broadside.schedule;

import org.broadside.compose.CampaignSender;
import org.broadside.delivery.DeliveryListener;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The desktop app's scheduler: while the app is open, it looks at the schedules every few seconds and runs the due
 * ones, one after the other, through the same {@link ScheduledRuns} as "broadside schedule run" (so a cron job and
 * the app never send one campaign at once: whoever claims it first sends it). What it is doing is said in a
 * sentence for the status bars ("Sending Autumn news (scheduled)", "Next scheduled start: …").
 */
public final class ScheduleWatcher implements AutoCloseable {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ScheduleWatcher.class);
    /** A start this much in the past when the app opens is a missed one: offered to the user, not run silently. */
    public static final Duration MISSED_AFTER = Duration.ofMinutes(2);
    private final ScheduleRepository schedules;
    private final ScheduledRuns runs;
    private final Clock clock;
    private final Consumer<String> status;
    private ScheduledExecutorService executor;

    public ScheduleWatcher(ScheduleRepository schedules, ScheduledRuns runs, Clock clock, Consumer<String> status) {
        this.schedules = schedules;
        this.runs = runs;
        this.clock = clock;
        this.status = status;
    }

    /** Schedules whose start passed while nothing ran them (the app was closed): the user decides what happens. */
    public List<Schedule> missed() {
        Instant now = clock.instant();
        return schedules.list().stream().filter(s -> s.wasMissed(now, MISSED_AFTER)).toList();
    }

    /** Looks every {@code every} on its own thread, from now on. */
    public synchronized void start(Duration every) {
        if (executor != null) return;
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "broadside-scheduler");
            t.setDaemon(true);
            return t;
        });
        executor.scheduleWithFixedDelay(this::tickQuietly, 0, every.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Looks once more right away, on the watcher's thread (so never beside a look already running): "Run now" starts a
     * campaign at once rather than at the next of the periodic looks, up to 15 s later.
     */
    public synchronized void lookNow() {
        if (executor != null) executor.execute(this::tickQuietly);
    }

    private void tickQuietly() {
        try {
            tick();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            // A store error must not end the timer: the next look tries again, and the user sees why meanwhile.
            LOG.warn("Scheduled sending could not look at the schedules", e);
            status.accept("Scheduled sending could not look at the schedules: " + org.broadside.diagnostics.FailureText.of(e));
        }
    }

    /** Runs every due schedule now, one after the other, then says what starts next. Returns what the runs did. */
    public List<ScheduledRuns.Outcome> tick() throws InterruptedException {
        List<Schedule> due = runs.due();
        List<ScheduledRuns.Outcome> outcomes = new java.util.ArrayList<>();
        for (Schedule s : due) {
            status.accept("Sending " + s.campaignName() + " (scheduled)");
            outcomes.add(runs.run(s, CampaignSender.PreSendChecks.ALL, DeliveryListener.NONE));
        }
        status.accept(next());
        return outcomes;
    }

    /** "Next scheduled start: Autumn news, Thu 24 Dec 09:00", or empty when nothing is scheduled. */
    public String next() {
        Instant now = clock.instant();
        return schedules.list().stream().filter(s -> s.nextStart(now) != null)
                .min(Comparator.comparing((Schedule s) -> s.nextStart(now)))
                .map(s -> "Next scheduled start: " + s.campaignName() + ", " + ScheduleWords.when(s.nextStart(now), s.zone()))
                .orElse("");
    }

    /** Stops a run in progress (open transactions finish; the rest waits for the next start) and the timer. */
    @Override
    public synchronized void close() {
        runs.stop();
        if (executor != null) executor.shutdownNow();
        executor = null;
    }
}
