package org.broadside.diagnostics;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.filter.ThresholdFilter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.rolling.FixedWindowRollingPolicy;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeBasedTriggeringPolicy;
import ch.qos.logback.core.util.FileSize;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * The rolling log file of a data directory, {@code <data>/logs/broadside.log}: what a bug report needs (stack traces
 * of unexpected errors, warnings of background work) where a user can find it. Set up in code rather than in
 * the start-up configuration ({@link ConsoleLogConfigurator}) because the data directory is known only once the command line is read (--data, BROADSIDE_HOME).
 * The console keeps the level the caller asks for: quiet for commands, DEBUG with --verbose.
 */
public final class LogFile {
    /** Kept small: 5 MB a file, the current one and four older, so the log never grows past 25 MB. */
    static final String MAX_FILE_SIZE = "5MB";
    static final int OLDER_FILES = 4;
    private static final String FILE_APPENDER = "broadside-file";
    /** The console appender of {@link ConsoleLogConfigurator} (and logback-test.xml). */
    private static final String CONSOLE_APPENDER = ConsoleLogConfigurator.CONSOLE_APPENDER;
    private static volatile Path current;

    private LogFile() {}

    /** What the console shows beside the file. */
    public enum Console {
        /** Nothing: commands print their own results and errors. */
        QUIET(Level.OFF),
        /** Warnings and errors: the desktop app started from a terminal. */
        WARNINGS(Level.WARN),
        /** Everything from DEBUG up, our own code's DEBUG lines included: --verbose. */
        DEBUG(Level.DEBUG);

        private final Level level;

        Console(Level level) { this.level = level; }
    }

    /** Where the log file of a data directory is. */
    public static Path in(Path dataDirectory) {
        return dataDirectory.resolve("logs").resolve("broadside.log");
    }

    /** The log file being written, if one was started. */
    public static Optional<Path> current() {
        return Optional.ofNullable(current);
    }

    /**
     * Sends the log to the data directory's file from now on (replacing a file of an earlier start in this process)
     * and sets what the console shows. Our own code logs at DEBUG when the console does, so --verbose shows it;
     * libraries stay at INFO. A file that cannot be created (read-only data
     * directory) leaves the console only: logging must never be the reason a command fails.
     */
    public static synchronized Optional<Path> start(Path dataDirectory, Console console) {
        routeJavaUtilLogging();
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) return Optional.empty();
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        context.getLogger("org.broadside").setLevel(console == Console.DEBUG ? Level.DEBUG : null);
        setConsole(root, console.level);
        Path file = in(dataDirectory).toAbsolutePath();
        if (file.equals(current) && root.getAppender(FILE_APPENDER) != null) return Optional.of(file);
        Appender<ILoggingEvent> old = root.getAppender(FILE_APPENDER);
        if (old != null) {
            root.detachAppender(old);
            old.stop();
        }
        current = null;
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException | RuntimeException e) {
            LoggerFactory.getLogger(LogFile.class).warn("No log file: {} could not be created ({})", file.getParent(), e.toString());
            return Optional.empty();
        }
        RollingFileAppender<ILoggingEvent> appender = fileAppender(context, file);
        if (!appender.isStarted()) return Optional.empty();
        root.addAppender(appender);
        current = file;
        return Optional.of(file);
    }

    /** The last {@code count} lines of the current log file, for Help > Copy diagnostics; empty without a file. */
    public static List<String> lastLines(int count) {
        Path file = current;
        if (file == null || !Files.isRegularFile(file)) return List.of();
        Deque<String> last = new ArrayDeque<>(count);
        try (var lines = Files.lines(file, StandardCharsets.UTF_8)) {
            lines.forEach(l -> {
                if (last.size() == count) last.pollFirst();
                last.addLast(l);
            });
        } catch (IOException | java.io.UncheckedIOException e) {
            return List.of();
        }
        return List.copyOf(last);
    }

    private static RollingFileAppender<ILoggingEvent> fileAppender(LoggerContext context, Path file) {
        RollingFileAppender<ILoggingEvent> appender = new RollingFileAppender<>();
        appender.setContext(context);
        appender.setName(FILE_APPENDER);
        appender.setFile(file.toString());
        FixedWindowRollingPolicy rolling = new FixedWindowRollingPolicy();
        rolling.setContext(context);
        rolling.setParent(appender);
        rolling.setFileNamePattern(file.getParent().resolve("broadside.%i.log").toString());
        rolling.setMinIndex(1);
        rolling.setMaxIndex(OLDER_FILES);
        rolling.start();
        SizeBasedTriggeringPolicy<ILoggingEvent> trigger = new SizeBasedTriggeringPolicy<>();
        trigger.setContext(context);
        trigger.setMaxFileSize(FileSize.valueOf(MAX_FILE_SIZE));
        trigger.start();
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setCharset(StandardCharsets.UTF_8);
        encoder.setPattern("%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} %-5level [%thread] %logger{36} - %msg%n");
        encoder.start();
        appender.setEncoder(encoder);
        appender.setRollingPolicy(rolling);
        appender.setTriggeringPolicy(trigger);
        appender.start();
        return appender;
    }

    private static void setConsole(Logger root, Level level) {
        Appender<ILoggingEvent> console = root.getAppender(CONSOLE_APPENDER);
        if (console == null) return;
        console.clearAllFilters();
        ThresholdFilter threshold = new ThresholdFilter();
        threshold.setLevel(level.toString());
        threshold.start();
        console.addFilter(threshold);
    }

    /** Libraries that log through java.util.logging (Angus Mail, the JDK) reach the same file. Their levels stay JUL's
     * (INFO): Angus Mail's protocol trace, which would carry AUTH lines, is FINE and never passes. */
    private static void routeJavaUtilLogging() {
        if (!SLF4JBridgeHandler.isInstalled()) {
            SLF4JBridgeHandler.removeHandlersForRootLogger();
            SLF4JBridgeHandler.install();
        }
    }
}
