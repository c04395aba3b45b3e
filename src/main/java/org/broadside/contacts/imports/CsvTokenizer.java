package org.broadside.contacts.imports;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Splits delimited text into rows, a physical line at a time: lines without quotes (nearly all of them) are cut
 * with indexOf, quoted values may span lines (their line breaks become "\n"). When a quote never closes, the
 * row's first line is reported and the lines after it are read again, so one stray quote costs one line.
 */
final class CsvTokenizer {
    private final BufferedReader reader;
    private final char delimiter;
    private final int maxQuoted;
    private final Deque<String> replay = new ArrayDeque<>();
    private long nextLine = 1;

    CsvTokenizer(Reader reader, char delimiter, int maxQuoted) {
        this.reader = reader instanceof BufferedReader b ? b : new BufferedReader(reader, 1 << 16);
        this.delimiter = delimiter;
        this.maxQuoted = maxQuoted;
    }

    private String readLine() throws IOException {
        String line = replay.isEmpty() ? reader.readLine() : replay.pollFirst();
        if (line != null) nextLine++;
        return line;
    }

    /** The next row, a broken-row marker, or null at the end of the text. */
    SourceRow next() throws IOException {
        long start = nextLine;
        String line = readLine();
        if (line == null) return null;
        if (line.indexOf('"') < 0) return SourceRow.of(start, splitPlain(line));
        List<String> lines = new ArrayList<>();
        lines.add(line);
        List<String> values = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        boolean cellStarted = false;
        int quotedChars = 0;
        String current = line;
        int i = 0;
        while (true) {
            if (i == current.length()) {
                if (!quoted) {
                    values.add(cell.toString());
                    return SourceRow.of(start, values);
                }
                String more = readLine();
                if (more == null || quotedChars > maxQuoted) return broken(start, lines);
                lines.add(more);
                cell.append('\n');
                current = more;
                i = 0;
                continue;
            }
            char c = current.charAt(i++);
            if (quoted) {
                quotedChars++;
                if (c == '"') {
                    if (i < current.length() && current.charAt(i) == '"') {
                        cell.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    cell.append(c);
                }
            } else if (c == delimiter) {
                values.add(cell.toString());
                cell.setLength(0);
                cellStarted = false;
            } else if (c == '"' && !cellStarted) {
                quoted = true;
                cellStarted = true;
                quotedChars = 0;
            } else {
                // A quote inside an unquoted value is kept as written, as spreadsheets do.
                cellStarted = true;
                cell.append(c);
            }
        }
    }

    private List<String> splitPlain(String line) {
        List<String> values = new ArrayList<>(8);
        int from = 0;
        int at;
        while ((at = line.indexOf(delimiter, from)) >= 0) {
            values.add(line.substring(from, at));
            from = at + 1;
        }
        values.add(line.substring(from));
        return values;
    }

    private SourceRow broken(long start, List<String> lines) {
        for (int k = lines.size() - 1; k >= 1; k--) replay.addFirst(lines.get(k));
        nextLine = start + 1;
        return SourceRow.broken(start, "a quote opened on this line is never closed");
    }
}
