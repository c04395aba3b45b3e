package org.broadside.cli;

import org.broadside.diagnostics.ErrorDetails;
import org.broadside.diagnostics.LogFile;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/**
 * Starts the log file of the chosen data directory before a command runs (the directory is known only once the
 * arguments are parsed), then runs it as picocli would. The console stays quiet for commands (they print their own
 * results and errors), shows warnings for the desktop app, and everything from DEBUG up with --verbose.
 * Asking for help or the version writes no log.
 */
final class LoggedExecution implements CommandLine.IExecutionStrategy {
    private final CommandLine.IExecutionStrategy next;

    LoggedExecution(CommandLine.IExecutionStrategy next) {
        this.next = next;
    }

    @Override
    public int execute(CommandLine.ParseResult parseResult) {
        if (!onlyHelp(parseResult) && parseResult.commandSpec().userObject() instanceof BroadsideCommand root) {
            LogFile.Console console = root.verbose ? LogFile.Console.DEBUG
                    : parseResult.hasSubcommand() ? LogFile.Console.QUIET : LogFile.Console.WARNINGS;
            LogFile.start(root.dataDirectory(), console);
            LoggerFactory.getLogger(LoggedExecution.class).info("Broadside {} started: {}", ErrorDetails.version(),
                    last(parseResult).commandSpec().qualifiedName());
        }
        return next.execute(parseResult);
    }

    private static boolean onlyHelp(CommandLine.ParseResult parseResult) {
        for (CommandLine.ParseResult p = parseResult; p != null; p = p.subcommand()) {
            if (p.isUsageHelpRequested() || p.isVersionHelpRequested()
                    || p.commandSpec().userObject() instanceof CommandLine.HelpCommand) return true;
        }
        return false;
    }

    private static CommandLine.ParseResult last(CommandLine.ParseResult parseResult) {
        CommandLine.ParseResult p = parseResult;
        while (p.hasSubcommand()) p = p.subcommand();
        return p;
    }
}
