package org.broadside.schedule;

import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.EnumSet;

import static java.time.DayOfWeek.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What people type for a schedule, and the sentence they get back when it is not right. */
class ScheduleInputTest {
    @Test
    void dayRangesListsAndWrapAroundRangesAreRead() throws Exception {
        assertThat(ScheduleInput.days("mon-fri")).isEqualTo(EnumSet.range(MONDAY, FRIDAY));
        assertThat(ScheduleInput.days("Sat,Sun")).isEqualTo(EnumSet.of(SATURDAY, SUNDAY));
        assertThat(ScheduleInput.days("fri-mon")).isEqualTo(EnumSet.of(FRIDAY, SATURDAY, SUNDAY, MONDAY));
        assertThat(ScheduleInput.days("all")).hasSize(7);
    }

    @Test
    void anUnknownDayIsNamedInTheError() {
        assertThatThrownBy(() -> ScheduleInput.days("mon-fry")).isInstanceOf(InvalidScheduleException.class)
                .hasMessageContaining("\"fry\"").hasMessageContaining("mon, tue");
    }

    @Test
    void aWindowIsTwoTimesAndMayNotBeEmpty() throws Exception {
        assertThat(ScheduleInput.window("9:00-17:30", EnumSet.of(DayOfWeek.MONDAY)).to()).isEqualTo(LocalTime.of(17, 30));
        assertThatThrownBy(() -> ScheduleInput.window("09:00-09:00", EnumSet.of(MONDAY))).hasMessageContaining("never open");
        assertThatThrownBy(() -> ScheduleInput.window("9 to 5", EnumSet.of(MONDAY))).hasMessageContaining("09:00-17:00");
    }

    @Test
    void aBadDateOrZoneSaysHowToWriteIt() {
        assertThatThrownBy(() -> ScheduleInput.dateTime("24/12/2026 9h")).hasMessageContaining("2026-12-24T09:00");
        assertThatThrownBy(() -> ScheduleInput.zone("Paris")).hasMessageContaining("Europe/Paris");
    }
}
