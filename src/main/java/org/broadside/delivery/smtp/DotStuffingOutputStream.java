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

    private final OutputStream out;
    /** False for BDAT chunks (RFC 3030): their content goes as is, only line ends are normalised. */
    private final boolean stuffDots;
    private boolean lineStart = true;
    private boolean pendingCr;
    private boolean wireReady;
    private long count;

    DotStuffingOutputStream(OutputStream out) {
        this(out, true);
    }

    DotStuffingOutputStream(OutputStream out, boolean stuffDots) {
        this.out = out;
        this.stuffDots = stuffDots;
    }

    /** wireReady: the bytes are already DATA content (see MessageBody.wireReady), copy them without scanning. */
    void reset(boolean wireReady) {
        lineStart = true;
        pendingCr = false;
        count = 0;
        this.wireReady = wireReady;
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
        count += len;
        if (wireReady) {
            // Our own MIME writer's output: the per-byte scan below would only cost time (and, before the JIT has
            // compiled it, a lot of it). finishBody still ends the content with CRLF.
            out.write(b, off, len);
            if (len > 0) lineStart = b[end - 1] == '\n';
            return;
        }
        int i = off;
        if (pendingCr && i < end) {
            // A CR ended the previous chunk: CRLF if this one starts with LF, else a bare CR made into CRLF.
            pendingCr = false;
            out.write(CRLF);
            lineStart = true;
            if (b[i] == '\n') i++;
        }
        int run = i;
        // Well-formed CRLF lines stay in one run, so a message goes out in a handful of bulk copies.
        while (i < end) {
            byte c = b[i];
            if (c == '\r') {
                if (i + 1 < end) {
                    if (b[i + 1] == '\n') {
                        i += 2;
                        lineStart = true;
                        continue;
                    }
                    out.write(b, run, i - run);
                    out.write(CRLF);
                    run = ++i;
                    lineStart = true;
                    continue;
                }
                out.write(b, run, i - run);
                pendingCr = true;
                run = ++i;
                continue;
            }
            if (c == '\n') {
                out.write(b, run, i - run);
                out.write(CRLF);
                run = ++i;
                lineStart = true;
                continue;
            }
            if (c == '.' && lineStart && stuffDots) {
                out.write(b, run, i + 1 - run);
                out.write('.');
                run = ++i;
                lineStart = false;
                continue;
            }
            lineStart = false;
            i++;
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
