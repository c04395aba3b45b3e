package org.broadside.cli;

import org.broadside.compose.CampaignSender;
import org.broadside.delivery.AccountNotice;
import org.broadside.delivery.DeliveryListener;
import org.broadside.delivery.RunResult;
import org.broadside.schedule.Claimant;
import org.broadside.schedule.Schedule;
import org.broadside.schedule.ScheduleState;
import org.broadside.schedule.ScheduleWords;
import org.broadside.schedule.ScheduledRuns;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** "broadside schedule run": sends every due scheduled campaign once and exits; made for cron and its kin. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Sends every scheduled campaign that is due now, one after the other, then exits.",
                "A campaign with a daily window is sent until its window closes; the rest waits for the next run.",
                "A campaign the desktop app (or another run) is sending is skipped.",
                "Exit 0 when every campaign run is finished (or none was due); 3 when some recipients are left; 2 when one could not start."})
public final class ScheduleRunCommand extends CommandSupport implements Callable<Integer> {
    @Option(names = "--no-dns", description = "Skip the DNS checks of the From domain (SPF, DKIM, DMARC, MX) before a first send.")
    boolean noDns;

    @Option(names = "--quiet", description = "Print only what each campaign's run did.")
    boolean quiet;

    @Override
    public Integer call() throws Exception {
        var repo = ScheduleCommand.repository(this);
        ScheduledRuns runs = new ScheduledRuns(repo, CampaignSender.create(database(), credentials()),
                Claimant.self(Claimant.Kind.COMMAND_LINE), Clock.systemUTC(), Duration.ofSeconds(1));
        List<Schedule> due = runs.due();
        if (due.isEmpty()) {
            out().println("Nothing is due." + nextStart(repo.list()));
            return ExitCodes.OK;
        }
        CountDownLatch finished = new CountDownLatch(1);
        Thread stopper = new Thread(() -> {
            runs.stop();
            try {
                finished.await(10, TimeUnit.MINUTES);
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
        }, "broadside-ctrl-c");
        Runtime.getRuntime().addShutdownHook(stopper);
        int exit = ExitCodes.OK;
        try {
            for (Schedule s : due) exit = Math.max(exit, runOne(runs, s));
        } finally {
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(stopper);
            } catch (IllegalStateException alreadyShuttingDown) {
                // Ctrl-C arrived: the hook is waiting for this loop, which has now ended.
            }
        }
        out().flush();
        return exit;
    }

    private int runOne(ScheduledRuns runs, Schedule s) throws InterruptedException {
        out().println(s.campaignName() + ": starting (due " + ScheduleWords.when(s.start(), s.zone()) + ")");
        out().flush();
        CampaignSender.PreSendChecks checks = noDns ? CampaignSender.PreSendChecks.WITHOUT_DNS : CampaignSender.PreSendChecks.ALL;
        ScheduledRuns.Outcome outcome = runs.run(s, checks, quiet ? DeliveryListener.NONE : new Notices(s.campaignName()));
        if (outcome instanceof ScheduledRuns.Outcome.Skipped skipped) {
            out().println(s.campaignName() + ": skipped, " + skipped.why() + ".");
            return ExitCodes.OK;
        }
        if (outcome instanceof ScheduledRuns.Outcome.NotStarted notStarted) {
            err().println("broadside: " + s.campaignName() + " did not start: " + notStarted.why());
            err().println("It is marked missed; fix it, then schedule it again (or run it with 'broadside send').");
            return ExitCodes.BAD_INPUT;
        }
        ScheduledRuns.Outcome.Ran ran = (ScheduledRuns.Outcome.Ran) outcome;
        out().println(s.campaignName() + ": " + ran.sentence());
        RunResult r = ran.result();
        boolean complete = ran.next() == ScheduleState.DONE && r != null && r.complete();
        return complete ? ExitCodes.OK : ExitCodes.INCOMPLETE;
    }

    private static String nextStart(List<Schedule> all) {
        Instant now = Instant.now();
        return all.stream().filter(s -> s.nextStart(now) != null).min(Comparator.comparing((Schedule s) -> s.nextStart(now)))
                .map(s -> " Next: " + s.campaignName() + ", " + ScheduleWords.startSentence(s, now).replaceFirst("^Starts", "starts") + ".")
                .orElse("");
    }

    /** Prints each account notice when it happens, like send does. */
    private final class Notices implements DeliveryListener {
        private final String campaign;

        Notices(String campaign) { this.campaign = Objects.requireNonNull(campaign); }

        @Override
        public synchronized void accountNotice(AccountNotice notice) {
            out().println(campaign + ": " + notice.account() + ": " + notice.sentence());
            out().flush();
        }
    }
}
