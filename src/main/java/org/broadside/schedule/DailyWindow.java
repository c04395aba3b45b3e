package org.broadside.schedule;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The hours of the day in which a scheduled campaign may send, on chosen days of the week, read in the schedule's time
 * zone. A window whose end is before its start runs past midnight (22:00-06:00): it belongs to the day it opens on.
 * Every instant is computed through {@link ZonedDateTime}, so a window is as long in local time on the day clocks
 * change (09:00-17:00 is 8 hours of wall clock, 7 or 9 of real time only if the change falls inside it).
 */
public record DailyWindow(LocalTime from, LocalTime to, Set<DayOfWeek> days) {
    /** Opening and closing of one day's window. */
    public record Interval(Instant opens, Instant closes) {}

    public DailyWindow {
        if (from == null || to == null) throw new IllegalArgumentException("a sending window needs a start and an end time");
        if (from.equals(to)) throw new IllegalArgumentException("the sending window starts and ends at " + from + ": it would never be open");
        if (days == null || days.isEmpty()) throw new IllegalArgumentException("the sending window has no day of the week");
        days = Set.copyOf(EnumSet.copyOf(days));
    }

    /** Every day of the week. */
    public static Set<DayOfWeek> everyDay() { return EnumSet.allOf(DayOfWeek.class); }

    /** Monday to Friday. */
    public static Set<DayOfWeek> weekdays() { return EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY); }

    /** The window that contains {@code at}, if it is open then. */
    public Optional<Interval> openAt(Instant at, ZoneId zone) {
        LocalDate today = at.atZone(zone).toLocalDate();
        // A window that runs past midnight and opened yesterday may still be open.
        for (LocalDate d = today.minusDays(1); !d.isAfter(today); d = d.plusDays(1)) {
            Optional<Interval> i = intervalOn(d, zone);
            if (i.isPresent() && !at.isBefore(i.get().opens()) && at.isBefore(i.get().closes())) return i;
        }
        return Optional.empty();
    }

    public boolean isOpen(Instant at, ZoneId zone) { return openAt(at, zone).isPresent(); }

    /** {@code at} itself when the window is open then, else the next time it opens. */
    public Instant nextOpening(Instant at, ZoneId zone) {
        if (isOpen(at, zone)) return at;
        LocalDate d = at.atZone(zone).toLocalDate();
        // Eight days always reach the next chosen weekday.
        for (int i = 0; i <= 8; i++, d = d.plusDays(1)) {
            Optional<Interval> interval = intervalOn(d, zone);
            if (interval.isPresent() && interval.get().opens().isAfter(at)) return interval.get().opens();
        }
        throw new IllegalStateException("a window with days " + days + " never opens");
    }

    /** When the window open at {@code at} closes; empty when it is closed then. */
    public Optional<Instant> closing(Instant at, ZoneId zone) {
        return openAt(at, zone).map(Interval::closes);
    }

    private Optional<Interval> intervalOn(LocalDate day, ZoneId zone) {
        if (!days.contains(day.getDayOfWeek())) return Optional.empty();
        Instant opens = ZonedDateTime.of(day, from, zone).toInstant();
        LocalDate endDay = to.isAfter(from) ? day : day.plusDays(1);
        Instant closes = ZonedDateTime.of(endDay, to, zone).toInstant();
        return Optional.of(new Interval(opens, closes));
    }
}
