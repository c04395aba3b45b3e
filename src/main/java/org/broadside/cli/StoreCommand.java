package org.broadside.cli;

import picocli.CommandLine.Command;

/** "broadside store ...": the store as a whole (moving it between this computer and a team store). */
@Command(name = "store", description = "The store as a whole: copy this computer's store into a team store, and back.",
        mixinStandardHelpOptions = true, subcommands = {StoreCopyCommand.class, HelpCommand.class})
public final class StoreCommand {
}
