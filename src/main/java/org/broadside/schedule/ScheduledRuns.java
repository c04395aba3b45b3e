package org.broadside.schedule;

import org.broadside.campaign.CampaignDocument;
import org.broadside.campaign.CampaignFiles;
import org.broadside.campaign.CampaignFormatException;
import org.broadside.compose.CampaignSender;
import org.broadside.compose.ComposeException;
import org.broadside.delivery.DeliveryListener;
import org.broadside.delivery.Progress;
import org.broadside.delivery.RecipientState;
import org.broadside.delivery.RunHandle;
import org.broadside.delivery.RunResult;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs due scheduled campaigns unattended, one after the other ("broadside schedule run"): claims each, sends what
 * is due, and when its daily window closes pauses the run (open transactions finish, so nothing is cut mid-message)
 * and leaves the rest for the next invocation. The claim is released however the run ends.
 */
public final class ScheduledRuns {
    /** How often the running claimant says it is alive; well under {@link ScheduleRepository#STALE_AFTER}. */
    static final Duration HEARTBEAT = Duration.ofSeconds(30);

    private final ScheduleRepository schedules;
    private final CampaignSender sender;
    private final Claimant me;
    private final Clock clock;
    private final Duration poll;
    private volatile RunHandle current;
    private volatile boolean stopping;

    /**
     * @param poll how often the window's end is checked while a run sends (the window has minutes, so a second is plenty)
     */
    public ScheduledRuns(ScheduleRepository schedules, CampaignSender sender, Claimant me, Clock clock, Duration poll) {
        this.schedules = schedules;
        this.sender = sender;
        this.me = me;
        this.clock = clock;
        this.poll = poll;
    }

    /** How one schedule's turn went. */
    public sealed interface Outcome {
        Schedule schedule();

        /** Someone else holds it, or it stopped waiting between the listing and the claim. */
        record Skipped(Schedule schedule, String why) implements Outcome {}

        /** Claimed, but the campaign could not start (unreadable file, refused by the pre-send check...): now MISSED. */
        record NotStarted(Schedule schedule, String why) implements Outcome {}

        /**
         * It ran. {@code windowClosed} when the window's end paused it; {@code next} is what the schedule became.
         */
        record Ran(Schedule schedule, RunResult result, boolean windowClosed, ScheduleState next, String sentence) implements Outcome {}
    }

    /** The schedules that must start now, the earliest first. */
    public List<Schedule> due() {
        Instant now = clock.instant();
        return schedules.list().stream().filter(s -> s.isDue(now)).toList();
    }

    /** Asks the run in progress to stop (Ctrl-C); its claim is released by the turn that runs it. */
    public void stop() {
        stopping = true;
        RunHandle h = current;
        if (h != null) h.stop();
    }

    /** Claims, sends and releases one schedule; returns when its run has ended. */
    public Outcome run(Schedule s, CampaignSender.PreSendChecks checks, DeliveryListener listener) throws InterruptedException {
        if (stopping) return new Outcome.Skipped(s, "stopped before it started");
        ClaimResult claim = schedules.claim(s.campaignUid(), me, clock.instant());
        if (claim instanceof ClaimResult.Refused refused) return new Outcome.Skipped(s, refused.why());
        RunHandle handle;
        try {
            CampaignDocument doc = CampaignFiles.read(s.campaignFile());
            if (!doc.uid().equals(s.campaignUid())) {
                return notStarted(s, "the file " + s.campaignFile() + " now holds another campaign (" + doc.displayName() + ")");
            }
            handle = sender.start(doc, false, false, checks, listener, null);
        } catch (CampaignFormatException | ComposeException | RuntimeException e) {
            return notStarted(s, e.getMessage());
        }
        current = handle;
        try {
            return watch(s, handle);
        } finally {
            current = null;
        }
    }

    private Outcome watch(Schedule s, RunHandle handle) throws InterruptedException {
        boolean windowClosed = false;
        Instant windowEnd = s.windowEnd(clock.instant());
        Instant nextBeat = clock.instant().plus(HEARTBEAT);
        RunResult result;
        try {
            while ((result = handle.await(poll.toMillis(), TimeUnit.MILLISECONDS)) == null) {
                Instant now = clock.instant();
                if (!windowClosed && windowEnd != null && !now.isBefore(windowEnd)) {
                    windowClosed = true;
                    handle.pause(ScheduleWords.waitingForWindow(s, now));
                }
                if (!now.isBefore(nextBeat)) {
                    schedules.heartbeat(s.campaignUid(), me, now);
                    nextBeat = now.plus(HEARTBEAT);
                }
            }
        } catch (InterruptedException e) {
            handle.stop();
            result = handle.await(1, TimeUnit.MINUTES);
            release(s, result, false);
            throw e;
        }
        return release(s, result, windowClosed);
    }

    private Outcome release(Schedule s, RunResult result, boolean windowClosed) {
        // Somebody else (another desktop, a command line) is sending the campaign: this start sent nothing.
        if (result != null && result.refused()) return notStarted(s, result.reason());
        Progress p = result == null ? null : result.progress();
        boolean nothingLeft = p != null && p.remaining() == 0;
        ScheduleState next = nothingLeft ? ScheduleState.DONE : ScheduleState.SCHEDULED;
        String sentence = sentence(s, p, windowClosed, nothingLeft);
        schedules.release(s.campaignUid(), me, next, sentence);
        return new Outcome.Ran(s, result, windowClosed, next, sentence);
    }

    private String sentence(Schedule s, Progress p, boolean windowClosed, boolean nothingLeft) {
        if (p == null) return "Stopped; the rest is sent by the next run.";
        String counts = p.summary().replaceFirst("\\s*\\(.*\\)$", "");
        String unknown = p.count(RecipientState.UNKNOWN) > 0
                ? "; " + p.count(RecipientState.UNKNOWN) + " UNKNOWN wait for you on the Delivery tab" : "";
        if (nothingLeft) return "Finished: " + counts + unknown + ".";
        if (windowClosed) return "The sending window closed: " + counts + "; " + p.remaining() + " left, "
                + ScheduleWords.waitingForWindow(s, clock.instant()) + ".";
        return "Not finished: " + counts + "; " + p.remaining() + " left for the next run" + unknown + ".";
    }

    private Outcome notStarted(Schedule s, String why) {
        schedules.release(s.campaignUid(), me, ScheduleState.MISSED, "Did not start: " + why);
        return new Outcome.NotStarted(s, why);
    }
}
