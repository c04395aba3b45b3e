package org.broadside.cli;

import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

import java.util.Set;
import java.util.stream.Collectors;

/**
 * "--help" wins over the other mistakes on the line: someone who typed it wants the help, not an error about a
 * missing value. Picocli already skips the required-parameter checks when help is asked for; this covers the
 * errors it still raises, such as "Expected parameter for option '--type' but found '--help'".
 */
final class HelpRequest {
    private HelpRequest() {}

    /** True when an argument before "--" is one of the help option names of the command that failed to parse. */
    static boolean isIn(String[] args, CommandLine command) {
        Set<String> helpNames = command.getCommandSpec().options().stream()
                .filter(OptionSpec::usageHelp)
                .flatMap(option -> Set.of(option.names()).stream())
                .collect(Collectors.toSet());
        for (String arg : args) {
            if (arg.equals("--")) return false;
            if (helpNames.contains(arg)) return true;
        }
        return false;
    }

    /** Prints the command's usage on its standard output and returns the exit code of a successful help request. */
    static int printUsage(CommandLine command) {
        command.usage(command.getOut(), command.getColorScheme());
        return command.getCommandSpec().exitCodeOnUsageHelp();
    }
}
