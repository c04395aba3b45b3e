package org.broadside.diagnostics;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.filter.ThresholdFilter;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.FilterReply;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The start-up configuration in code says what logback.xml said, and steps aside for the tests' logback-test.xml. */
class ConsoleLogConfiguratorTest {
    @Test
    void warningsAndErrorsGoToStderrAndChattyLibrariesAreQuieter() {
        LoggerContext context = new LoggerContext();
        assertThat(ConsoleLogConfigurator.configureConsole(context)).isEqualTo(Configurator.ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY);
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        assertThat(root.getLevel()).isEqualTo(Level.INFO);
        ConsoleAppender<ILoggingEvent> console = (ConsoleAppender<ILoggingEvent>) root.getAppender("CONSOLE");
        assertThat(console).isNotNull();
        assertThat(console.isStarted()).isTrue();
        assertThat(console.getTarget()).isEqualTo("System.err");
        ThresholdFilter threshold = (ThresholdFilter) console.getCopyOfAttachedFiltersList().get(0);
        assertThat(threshold.decide(event(context, Level.INFO))).isEqualTo(FilterReply.DENY);
        assertThat(threshold.decide(event(context, Level.WARN))).isEqualTo(FilterReply.NEUTRAL);
        assertThat(context.getLogger("com.zaxxer.hikari").getLevel()).isEqualTo(Level.OFF);
        assertThat(context.getLogger("com.icegreen.greenmail").getLevel()).isEqualTo(Level.WARN);
        assertThat(context.getLogger("javafx").getLevel()).isEqualTo(Level.ERROR);
    }

    @Test
    void stepsAsideWhenAConfigurationFileIsOnTheClassPath() {
        ConsoleLogConfigurator configurator = new ConsoleLogConfigurator();
        LoggerContext context = new LoggerContext();
        configurator.setContext(context);
        assertThat(configurator.configure(context)).isEqualTo(Configurator.ExecutionStatus.INVOKE_NEXT_IF_ANY);
        assertThat(context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("CONSOLE")).isNull();
    }

    private static ILoggingEvent event(LoggerContext context, Level level) {
        return new ch.qos.logback.classic.spi.LoggingEvent("x", context.getLogger("x"), level, "m", null, null);
    }
}
