package org.broadside.cli;

import org.broadside.diagnostics.LogFile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the command line says when something breaks: a bug is one line naming the exception and the log file (which
 * has the stack trace), --verbose adds the stack trace on stderr, and bad input stays one sentence.
 */
class CliDiagnosticsTest {
    final CliFixture cli = new CliFixture();

    @AfterEach
    void realEnvironment() {
        Environment.reset();
    }

    /** A bug we can trigger on purpose: an environment that is null makes reading a variable throw an NPE. */
    private int runWithBrokenEnvironment(String... args) {
        cli.env.clear();
        int code;
        var out = new java.io.StringWriter();
        var err = new java.io.StringWriter();
        Environment.use(() -> null);
        try {
            String[] all = java.util.stream.Stream.concat(java.util.stream.Stream.of("--data", cli.data.toString()),
                    java.util.stream.Stream.of(args)).toArray(String[]::new);
            code = BroadsideCommand.newCommandLine(new java.io.PrintWriter(out, true), new java.io.PrintWriter(err, true)).execute(all);
        } finally {
            Environment.reset();
        }
        cli.out = out;
        cli.err = err;
        return code;
    }

    private static final String[] ADD_ACCOUNT = {"account", "add", "Local", "--host", "127.0.0.1", "--port", "2525",
            "--security", "none", "--auth", "plain", "--user", "sender", "--password-env", "SMTP_PASSWORD"};

    @Test
    void anUnexpectedErrorIsOneLineNamingItsTypeAndTheLogFileWhichHasTheStackTrace() throws Exception {
        int code = runWithBrokenEnvironment(ADD_ACCOUNT);
        Path log = LogFile.in(cli.data).toAbsolutePath();
        assertThat(code).isEqualTo(ExitCodes.UNEXPECTED);
        assertThat(cli.err().lines()).as(cli.err()).singleElement().satisfies(line -> assertThat(line)
                .startsWith("broadside: unexpected error (NullPointerException").endsWith("; details in the log file " + log));
        assertThat(Files.readString(log)).contains("Unexpected error in broadside account add")
                .contains("java.lang.NullPointerException").contains("\tat org.broadside.cli.");
    }

    @Test
    void verbosePrintsTheStackTraceOnStderr() {
        int code = runWithBrokenEnvironment(prepend("--verbose", ADD_ACCOUNT));
        assertThat(code).isEqualTo(ExitCodes.UNEXPECTED);
        assertThat(cli.err()).startsWith("broadside: unexpected error (NullPointerException")
                .contains("java.lang.NullPointerException").contains("\tat org.broadside.cli.");
    }

    @Test
    void verboseAlsoWorksAfterTheCommandAndShowsTheCauseOfBadInput() {
        int code = cli.run("list", "show", "No such list", "--verbose");
        assertThat(code).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(cli.err().lines().findFirst().orElseThrow()).startsWith("broadside: ").contains("No such list");
        assertThat(cli.err()).contains("\tat org.broadside.");
    }

    @Test
    void badInputWithoutVerboseIsOneSentenceAndNoStackTrace() {
        int code = cli.run("list", "show", "No such list");
        assertThat(code).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(cli.err().lines()).singleElement().satisfies(l -> assertThat(l).startsWith("broadside: ").contains("No such list"));
    }

    @Test
    void verboseShowsDebugLinesOnTheConsoleAndACommandWithoutItKeepsTheConsoleQuiet() {
        var original = System.err;
        var verbose = new java.io.ByteArrayOutputStream();
        var quiet = new java.io.ByteArrayOutputStream();
        org.slf4j.Logger probe = org.slf4j.LoggerFactory.getLogger("org.broadside.cli.Probe");
        try {
            System.setErr(new java.io.PrintStream(verbose, true));
            assertThat(cli.run("--verbose", "list", "list")).isZero();
            probe.debug("verbose probe line");
            System.setErr(new java.io.PrintStream(quiet, true));
            assertThat(cli.run("list", "list")).isZero();
            probe.warn("quiet probe line");
        } finally {
            System.setErr(original);
        }
        assertThat(verbose.toString()).contains("DEBUG").contains("verbose probe line");
        assertThat(quiet.toString()).doesNotContain("probe line").doesNotContain("started: broadside list list");
        assertThat(probe.isDebugEnabled()).isFalse();
    }

    @Test
    void askingForHelpWritesNoLogFile() {
        assertThat(cli.run("--help")).isZero();
        assertThat(LogFile.in(cli.data)).doesNotExist();
    }

    @Test
    void aCommandWritesItsStartIntoTheLogFileOfItsDataDirectory() throws Exception {
        assertThat(cli.run("list", "list")).isZero();
        assertThat(Files.readString(LogFile.in(cli.data))).contains("INFO").contains("started: broadside list list");
    }

    @Test
    void anErrorNobodyCaughtOnAnotherThreadIsLoggedAndNamedInOneLine() throws Exception {
        assertThat(cli.run("list", "list")).isZero();
        Thread.UncaughtExceptionHandler previous = Thread.getDefaultUncaughtExceptionHandler();
        var original = System.err;
        var captured = new java.io.ByteArrayOutputStream();
        try {
            CliErrors.installUncaughtHandler();
            System.setErr(new java.io.PrintStream(captured, true));
            Thread worker = new Thread(() -> {
                throw new IllegalStateException();
            }, "worker-under-test");
            worker.start();
            worker.join();
        } finally {
            System.setErr(original);
            Thread.setDefaultUncaughtExceptionHandler(previous);
        }
        Path log = LogFile.in(cli.data).toAbsolutePath();
        assertThat(captured.toString().lines()).singleElement().isEqualTo("broadside: unexpected error on thread worker-under-test"
                + " (IllegalStateException); details in the log file " + log);
        assertThat(Files.readString(log)).contains("Unexpected error on thread worker-under-test").contains("java.lang.IllegalStateException");
    }

    private static String[] prepend(String first, String[] rest) {
        String[] all = new String[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }
}
