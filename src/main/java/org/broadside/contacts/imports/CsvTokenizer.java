package org.broadside.contacts.imports;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits delimited text into rows. Keeps the raw text of the row being read so that, when a quote never closes,
 * everything after the row's first line can be read again instead of being swallowed.
 */
final class CsvTokenizer {
    private final Reader reader;
    private final char delimiter;
    private final int maxQuoted;
    private final char[] buffer = new char[1 << 16];
    private int length;
    private int position;
    private StringBuilder replay;
    private int replayPosition;
    private long line = 1;
    private final StringBuilder raw = new StringBuilder();
    private final StringBuilder cell = new StringBuilder();

    CsvTokenizer(Reader reader, char delimiter, int maxQuoted) {
        this.reader = reader;
        this.delimiter = delimiter;
        this.maxQuoted = maxQuoted;
    }

    private int read() throws IOException {
        if (replay != null) {
            if (replayPosition < replay.length()) return replay.charAt(replayPosition++);
            replay = null;
        }
        if (position == length) {
            length = reader.read(buffer, 0, buffer.length);
            position = 0;
            if (length <= 0) {
                length = 0;
                return -1;
            }
        }
        return buffer[position++];
    }

    private void unread(String text) {
        if (replay != null) {
            text = text + replay.substring(replayPosition);
        }
        replay = new StringBuilder(text);
        replayPosition = 0;
    }

    /** The next row, a broken-row marker, or null at the end of the text. */
    SourceRow next() throws IOException {
        long start = line;
        raw.setLength(0);
        List<String> values = new ArrayList<>();
        cell.setLength(0);
        int c = read();
        if (c == -1) return null;
        boolean quoted = false;
        boolean cellStarted = false;
        int quotedChars = 0;
        while (true) {
            if (c != -1) raw.append((char) c);
            if (quoted) {
                if (c == -1 || ++quotedChars > maxQuoted) return broken(start);
                if (c == '"') {
                    int d = read();
                    if (d == '"') {
                        raw.append('"');
                        cell.append('"');
                    } else {
                        quoted = false;
                        c = d;
                        continue;
                    }
                } else {
                    if (c == '\n') line++;
                    cell.append((char) c);
                }
            } else if (c == -1) {
                values.add(cell.toString());
                return SourceRow.of(start, values);
            } else if (c == delimiter) {
                values.add(cell.toString());
                cell.setLength(0);
                cellStarted = false;
            } else if (c == '\n' || c == '\r') {
                if (c == '\r') {
                    int d = read();
                    if (d != '\n' && d != -1) unread(String.valueOf((char) d));
                }
                line++;
                values.add(cell.toString());
                return SourceRow.of(start, values);
            } else if (c == '"' && !cellStarted) {
                quoted = true;
                cellStarted = true;
                quotedChars = 0;
            } else {
                // A quote inside an unquoted value is kept as written, as spreadsheets do.
                cellStarted = true;
                cell.append((char) c);
            }
            c = read();
        }
    }

    /** Skips the row's first line and reads the rest again, so one stray quote costs one line. */
    private SourceRow broken(long start) {
        String text = raw.toString();
        int nl = indexOfLineEnd(text);
        line = start + 1;
        if (nl >= 0) {
            int after = nl + 1;
            if (text.charAt(nl) == '\r' && after < text.length() && text.charAt(after) == '\n') after++;
            if (after < text.length()) unread(text.substring(after));
        }
        return SourceRow.broken(start, "a quote opened on this line is never closed");
    }

    private static int indexOfLineEnd(String text) {
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch == '\n' || ch == '\r') return i;
        }
        return -1;
    }
}
