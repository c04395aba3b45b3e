package org.broadside.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * "help A B ...": the usage of a command at any depth ("broadside help dkim generate").
 * Picocli's own help command looks up only the first name, so it printed the help of "dkim" there.
 */
@Command(name = "help", helpCommand = true,
        description = "Show the help of COMMAND and its subcommands, e.g. 'broadside help dkim generate'.")
public final class HelpCommand implements CommandLine.IHelpCommandInitializable2, Runnable {
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    boolean helpRequested;

    @Parameters(paramLabel = "COMMAND", arity = "0..*", description = "The command and its subcommands.")
    List<String> names = new ArrayList<>();

    private CommandLine self;
    private CommandLine.Help.ColorScheme colors;
    private PrintWriter out;

    @Override
    public void init(CommandLine helpCommandLine, CommandLine.Help.ColorScheme colorScheme, PrintWriter outWriter, PrintWriter errWriter) {
        self = helpCommandLine;
        colors = colorScheme;
        out = outWriter;
    }

    @Override
    public void run() {
        CommandLine target = self.getParent();
        for (String name : names) {
            CommandLine sub = target.getSubcommands().get(name);
            if (sub == null) {
                // Thrown as a usage error: the handler names the command whose help lists the valid names.
                throw new CommandLine.ParameterException(target,
                        "Unknown command '" + qualifiedAfterRoot(target, name) + "'.", null, name);
            }
            target = sub;
        }
        target.usage(out, colors);
    }

    /** "list nosuch" for the name "nosuch" under "broadside list", as the user would type it after "broadside". */
    private static String qualifiedAfterRoot(CommandLine parent, String name) {
        String parentPath = parent.getCommandSpec().qualifiedName(" ");
        int space = parentPath.indexOf(' ');
        return space < 0 ? name : parentPath.substring(space + 1) + " " + name;
    }
}
