package org.broadside.cli;

import org.broadside.campaign.CampaignDocument;
import org.broadside.schedule.DailyWindow;
import org.broadside.schedule.InvalidScheduleException;
import org.broadside.schedule.Schedule;
import org.broadside.schedule.ScheduleBusyException;
import org.broadside.schedule.ScheduleInput;
import org.broadside.schedule.ScheduleWords;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Set;
import java.util.concurrent.Callable;

/** "broadside schedule set": when a campaign starts and in which daily window it sends. */
@Command(name = "set", mixinStandardHelpOptions = true,
        description = {"Schedules a campaign: it starts at --at (in --zone) and, with --window, sends only within those hours.",
                "Setting it again replaces the schedule. Example:",
                "  broadside schedule set spring.json --at \"2026-12-24T09:00\" --zone Europe/Paris --window 09:00-17:00 --days mon-fri"})
public final class ScheduleSetCommand extends CommandSupport implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "CAMPAIGN.json", description = "The campaign document (it is read from this file when it starts).")
    Path campaignFile;

    @Option(names = "--at", required = true, paramLabel = "DATE-TIME", description = "When it starts, e.g. 2026-12-24T09:00 (local time of --zone).")
    String at;

    @Option(names = "--zone", paramLabel = "ZONE", description = "Time zone of --at and --window, e.g. Europe/Paris (default: this computer's, ${DEFAULT-VALUE}).")
    String zone = ZoneId.systemDefault().getId();

    @Option(names = "--window", paramLabel = "HH:MM-HH:MM", description = "Send only between these times each day, e.g. 09:00-17:00 (22:00-06:00 runs past midnight).")
    String window;

    @Option(names = "--days", paramLabel = "DAYS", description = "Days of the sending window: mon-fri, sat,sun, mon,wed,fri or all (default: all). Needs --window.")
    String days;

    @Override
    public Integer call() throws Exception {
        CampaignDocument doc = CampaignArgs.read(campaignFile);
        Schedule schedule;
        try {
            ZoneId z = ScheduleInput.zone(zone);
            Instant start = ZonedDateTime.of(ScheduleInput.dateTime(at), z).toInstant();
            if (days != null && window == null) throw new InvalidScheduleException("--days needs --window (the hours of the sending window).");
            Set<DayOfWeek> d = days == null ? DailyWindow.everyDay() : ScheduleInput.days(days);
            DailyWindow w = window == null ? null : ScheduleInput.window(window, d);
            schedule = Schedule.of(doc.uid(), doc.displayName(), campaignFile.toAbsolutePath().normalize(), start, z, w);
        } catch (InvalidScheduleException e) {
            throw new UserInputException(e.getMessage(), e);
        }
        try {
            ScheduleCommand.repository(this).save(schedule);
        } catch (ScheduleBusyException e) {
            throw new UserInputException(e.getMessage(), e);
        }
        out().println(doc.displayName() + ": " + ScheduleWords.startSentence(schedule, Instant.now())
                + (schedule.window() == null ? "" : "; sends " + ScheduleWords.window(schedule.window())) + ".");
        return ExitCodes.OK;
    }
}
