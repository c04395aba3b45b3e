package org.broadside.contacts.imports;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayDeque;
import java.util.Locale;

/**
 * Watches the characters the vCard parser reads to remember where each top-level card begins and whether the file
 * ends inside a card: ez-vcard gives neither, and the report names lines, and a cut-off last card must not pass as
 * whole. Nested cards (vCard 2.1 AGENT) count towards the depth only.
 */
final class VcardLines extends FilterReader {
    private static final int MAX_KEPT = 16;
    private final ArrayDeque<Long> cardStarts = new ArrayDeque<>();
    private final StringBuilder line = new StringBuilder();
    private long lineNumber = 1;
    private int depth;
    private boolean afterCr;
    private boolean ended;
    private boolean sawText;

    VcardLines(Reader in) {
        super(in);
    }

    @Override
    public int read() throws IOException {
        int c = super.read();
        if (c < 0) end();
        else see((char) c);
        return c;
    }

    @Override
    public int read(char[] buf, int off, int len) throws IOException {
        int n = super.read(buf, off, len);
        if (n < 0) end();
        for (int i = 0; i < n; i++) see(buf[off + i]);
        return n;
    }

    /** The first line of the next card not yet taken, or 0 when the parser returned a card this reader did not see begin. */
    long takeCardStart() {
        Long start = cardStarts.poll();
        return start == null ? 0 : start;
    }

    /** True once the whole file was read and no card is waiting to be taken. */
    boolean atEnd() { return ended && cardStarts.isEmpty(); }

    /** True when the file ended inside a card: its END:VCARD is missing. */
    boolean endedInsideCard() { return ended && depth > 0; }

    /** True when the file holds anything but blank lines. */
    boolean sawText() { return sawText; }

    private void see(char c) {
        if (c == '\n' || c == '\r') {
            if (!(c == '\n' && afterCr)) {
                lineEnded();
                lineNumber++;
            }
            afterCr = c == '\r';
            return;
        }
        afterCr = false;
        if (line.length() < MAX_KEPT) line.append(c);
        if (!Character.isWhitespace(c)) sawText = true;
    }

    private void end() {
        if (!ended) lineEnded();
        ended = true;
    }

    private void lineEnded() {
        String text = line.toString().strip().toUpperCase(Locale.ROOT);
        line.setLength(0);
        if (text.equals("BEGIN:VCARD")) {
            if (depth == 0) cardStarts.add(lineNumber);
            depth++;
        } else if (text.equals("END:VCARD") && depth > 0) {
            depth--;
        }
    }
}
