package org.broadside.cli;

import org.broadside.schedule.Schedule;
import org.broadside.schedule.ScheduleBusyException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.util.concurrent.Callable;

/** "broadside schedule cancel": nothing starts the campaign again; its results so far stay. */
@Command(name = "cancel", mixinStandardHelpOptions = true,
        description = "Cancels a campaign's schedule. What was sent stays sent; 'broadside send' still resumes it by hand.")
public final class ScheduleCancelCommand extends CommandSupport implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "CAMPAIGN", description = "The campaign file, or its name as 'schedule list' shows it.")
    String campaign;

    @Override
    public Integer call() {
        var repo = ScheduleCommand.repository(this);
        Schedule s = ScheduleCommand.find(repo, campaign)
                .orElseThrow(() -> new UserInputException("No scheduled campaign is called \"" + campaign + "\"; see: broadside schedule list"));
        try {
            repo.cancel(s.campaignUid());
        } catch (ScheduleBusyException e) {
            throw new UserInputException(e.getMessage(), e);
        }
        out().println(s.campaignName() + ": schedule cancelled.");
        return ExitCodes.OK;
    }
}
