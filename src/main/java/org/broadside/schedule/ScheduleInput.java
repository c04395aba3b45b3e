package org.broadside.schedule;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** Reads what a person types for a schedule: a date and time, a zone, "09:00-17:00", "mon-fri". */
public final class ScheduleInput {
    private ScheduleInput() {}

    /** "2026-12-24T09:00" or "2026-12-24 09:00". */
    public static LocalDateTime dateTime(String text) throws InvalidScheduleException {
        String t = text == null ? "" : text.strip().replace(' ', 'T');
        try {
            return LocalDateTime.parse(t);
        } catch (DateTimeParseException e) {
            throw new InvalidScheduleException("\"" + text + "\" is not a date and time; write it as 2026-12-24T09:00.");
        }
    }

    /** "09:00" or "9:00". */
    public static LocalTime time(String text) throws InvalidScheduleException {
        String t = text == null ? "" : text.strip();
        if (t.matches("\\d:\\d\\d")) t = "0" + t;
        try {
            return LocalTime.parse(t);
        } catch (DateTimeParseException e) {
            throw new InvalidScheduleException("\"" + text + "\" is not a time of day; write it as 09:00 (24-hour clock).");
        }
    }

    /** An IANA zone such as Europe/Paris. */
    public static ZoneId zone(String text) throws InvalidScheduleException {
        try {
            return ZoneId.of(text.strip());
        } catch (DateTimeException | NullPointerException e) {
            throw new InvalidScheduleException("\"" + text + "\" is not a time zone; use a name such as Europe/Paris or America/New_York.");
        }
    }

    /** "09:00-17:00" on the given days. */
    public static DailyWindow window(String hours, Set<DayOfWeek> days) throws InvalidScheduleException {
        String[] parts = hours == null ? new String[0] : hours.strip().split("\\s*-\\s*");
        if (parts.length != 2) throw new InvalidScheduleException("\"" + hours + "\" is not a window; write it as 09:00-17:00.");
        return window(time(parts[0]), time(parts[1]), days);
    }

    public static DailyWindow window(LocalTime from, LocalTime to, Set<DayOfWeek> days) throws InvalidScheduleException {
        if (from.equals(to)) throw new InvalidScheduleException("The sending window starts and ends at " + from + ", so it is never open; choose two different times.");
        if (days.isEmpty()) throw new InvalidScheduleException("The sending window has no day; choose at least one day of the week.");
        return new DailyWindow(from, to, days);
    }

    /** "mon-fri", "sat,sun", "mon,wed,fri", "weekdays", "all". */
    public static Set<DayOfWeek> days(String text) throws InvalidScheduleException {
        String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        if (t.equals("all") || t.equals("every day") || t.equals("daily")) return DailyWindow.everyDay();
        if (t.equals("weekdays")) return DailyWindow.weekdays();
        if (t.equals("weekends")) return EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
        Set<DayOfWeek> out = EnumSet.noneOf(DayOfWeek.class);
        for (String part : t.split("\\s*,\\s*")) {
            String[] range = part.split("\\s*-\\s*");
            if (range.length == 1) {
                out.add(day(range[0], text));
            } else if (range.length == 2) {
                DayOfWeek d = day(range[0], text);
                DayOfWeek end = day(range[1], text);
                out.add(d);
                while (d != end) {
                    d = d.plus(1);
                    out.add(d);
                }
            } else {
                throw new InvalidScheduleException("\"" + text + "\" is not a list of days; write mon-fri or mon,wed,fri.");
            }
        }
        return out;
    }

    private static DayOfWeek day(String s, String whole) throws InvalidScheduleException {
        for (DayOfWeek d : DayOfWeek.values()) {
            if (s.length() >= 3 && d.name().toLowerCase(Locale.ROOT).startsWith(s)) return d;
        }
        throw new InvalidScheduleException("\"" + s + "\" in \"" + whole + "\" is not a day; use mon, tue, wed, thu, fri, sat or sun.");
    }
}
