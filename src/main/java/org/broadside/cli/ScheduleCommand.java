package org.broadside.cli;

import org.broadside.campaign.CampaignDocument;
import org.broadside.schedule.Schedule;
import org.broadside.schedule.ScheduleRepository;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** "broadside schedule": set, list, cancel and run scheduled campaigns (docs/scheduling.md shows cron and friends). */
@Command(name = "schedule", mixinStandardHelpOptions = true,
        description = {"Start campaigns at a date and time, optionally only within a daily sending window.",
                "Run 'broadside schedule run' from cron, a systemd timer or the Windows Task Scheduler to send them unattended."},
        subcommands = {ScheduleSetCommand.class, ScheduleListCommand.class, ScheduleCancelCommand.class, ScheduleRunCommand.class,
                HelpCommand.class})
public final class ScheduleCommand extends CommandSupport implements Runnable {
    @Override
    public void run() {
        throw new CommandLine.ParameterException(commandLine(), "Missing a subcommand: set, list, cancel or run.");
    }

    static ScheduleRepository repository(CommandSupport command) {
        return new ScheduleRepository(command.database());
    }

    /** The schedule a CAMPAIGN argument names: a campaign file (its uid), or the campaign's name as listed. */
    static Optional<Schedule> find(ScheduleRepository repo, String campaign) {
        Path file = Path.of(campaign);
        if (Files.isRegularFile(file)) {
            CampaignDocument doc = CampaignArgs.read(file);
            Optional<Schedule> byUid = repo.find(doc.uid());
            if (byUid.isPresent()) return byUid;
        }
        return repo.list().stream().filter(s -> s.campaignName().equalsIgnoreCase(campaign.strip())
                || s.campaignFile().equals(file.toAbsolutePath().normalize())).findFirst();
    }
}
