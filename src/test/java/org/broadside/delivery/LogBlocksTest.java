package org.broadside.delivery;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LogBlocksTest {
    @Test
    void linesComeBackWithTheirDirectionTimeAndText() {
        StringBuilder b = new StringBuilder();
        LogBlocks.append(b, LineDirection.CLIENT, 0, "MAIL FROM:<a@example.org>");
        LogBlocks.append(b, LineDirection.SERVER, 3, "250 2.1.0 Ok\tfine");
        LogBlocks.append(b, LineDirection.INFO, 12, "could not open:\r\nrefused");
        List<LogLine> out = new ArrayList<>();
        LogBlocks.decode(7, 1, 2, 1000, 42, b.toString(), out::add);
        assertThat(out).extracting(LogLine::direction).containsExactly(LineDirection.CLIENT, LineDirection.SERVER, LineDirection.INFO);
        assertThat(out).extracting(LogLine::at).containsExactly(1000L, 1003L, 1012L);
        assertThat(out).extracting(LogLine::text).containsExactly("MAIL FROM:<a@example.org>", "250 2.1.0 Ok\tfine", "could not open:  refused");
        assertThat(out).allSatisfy(l -> assertThat(l.recipientId()).isEqualTo(42));
    }
}
