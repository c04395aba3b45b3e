package org.broadside.cli;

import org.broadside.diagnostics.ErrorDetails;
import org.broadside.diagnostics.LogFile;
import org.broadside.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

import java.io.PrintWriter;

/**
 * What a command's error becomes: bad input is one sentence and exit 2; anything else is logged with its stack
 * trace and reported in one line that names the exception and the log file (exit 4). --verbose adds the stack trace on
 * stderr. The user never gets "null", and never a stack trace they did not ask for.
 */
final class CliErrors implements CommandLine.IExecutionExceptionHandler {
    private static final Logger LOG = LoggerFactory.getLogger(CliErrors.class);

    @Override
    public int handleExecutionException(Exception thrown, CommandLine commandLine, CommandLine.ParseResult parseResult) {
        // picocli wraps an Error (StackOverflowError, OutOfMemoryError) in its ExecutionException: report the Error.
        Throwable ex = thrown instanceof CommandLine.ExecutionException && thrown.getCause() != null ? thrown.getCause() : thrown;
        PrintWriter err = commandLine.getErr();
        String command = commandLine.getCommandSpec().qualifiedName();
        if (ex instanceof UserInputException || ex instanceof StoreException) {
            LOG.info("{}: {}", command, ex.getMessage());
            err.println("broadside: " + ex.getMessage());
            if (verbose(commandLine)) err.print(ErrorDetails.of(ex));
            return ExitCodes.BAD_INPUT;
        }
        if (ex instanceof DesktopUnavailableException) {
            // INFO: the user reads the sentence on stderr already; the log keeps JavaFX's exception for a bug report.
            LOG.info("The desktop app could not start: {}", ex.getMessage(), ex.getCause());
            err.println("broadside: " + ex.getMessage());
            if (verbose(commandLine) && ex.getCause() != null) err.print(ErrorDetails.of(ex.getCause()));
            return ExitCodes.NO_DESKTOP;
        }
        LOG.error("Unexpected error in {}", command, ex);
        err.println("broadside: " + unexpected(ex, Thread.currentThread()));
        if (verbose(commandLine)) err.print(ErrorDetails.of(ex));
        return ExitCodes.UNEXPECTED;
    }

    /** "unexpected error (Type: message); details in the log file PATH", the one line a bug report starts from. */
    static String unexpected(Throwable error, Thread thread) {
        String message = error.getMessage();
        String what = error.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + message);
        String where = thread.getName().equals("main") ? "" : " on thread " + thread.getName();
        return "unexpected error" + where + " (" + what + ")"
                + LogFile.current().map(p -> "; details in the log file " + p).orElse("; run again with --verbose for the details");
    }

    /** For threads of a command other than the one picocli runs it on: log, and one line on stderr. */
    static void installUncaughtHandler() {
        Thread.setDefaultUncaughtExceptionHandler((thread, error) -> {
            LOG.error("Unexpected error on thread {}", thread.getName(), error);
            System.err.println("broadside: " + unexpected(error, thread));
        });
    }

    private static boolean verbose(CommandLine commandLine) {
        return commandLine.getCommandSpec().root().userObject() instanceof BroadsideCommand root && root.verbose;
    }
}
