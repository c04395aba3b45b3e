package org.broadside.ui.schedule;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import org.broadside.schedule.Schedule;
import org.broadside.schedule.ScheduleBusyException;
import org.broadside.schedule.ScheduleRepository;
import org.broadside.schedule.ScheduleWords;

import java.time.Instant;

/**
 * At start-up, a schedule whose time passed while Broadside was closed: the user says whether to send it now, later
 * (it waits in Tools > Scheduled campaigns, marked missed) or not at all. Sending a campaign hours late is a choice,
 * never something the app does by itself.
 */
public final class MissedStart {
    /** What the user chose. */
    public enum Choice { RUN_NOW, LATER, CANCEL }

    private MissedStart() {}

    static final ButtonType RUN = new ButtonType("Send now", ButtonBar.ButtonData.OK_DONE);
    static final ButtonType LATER = new ButtonType("Later", ButtonBar.ButtonData.CANCEL_CLOSE);
    static final ButtonType CANCEL = new ButtonType("Cancel the schedule", ButtonBar.ButtonData.OTHER);

    /** Asks, then records the answer. */
    public static void ask(Schedule s, ScheduleRepository schedules) {
        ButtonType answer = dialog(s).showAndWait().orElse(LATER);
        apply(s, answer == RUN ? Choice.RUN_NOW : answer == CANCEL ? Choice.CANCEL : Choice.LATER, schedules, Instant.now());
    }

    static Alert dialog(Schedule s) {
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, question(s), RUN, LATER, CANCEL);
        a.setHeaderText(s.campaignName() + " was due while Broadside was closed");
        org.broadside.ui.common.FormFields.keepButtonLabels(a.getDialogPane());
        return a;
    }

    static String question(Schedule s) {
        return "It was scheduled for " + ScheduleWords.when(s.start(), s.zone()) + ". Send it now, keep it for later "
                + "(Tools > Scheduled campaigns, Run now), or cancel the schedule?";
    }

    /** Records the choice: RUN_NOW leaves it due for the scheduler's next look; LATER marks it missed. */
    public static void apply(Schedule s, Choice choice, ScheduleRepository schedules, Instant now) {
        try {
            switch (choice) {
                case RUN_NOW -> { }
                case LATER -> schedules.markMissed(s.campaignUid(), "Missed: it was due " + ScheduleWords.when(s.start(), s.zone())
                        + " while Broadside was closed.");
                case CANCEL -> schedules.cancel(s.campaignUid());
            }
        } catch (ScheduleBusyException e) {
            // Another process (a cron job) took it meanwhile: it is being sent, which is what the schedule asked for.
        }
    }
}
