package org.broadside.schedule;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** How a schedule reads in a sentence, the same in the app and on the command line. */
public final class ScheduleWords {
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("EEE d MMM yyyy 'at' HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("EEE HH:mm", Locale.ENGLISH);

    private ScheduleWords() {}

    /** "Thu 24 Dec 2026 at 09:00 (Europe/Paris)". */
    public static String when(Instant at, ZoneId zone) {
        return DATE_TIME.format(at.atZone(zone)) + " (" + zone.getId() + ")";
    }

    /** "Mon 09:00": a time within the coming week, in the schedule's zone. */
    public static String dayAndTime(Instant at, ZoneId zone) {
        return DAY_TIME.format(at.atZone(zone));
    }

    /** "Starts Thu 24 Dec 2026 at 09:00 (Europe/Paris), in 18 days"; "Starts now" when due. */
    public static String startSentence(Schedule s, Instant now) {
        Instant next = s.nextStart(now);
        if (next == null) return "Does not start again";
        if (!next.isAfter(now)) return "Starts now (it was due " + when(s.start(), s.zone()) + ")";
        return "Starts " + when(next, s.zone()) + ", " + relative(now, next, s.zone());
    }

    /** "in 18 days", "tomorrow", "in 3 hours", "in 5 minutes", "in less than a minute". */
    public static String relative(Instant now, Instant then, ZoneId zone) {
        Duration d = Duration.between(now, then);
        if (d.isNegative() || d.isZero()) return "now";
        if (d.toMinutes() < 1) return "in less than a minute";
        if (d.toMinutes() < 60) return "in " + plural(d.toMinutes(), "minute");
        if (d.toHours() < 12) return "in " + plural(d.toHours(), "hour");
        long days = ChronoUnit.DAYS.between(now.atZone(zone).toLocalDate(), then.atZone(zone).toLocalDate());
        if (days == 0) return "today";
        if (days == 1) return "tomorrow";
        return "in " + days + " days";
    }

    /** "09:00-17:00, Mon-Fri"; "any time" without a window. */
    public static String window(DailyWindow w) {
        if (w == null) return "any time";
        return w.from() + "-" + w.to() + ", " + days(w.days());
    }

    /** "every day", "Mon-Fri", "Sat-Sun" or "Mon, Wed, Fri". */
    public static String days(Set<DayOfWeek> days) {
        if (days.size() == 7) return "every day";
        List<DayOfWeek> sorted = days.stream().sorted().toList();
        boolean consecutive = sorted.get(sorted.size() - 1).getValue() - sorted.get(0).getValue() == sorted.size() - 1;
        if (consecutive && sorted.size() > 2) return name(sorted.get(0)) + "-" + name(sorted.get(sorted.size() - 1));
        List<String> names = new ArrayList<>();
        sorted.forEach(d -> names.add(name(d)));
        return String.join(", ", names);
    }

    /** "Scheduled", "Sending", "Done", "Cancelled", "Missed". */
    public static String state(ScheduleState s) {
        return switch (s) {
            case SCHEDULED -> "Scheduled";
            case RUNNING -> "Sending";
            case DONE -> "Done";
            case CANCELLED -> "Cancelled";
            case MISSED -> "Missed";
        };
    }

    /** The paused run's reason: "waiting for the sending window, resumes Mon 09:00". */
    public static String waitingForWindow(Schedule s, Instant now) {
        return "waiting for the sending window, resumes " + dayAndTime(s.window().nextOpening(now, s.zone()), s.zone());
    }

    private static String name(DayOfWeek d) { return d.getDisplayName(TextStyle.SHORT, Locale.ENGLISH); }

    private static String plural(long n, String unit) { return n + " " + unit + (n == 1 ? "" : "s"); }
}
