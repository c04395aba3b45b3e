package org.broadside.delivery;

import java.util.function.Consumer;

/**
 * Several connection log lines stored as one row: each line is its direction letter, its milliseconds after the
 * block's time, a tab and the text, and lines end with a line feed (protocol lines never contain one; other text has
 * its line breaks replaced).
 */
final class LogBlocks {
    /** The direction value of a stored block row. */
    static final String DIRECTION = "BLOCK";

    private LogBlocks() {}

    /** A block queued for the state writer. */
    record Block(long runId, int connection, long at, long recipientId, String encoded) {}

    static void append(StringBuilder block, LineDirection direction, long deltaMillis, String text) {
        block.append(switch (direction) { case CLIENT -> 'C'; case SERVER -> 'S'; case INFO -> 'I'; });
        block.append(deltaMillis).append('\t');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            block.append(c == '\n' || c == '\r' ? ' ' : c);
        }
        block.append('\n');
    }

    /** Emits the lines of a stored block as separate log lines. */
    static void decode(long rowId, long runId, int connection, long at, long recipientId, String encoded, Consumer<LogLine> out) {
        int start = 0;
        while (start < encoded.length()) {
            int end = encoded.indexOf('\n', start);
            if (end < 0) end = encoded.length();
            int tab = encoded.indexOf('\t', start);
            if (tab > start && tab < end) {
                LineDirection d = switch (encoded.charAt(start)) { case 'C' -> LineDirection.CLIENT; case 'S' -> LineDirection.SERVER; default -> LineDirection.INFO; };
                long delta = Long.parseLong(encoded, start + 1, tab, 10);
                out.accept(new LogLine(rowId, runId, connection, at + delta, d, encoded.substring(tab + 1, end), recipientId));
            }
            start = end + 1;
        }
    }
}
