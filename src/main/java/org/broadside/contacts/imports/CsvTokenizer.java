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
            if (quoted) {
                // Copied up to the next quote in one piece: quoted values are where big files spend their characters.
                int q = current.indexOf('"', i);
                if (q < 0) {
                    cell.append(current, i, current.length());
                    quotedChars += current.length() - i;
                    i = current.length();
                    continue;
                }
                cell.append(current, i, q);
                quotedChars += q - i + 1;
                i = q + 1;
                if (i < current.length() && current.charAt(i) == '"') {
                    cell.append('"');
                    i++;
                } else {
                    quoted = false;
                }
                continue;
            }
            char c = current.charAt(i);
            if (c == delimiter) {
                values.add(cell.toString());
                cell.setLength(0);
                cellStarted = false;
                i++;
            } else if (c == '"' && !cellStarted) {
                quoted = true;
                cellStarted = true;
                quotedChars = 0;
                i++;
            } else {
                // A quote inside an unquoted value is kept as written, as spreadsheets do.
                int end = i + 1;
                while (end < current.length() && current.charAt(end) != delimiter && current.charAt(end) != '"') end++;
                cellStarted = true;
                cell.append(current, i, end);
                i = end;
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
