package org.broadside.ui.log;

import org.broadside.delivery.LineDirection;
import org.broadside.delivery.LogLine;

/** A connection log line with its plain-words explanation (server replies only, else null). */
public record LogEntry(LogLine line, String explanation) {
    public LineDirection direction() { return line.direction(); }

    public String text() { return line.text(); }

    /** The line as copied or exported: direction marker, text, and the explanation when there is one. */
    public String asText() {
        return marker() + line.text() + (explanation == null ? "" : "    # " + explanation);
    }

    /**
     * The line as the viewer shows it: the explanation on a line of its own under the protocol line, where it is read
     * without scrolling sideways past a long reply.
     */
    public String asDisplayText() {
        return marker() + line.text() + (explanation == null ? "" : "\n     \u2192 " + explanation);
    }

    private String marker() {
        return switch (line.direction()) {
            case CLIENT -> "C: ";
            case SERVER -> "S: ";
            case INFO -> "*  ";
        };
    }
}
