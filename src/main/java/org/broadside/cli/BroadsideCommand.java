package org.broadside.cli;

import org.broadside.diagnostics.DesktopProblem;
import org.broadside.store.Database;
import org.broadside.store.DataDirectory;
import org.broadside.store.TeamStore;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/** The top-level "broadside" command. Without a subcommand it opens the desktop app. */
@Command(name = "broadside", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Bulk mailer and mail merge. Without a command, opens the desktop app.",
        sortOptions = false)
public final class BroadsideCommand implements Callable<Integer> {
    /**
     * The subcommands by name, in the order help lists them. Registered in code rather than in the annotation so that a
     * command line builds only the one it runs: picocli's model of all of them took ~0.25 s of every start. Named here
     * as well as in their {@code @Command}: reading sixteen classes' annotations to find one took ~0.03 s
     * ({@code OneCommandTreeTest} holds the two together).
     */
    static final Map<String, Class<?>> BY_NAME = byName(
            HelpCommand.class, "help",
            PreviewCommand.class, "preview",
            CheckCommand.class, "check",
            SendCommand.class, "send",
            ReportCommand.class, "report",
            LogCommand.class, "log",
            AccountCommand.class, "account",
            DkimCommand.class, "dkim",
            ListCommand.class, "list",
            BlacklistCommand.class, "blacklist",
            MailboxCommand.class, "mailbox",
            BouncesCommand.class, "bounces",
            ScheduleCommand.class, "schedule",
            ServeCommand.class, "serve",
            UnsubscribesCommand.class, "unsubscribes",
            StoreCommand.class, "store");

    /** The subcommands, in the order help lists them. */
    static final List<Class<?>> COMMANDS = List.copyOf(BY_NAME.values());

    private static Map<String, Class<?>> byName(Object... classAndName) {
        Map<String, Class<?>> map = new LinkedHashMap<>();
        for (int i = 0; i < classAndName.length; i += 2) map.put((String) classAndName[i + 1], (Class<?>) classAndName[i]);
        return java.util.Collections.unmodifiableMap(map);
    }

    @Option(names = "--data", paramLabel = "DIR", scope = CommandLine.ScopeType.INHERIT,
            description = "Data directory (default: $BROADSIDE_HOME, else the platform's application data folder).")
    Path dataDir;

    @Option(names = "--store", paramLabel = "URL", scope = CommandLine.ScopeType.INHERIT,
            description = "A team store on PostgreSQL instead of this computer's own (default: $BROADSIDE_STORE), e.g."
                    + " jdbc:postgresql://db.example.org:5432/broadside?user=bs; its password from $BROADSIDE_STORE_PASSWORD.")
    String store;

    @Option(names = "--verbose", scope = CommandLine.ScopeType.INHERIT,
            description = "Print the stack trace of an error, and log lines from DEBUG up on the console.")
    boolean verbose;

    private Database database;

    /** The chosen store (the team store of --store or $BROADSIDE_STORE, else the data directory's), opened on first use. */
    public synchronized Database database() {
        if (database == null) {
            database = teamStore().map(team -> Database.openTeam(dataDirectory(), team))
                    .orElseGet(() -> Database.open(dataDirectory()));
        }
        return database;
    }

    /** Closes the store this command line opened, if it opened one. */
    synchronized void closeDatabase() {
        if (database != null) {
            database.close();
            database = null;
        }
    }

    /** The team store the options or the environment name, if any. */
    public Optional<TeamStore> teamStore() {
        return TeamStore.fromOptions(store, System.getenv());
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
            app.getMethod("launch", Path.class, TeamStore.class).invoke(null, dataDirectory(), teamStore().orElse(null));
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
        List<Class<?>> commands = commandsFor(args);
        CliErrors.installUncaughtHandler();
        try {
            return configured(out, err, commands).execute(args);
        } finally {
            // Commands may print without a line end; System.exit would drop what is still buffered.
            out.flush();
            err.flush();
        }
    }

    /** A configured command line with every subcommand, writing to the given streams (tests capture them). */
    public static CommandLine newCommandLine(PrintWriter out, PrintWriter err) {
        return configured(out, err, COMMANDS);
    }

    /**
     * A command line for these arguments: with only the subcommand they name when they name one (help, version,
     * a mistyped name and no command at all get every subcommand, to list or suggest them). The result of running
     * it is the same as with {@link #newCommandLine(PrintWriter, PrintWriter)}.
     */
    public static CommandLine newCommandLine(PrintWriter out, PrintWriter err, String... args) {
        return configured(out, err, commandsFor(args));
    }

    /** The subcommand classes a run of these arguments needs: the one named, or all. */
    static List<Class<?>> commandsFor(String... args) {
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--data") || a.equals("--store")) {
                i++;
            } else if (a.startsWith("--data=") || a.startsWith("--store=") || a.equals("--verbose")) {
                continue;
            } else if (a.startsWith("-")) {
                return COMMANDS; // --help, -V, "--" or an unknown option: picocli answers with the whole tree
            } else {
                Class<?> named = BY_NAME.get(a);
                return named == null || named == HelpCommand.class ? COMMANDS : List.of(named);
            }
        }
        return COMMANDS;
    }

    private static CommandLine configured(PrintWriter out, PrintWriter err, List<Class<?>> commands) {
        CommandLine cl = new CommandLine(new BroadsideCommand());
        for (Class<?> c : commands) cl.addSubcommand(newInstance(c));
        cl.setOut(out);
        cl.setErr(err);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        versionEverywhere(cl);
        CommandLine.IExecutionStrategy logged = new LoggedExecution(cl.getExecutionStrategy());
        BroadsideCommand root = cl.getCommand();
        cl.setExecutionStrategy(parsed -> {
            try {
                return logged.execute(parsed);
            } finally {
                // A team store's pool holds server connections: a command run in-process (tests, the app's own
                // command runs) must give them back, or a few dozen runs exhaust the server's connection slots.
                root.closeDatabase();
            }
        });
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

    private static Object newInstance(Class<?> c) {
        try {
            return c.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot create the command " + c.getName(), e);
        }
    }

    /** -V on a subcommand prints Broadside's version too, not the empty line of a command without a provider. */
    private static void versionEverywhere(CommandLine cl) {
        if (cl.getCommandSpec().versionProvider() == null) {
            cl.getCommandSpec().versionProvider(new VersionProvider());
        }
        cl.getSubcommands().values().forEach(BroadsideCommand::versionEverywhere);
    }
}
