package org.broadside.schedule;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;

import static org.assertj.core.api.Assertions.assertThat;

/** Next start, inside the window and window end, with fixed clocks; Europe/Paris for the clock changes. */
class ScheduleTimesTest {
    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    static final DailyWindow OFFICE = new DailyWindow(LocalTime.of(9, 0), LocalTime.of(17, 0), DailyWindow.weekdays());

    static Instant paris(String localDateTime) {
        return ZonedDateTime.of(java.time.LocalDateTime.parse(localDateTime), PARIS).toInstant();
    }

    static Clock clockAt(String localDateTime) {
        return Clock.fixed(paris(localDateTime), PARIS);
    }

    static Schedule schedule(String start, DailyWindow window) {
        return Schedule.of("c-1", "Winter news", Path.of("winter.json"), paris(start), PARIS, window);
    }

    @Test
    void withoutAWindowTheNextStartIsTheStartAndItIsDueFromThen() {
        Schedule s = schedule("2026-12-24T09:00", null);
        assertThat(s.nextStart(clockAt("2026-12-06T10:00").instant())).isEqualTo(paris("2026-12-24T09:00"));
        assertThat(s.isDue(clockAt("2026-12-24T08:59").instant())).isFalse();
        assertThat(s.isDue(clockAt("2026-12-24T09:00").instant())).isTrue();
    }

    @Test
    void aStartOnASaturdayWithAWeekdayWindowWaitsForMondayMorning() {
        Schedule s = schedule("2026-12-05T10:00", OFFICE); // a Saturday
        Instant now = clockAt("2026-12-05T10:00").instant();
        assertThat(s.isDue(now)).isFalse();
        assertThat(s.nextStart(now)).isEqualTo(paris("2026-12-07T09:00"));
    }

    @Test
    void aStartBeforeTheWindowOpensWaitsForItAndInsideTheWindowItIsDueUntilItCloses() {
        Schedule s = schedule("2026-12-07T07:30", OFFICE); // a Monday
        assertThat(s.nextStart(clockAt("2026-12-07T07:00").instant())).isEqualTo(paris("2026-12-07T09:00"));
        assertThat(s.isDue(clockAt("2026-12-07T08:59").instant())).isFalse();
        assertThat(s.isDue(clockAt("2026-12-07T09:00").instant())).isTrue();
        assertThat(s.windowEnd(clockAt("2026-12-07T12:00").instant())).isEqualTo(paris("2026-12-07T17:00"));
        assertThat(s.isDue(clockAt("2026-12-07T17:00").instant())).isFalse();
        assertThat(s.nextStart(clockAt("2026-12-07T17:00").instant())).isEqualTo(paris("2026-12-08T09:00"));
    }

    @Test
    void aFridayEveningRunResumesOnMonday() {
        Schedule s = schedule("2026-12-04T09:00", OFFICE);
        assertThat(ScheduleWords.waitingForWindow(s, clockAt("2026-12-11T17:00").instant()))
                .isEqualTo("waiting for the sending window, resumes Mon 09:00");
    }

    @Test
    void aWindowAcrossMidnightBelongsToTheDayItOpensOn() {
        DailyWindow night = new DailyWindow(LocalTime.of(22, 0), LocalTime.of(6, 0), EnumSet.of(DayOfWeek.MONDAY));
        assertThat(night.isOpen(paris("2026-12-07T23:00"), PARIS)).isTrue();   // Monday night
        assertThat(night.isOpen(paris("2026-12-08T03:00"), PARIS)).isTrue();   // Tuesday small hours, Monday's window
        assertThat(night.closing(paris("2026-12-08T03:00"), PARIS)).contains(paris("2026-12-08T06:00"));
        assertThat(night.isOpen(paris("2026-12-08T06:00"), PARIS)).isFalse();
        assertThat(night.isOpen(paris("2026-12-08T23:00"), PARIS)).isFalse();  // Tuesday night is not chosen
        assertThat(night.isOpen(paris("2026-12-07T03:00"), PARIS)).isFalse();  // Sunday's window is not chosen
        assertThat(night.nextOpening(paris("2026-12-08T07:00"), PARIS)).isEqualTo(paris("2026-12-14T22:00"));
    }

    @Test
    void theWindowFollowsTheWallClockAcrossTheSpringChangeInParis() {
        DailyWindow everyDay = new DailyWindow(LocalTime.of(9, 0), LocalTime.of(17, 0), DailyWindow.everyDay());
        // Clocks go from 02:00 to 03:00 on Sunday 29 March 2026: 09:00 is 08:00 UTC on Saturday, 07:00 UTC on Sunday.
        assertThat(everyDay.nextOpening(Instant.parse("2026-03-28T17:00:00Z"), PARIS)).isEqualTo(Instant.parse("2026-03-29T07:00:00Z"));
        assertThat(everyDay.closing(Instant.parse("2026-03-28T12:00:00Z"), PARIS)).contains(Instant.parse("2026-03-28T16:00:00Z"));
        assertThat(everyDay.closing(Instant.parse("2026-03-29T12:00:00Z"), PARIS)).contains(Instant.parse("2026-03-29T15:00:00Z"));
    }

    @Test
    void aNightWindowOverTheChangeIsAnHourShorterInSpringAndLongerInAutumn() {
        DailyWindow night = new DailyWindow(LocalTime.of(1, 0), LocalTime.of(5, 0), DailyWindow.everyDay());
        var spring = night.openAt(Instant.parse("2026-03-29T00:30:00Z"), PARIS).orElseThrow();
        assertThat(Duration.between(spring.opens(), spring.closes())).isEqualTo(Duration.ofHours(3));
        var autumn = night.openAt(Instant.parse("2026-10-25T00:30:00Z"), PARIS).orElseThrow();
        assertThat(Duration.between(autumn.opens(), autumn.closes())).isEqualTo(Duration.ofHours(5));
    }

    @Test
    void aStartInTheSpringGapBeginsWhenTheClockReachesIt() {
        // 02:30 does not exist on 29 March 2026 in Paris: the start is read as 03:30 summer time (01:30 UTC).
        Schedule s = Schedule.of("c", "n", Path.of("n.json"),
                ZonedDateTime.of(java.time.LocalDateTime.parse("2026-03-29T02:30"), PARIS).toInstant(), PARIS, null);
        assertThat(s.start()).isEqualTo(Instant.parse("2026-03-29T01:30:00Z"));
    }

    @Test
    void theNextStartReadsInWordsWithItsZoneAndHowFarAway() {
        Schedule s = schedule("2026-12-24T09:00", null);
        assertThat(ScheduleWords.startSentence(s, clockAt("2026-12-06T10:00").instant()))
                .isEqualTo("Starts Thu 24 Dec 2026 at 09:00 (Europe/Paris), in 18 days");
        assertThat(ScheduleWords.startSentence(s, clockAt("2026-12-23T12:00").instant())).endsWith(", tomorrow");
        assertThat(ScheduleWords.startSentence(s, clockAt("2026-12-24T06:00").instant())).endsWith(", in 3 hours");
        assertThat(ScheduleWords.startSentence(s, clockAt("2026-12-24T09:30").instant())).startsWith("Starts now");
    }

    @Test
    void aDoneOrCancelledScheduleHasNoNextStartAndIsNeverDue() {
        Schedule s = schedule("2026-12-24T09:00", null);
        Schedule done = new Schedule(s.campaignUid(), s.campaignName(), s.campaignFile(), s.start(), s.zone(), null,
                ScheduleState.DONE, null, null, null, null);
        assertThat(done.nextStart(paris("2026-12-25T09:00"))).isNull();
        assertThat(done.isDue(paris("2026-12-25T09:00"))).isFalse();
    }

    @Test
    void aStartThatPassedWithoutARunIsMissed() {
        Schedule s = schedule("2026-12-24T09:00", null);
        assertThat(s.wasMissed(paris("2026-12-24T09:00:30"), Duration.ofMinutes(1))).isFalse();
        assertThat(s.wasMissed(paris("2026-12-24T11:00"), Duration.ofMinutes(1))).isTrue();
    }
}
