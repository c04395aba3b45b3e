package org.broadside.cli;

import org.broadside.schedule.Schedule;
import org.broadside.schedule.ScheduleWords;
import picocli.CommandLine.Command;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** "broadside schedule list": every scheduled campaign with its next start. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the scheduled campaigns with their next start, window and state.")
public final class ScheduleListCommand extends CommandSupport implements Runnable {
    private static final String[] HEADER = {"CAMPAIGN", "NEXT START", "ZONE", "WINDOW", "STATE", "LAST RUN"};
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE yyyy-MM-dd HH:mm", Locale.ENGLISH);

    @Override
    public void run() {
        List<Schedule> all = ScheduleCommand.repository(this).list();
        if (all.isEmpty()) {
            out().println("No scheduled campaigns. Schedule one with: broadside schedule set CAMPAIGN.json --at 2026-12-24T09:00");
            return;
        }
        Instant now = Instant.now();
        List<String[]> rows = new ArrayList<>();
        rows.add(HEADER);
        for (Schedule s : all) rows.add(row(s, now));
        int[] widths = new int[HEADER.length];
        for (String[] r : rows) for (int i = 0; i < r.length; i++) widths[i] = Math.max(widths[i], r[i].length());
        for (String[] r : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < r.length; i++) line.append(i == 0 ? "" : "  ").append(String.format("%-" + widths[i] + "s", r[i]));
            out().println(line.toString().stripTrailing());
        }
        all.stream().filter(s -> s.lastResult() != null).forEach(s -> out().println(s.campaignName() + ": " + s.lastResult()));
    }

    private static String[] row(Schedule s, Instant now) {
        Instant next = s.nextStart(now);
        String nextText = next == null ? "-" : !next.isAfter(now) ? "due now" : WHEN.format(next.atZone(s.zone()));
        String state = ScheduleWords.state(s.state()).toLowerCase(Locale.ROOT)
                + (s.claimant() == null ? "" : " by " + s.claimant().describe());
        String last = s.lastRunAt() == null ? "never" : WHEN.format(s.lastRunAt().atZone(ZoneId.systemDefault()));
        return new String[] {s.campaignName(), nextText, s.zone().getId(), ScheduleWords.window(s.window()), state, last};
    }
}
