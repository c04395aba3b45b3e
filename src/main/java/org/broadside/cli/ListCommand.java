package org.broadside.cli;

import picocli.CommandLine.Command;

/** "broadside list ...": contact lists, their imports, quality checks and export. */
@Command(name = "list", description = "Manage contact lists: import, refresh, show, export, dedupe, validate.",
        mixinStandardHelpOptions = true,
        subcommands = {ListListCommand.class, ListImportCommand.class, ListRefreshCommand.class, ListShowCommand.class,
                ListExportCommand.class, ListDedupeCommand.class, ListValidateCommand.class, ListDeleteCommand.class,
                ListDisposableUpdateCommand.class, HelpCommand.class})
public final class ListCommand {
}
