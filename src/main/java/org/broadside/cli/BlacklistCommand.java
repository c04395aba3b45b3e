package org.broadside.cli;

import picocli.CommandLine.Command;

/** "broadside blacklist ...": the global blacklist every campaign is checked against at send time. */
@Command(name = "blacklist", description = "The global blacklist: addresses and whole domains never sent to.",
        mixinStandardHelpOptions = true,
        subcommands = {BlacklistAddCommand.class, BlacklistImportCommand.class, BlacklistExportCommand.class, BlacklistShowCommand.class, BlacklistRemoveCommand.class,
                HelpCommand.class})
public final class BlacklistCommand {
}
