package org.broadside.ui.log;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** One connection of one run, as the left-hand list of the log viewer shows it. */
public record ConnectionKey(long runId, int connection, long firstAt, int lines) {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());

    @Override
    public String toString() {
        return "#" + connection + "  run " + runId + " · " + TIME.format(Instant.ofEpochMilli(firstAt)) + " · " + lines + " lines";
    }
}
