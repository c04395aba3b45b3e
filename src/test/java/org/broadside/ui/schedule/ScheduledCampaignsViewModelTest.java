package org.broadside.ui.schedule;

import org.broadside.schedule.Schedule;
import org.broadside.schedule.ScheduleRepository;
import org.broadside.schedule.ScheduleState;
import org.broadside.store.Database;
import org.broadside.testing.TempDirs;
import org.broadside.ui.common.SameThreadRunner;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Tools > Scheduled campaigns over a real store: order, next start in words, Cancel, Run now, Open. */
class ScheduledCampaignsViewModelTest {
    private static final Instant NOW = Instant.parse("2026-12-05T10:00:00Z");
    private final Path dir = TempDirs.create("scheduled-campaigns");
    private final Database db = Database.open(dir);
    private final ScheduleRepository repo = new ScheduleRepository(db);
    private final List<Path> opened = new ArrayList<>();
    private final ScheduledCampaignsViewModel vm = new ScheduledCampaignsViewModel(repo, new SameThreadRunner(),
            Clock.fixed(NOW, ZoneOffset.UTC), opened::add);

    @Test
    void listsTheSoonestFirstAndCancelAndRunNowChangeTheStore() throws Exception {
        repo.save(Schedule.of("late", "Late news", dir.resolve("late.json"), NOW.plusSeconds(86_400 * 3), ZoneOffset.UTC, null));
        repo.save(Schedule.of("soon", "Soon news", dir.resolve("soon.json"), NOW.plusSeconds(3600), ZoneOffset.UTC, null));
        vm.listenTo(db.events());
        vm.activate();
        assertThat(vm.items()).extracting(Schedule::campaignUid).containsExactly("soon", "late");
        assertThat(vm.nextStart(vm.items().get(0))).isEqualTo("Sat 5 Dec 2026 at 11:00 (Z), in 1 hour");

        vm.cancel(vm.items().get(1));
        assertThat(repo.find("late").orElseThrow().state()).isEqualTo(ScheduleState.CANCELLED);
        assertThat(vm.nextStart(vm.items().get(1))).isEqualTo("—");
        vm.runNow(vm.items().get(1));
        assertThat(repo.find("late").orElseThrow().state()).isEqualTo(ScheduleState.SCHEDULED);
        assertThat(vm.statusProperty().get()).isEqualTo("2 scheduled campaigns.");

        vm.open(vm.items().get(0));
        assertThat(opened).hasSize(1);
    }

    @Test
    void runNowWakesTheSchedulerInsteadOfWaitingForItsNextLook() throws Exception {
        repo.save(Schedule.of("late", "Late news", dir.resolve("late.json"), NOW.plusSeconds(86_400), ZoneOffset.UTC, null));
        List<String> looks = new ArrayList<>();
        vm.setLookNow(() -> looks.add("look"));
        vm.activate();
        vm.runNow(vm.items().get(0));
        assertThat(looks).as("the app's scheduler looked 15-28 s later").containsExactly("look");
    }

    @Test
    void anEmptyListSaysHowToScheduleOne() {
        vm.activate();
        assertThat(vm.statusProperty().get()).contains("Schedule… in the Campaign menu").doesNotContain("….");
    }
}
