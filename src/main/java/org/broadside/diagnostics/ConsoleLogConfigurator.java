package org.broadside.diagnostics;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.filter.ThresholdFilter;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;

/**
 * The start-up logging configuration in code: warnings and errors on stderr until {@link LogFile} adds the data
 * directory's file. It is what logback.xml said before; reading that XML (Joran, an XML parser and some 600 classes)
 * cost every command a few tenths of a second of start-up, a noticeable share of a million-row import's 5 s.
 * A configuration file named with {@code -Dlogback.configurationFile}, or a logback-test.xml on the class path
 * (the tests'), still takes precedence: then this configurator steps aside.
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_HIGH_PRIORITY)
public final class ConsoleLogConfigurator extends ContextAwareBase implements Configurator {
    /** The console appender's name, which {@link LogFile} looks up to set its level. */
    static final String CONSOLE_APPENDER = "CONSOLE";

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        boolean fileGiven = System.getProperty("logback.configurationFile") != null
                || ConsoleLogConfigurator.class.getClassLoader().getResource("logback-test.xml") != null;
        return fileGiven ? ExecutionStatus.INVOKE_NEXT_IF_ANY : configureConsole(context);
    }

    /** Warnings and errors on stderr, chatty libraries quieter. */
    static ExecutionStatus configureConsole(LoggerContext context) {
        ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
        console.setContext(context);
        console.setName(CONSOLE_APPENDER);
        // stdout is the commands' output
        console.setTarget("System.err");
        ThresholdFilter threshold = new ThresholdFilter();
        threshold.setLevel(Level.WARN.toString());
        threshold.start();
        console.addFilter(threshold);
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%-5level %logger{24} - %msg%n");
        encoder.start();
        console.setEncoder(encoder);
        console.start();

        // The pool would log every refused password of a database import with a stack trace; the user gets one
        // sentence from JdbcSource instead. Pool start and stop lines are no help in a bug report either.
        context.getLogger("com.zaxxer.hikari").setLevel(Level.OFF);
        context.getLogger("com.icegreen.greenmail").setLevel(Level.WARN);
        // "Unsupported JavaFX configuration: classes were loaded from 'unnamed module'": true of every class-path
        // launch (ours, see Launcher) and nothing a user can act on.
        context.getLogger("javafx").setLevel(Level.ERROR);
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.INFO);
        root.addAppender(console);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }
}
