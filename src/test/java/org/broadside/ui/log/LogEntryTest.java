package org.broadside.ui.log;

import org.broadside.delivery.LineDirection;
import org.broadside.delivery.LogLine;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LogEntryTest {
    private final LogEntry refused = new LogEntry(new LogLine(1, 1, 1, 0, LineDirection.INFO,
            "could not open the connection (refused): could not connect to 127.0.0.1:2525: Connection refused", 0),
            "nothing accepts connections on this host and port");

    @Test
    void theViewerShowsTheExplanationOnALineOfItsOwn() {
        assertThat(refused.asDisplayText().lines().toList()).hasSize(2)
                .last().asString().contains("nothing accepts connections");
    }

    @Test
    void copiedLinesKeepOneLineEach() {
        assertThat(refused.asText()).doesNotContain("\n").endsWith("# nothing accepts connections on this host and port");
    }
}
