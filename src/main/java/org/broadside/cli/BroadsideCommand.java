package org.broadside.cli;

import org.broadside.diagnostics.DesktopProblem;
import org.broadside.store.Database;
import org.broadside.store.DataDirectory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** The top-level "broadside" command. Without a subcommand it opens the desktop app. */
@Command(name = "broadside", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Bulk mailer and mail merge. Without a command, opens the desktop app.",
        subcommands = {
                HelpCommand.class,
                PreviewCommand.class,
                CheckCommand.class,
                SendCommand.class,
                ReportCommand.class,
                LogCommand.class,
                AccountCommand.class,
                DkimCommand.class,
                ListCommand.class,
                BlacklistCommand.class,
                MailboxCommand.class,
                BouncesCommand.class,
                ScheduleCommand.class,
                ServeCommand.class,
                UnsubscribesCommand.class,
        },
        sortOptions = false)
public final class BroadsideCommand implements Callable<Integer> {
    @Option(names = "--data", paramLabel = "DIR", scope = CommandLine.ScopeType.INHERIT,
            description = "Data directory (default: $BROADSIDE_HOME, else the platform's application data folder).")
    Path dataDir;

    @Option(names = "--verbose", scope = CommandLine.ScopeType.INHERIT,
            description = "Print the stack trace of an error, and log lines from DEBUG up on the console.")
    boolean verbose;

    private Database database;

    /** The store of the chosen data directory, opened on first use. */
    public synchronized Database database() {
        if (database == null) database = Database.open(dataDirectory());
        return database;
    }

    public Path dataDirectory() { return DataDirectory.resolve(dataDir); }

    @Override
    public Integer call() throws Exception {
        DesktopProblem desktop = DesktopProblem.ofThisSystem();
        var before = desktop.beforeStart();
        if (before.isPresent()) throw new DesktopUnavailableException(before.get(), null);
        // Loaded by name so that no command-line path ever loads JavaFX classes.
        try {
            Class<?> app = Class.forName("org.broadside.ui.DesktopApp");
            app.getMethod("launch", Path.class).invoke(null, dataDirectory());
        } catch (InvocationTargetException e) {
            var graphics = DesktopProblem.graphicsFailure(e.getCause());
            if (graphics.isPresent()) throw new DesktopUnavailableException(desktop.afterFailedStart(graphics.get()), graphics.get());
            throw e.getCause() instanceof Exception ex ? ex : e;
        }
        return ExitCodes.OK;
    }

    /** Runs the command line and returns the exit code. */
    public static int run(String... args) {
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        CliErrors.installUncaughtHandler();
        try {
            return newCommandLine(out, err).execute(args);
        } finally {
            // Commands may print without a line end; System.exit would drop what is still buffered.
            out.flush();
            err.flush();
        }
    }

    /** A configured command line writing to the given streams (tests capture them). */
    public static CommandLine newCommandLine(PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new BroadsideCommand());
        cl.setOut(out);
        cl.setErr(err);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        versionEverywhere(cl);
        cl.setExecutionStrategy(new LoggedExecution(cl.getExecutionStrategy()));
        cl.setExecutionExceptionHandler(new CliErrors());
        cl.setParameterExceptionHandler((ex, args) -> {
            CommandLine c = ex.getCommandLine();
            if (HelpRequest.isIn(args, c)) return HelpRequest.printUsage(c);
            c.getErr().println("broadside: " + ex.getMessage());
            c.getErr().println("Try '" + c.getCommandSpec().qualifiedName() + " --help'.");
            return ExitCodes.BAD_INPUT;
        });
        return cl;
    }

    /** -V on a subcommand prints Broadside's version too, not the empty line of a command without a provider. */
    private static void versionEverywhere(CommandLine cl) {
        if (cl.getCommandSpec().versionProvider() == null) {
            cl.getCommandSpec().versionProvider(new VersionProvider());
        }
        cl.getSubcommands().values().forEach(BroadsideCommand::versionEverywhere);
    }
}
