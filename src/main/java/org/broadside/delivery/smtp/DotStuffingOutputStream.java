package org.broadside.delivery.smtp;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Turns message bytes into DATA content: bare LF and bare CR become CRLF, a "." at a line start is doubled.
 * Runs of ordinary bytes are copied in bulk. close() and flush() are ignored so a body writer cannot end
 * the connection's stream or force a small packet per line.
 */
final class DotStuffingOutputStream extends OutputStream {
    private static final byte[] CRLF = {'\r', '\n'};
    private static final byte[] DOT_DOT = {'.', '.'};

    private final OutputStream out;
    private boolean lineStart = true;
    private boolean pendingCr;
    private long count;

    DotStuffingOutputStream(OutputStream out) {
        this.out = out;
    }

    void reset() {
        lineStart = true;
        pendingCr = false;
        count = 0;
    }

    long count() {
        return count;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        int end = off + len;
        int run = off;
        count += len;
        for (int i = off; i < end; i++) {
            byte c = b[i];
            if (!pendingCr && c != '\r' && c != '\n' && !(lineStart && c == '.')) {
                lineStart = false;
                continue;
            }
            if (i > run) {
                out.write(b, run, i - run);
            }
            run = i + 1;
            if (pendingCr) {
                pendingCr = false;
                out.write(CRLF);
                lineStart = true;
                if (c == '\n') {
                    continue;
                }
            }
            if (c == '\r') {
                pendingCr = true;
            } else if (c == '\n') {
                out.write(CRLF);
                lineStart = true;
            } else if (lineStart && c == '.') {
                out.write(DOT_DOT);
                lineStart = false;
            } else {
                run = i;
                lineStart = false;
            }
        }
        if (end > run) {
            out.write(b, run, end - run);
        }
    }

    /** Ends the content with CRLF so the terminator "." stands on its own line. */
    void finishBody() throws IOException {
        if (pendingCr) {
            pendingCr = false;
            out.write(CRLF);
            lineStart = true;
        }
        if (!lineStart) {
            out.write(CRLF);
            lineStart = true;
        }
    }

    @Override
    public void flush() {
        // Deliberately ignored: the connection flushes once per message.
    }

    @Override
    public void close() {
        // Deliberately ignored: closing would end the SMTP session.
    }
}
