package org.broadside.delivery.smtp;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;

/**
 * The socket's output stream, watched by {@link WriteWatchdog}: Java sockets have no write timeout, so a
 * server that stops reading would block us forever. Socket failures surface as {@link WireIOException}.
 */
final class WatchedOutputStream extends OutputStream {
    private final OutputStream out;
    private final Socket socket;
    private final long stallLimitNanos;
    private volatile long writeStarted;
    private volatile long deadline = Long.MAX_VALUE;
    private volatile boolean fired;

    WatchedOutputStream(Socket socket, OutputStream out, long stallLimitNanos) {
        this.socket = socket;
        this.out = out;
        this.stallLimitNanos = stallLimitNanos;
    }

    void deadline(long nanoTime) {
        deadline = nanoTime;
    }

    boolean fired() {
        return fired;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        writeStarted = System.nanoTime() | 1;
        try {
            out.write(b, off, len);
        } catch (IOException e) {
            throw new WireIOException(e);
        } finally {
            writeStarted = 0;
        }
    }

    @Override
    public void flush() throws IOException {
        try {
            out.flush();
        } catch (IOException e) {
            throw new WireIOException(e);
        }
    }

    /** Called by the watchdog thread: closes the socket when a write stalls or passes the deadline. */
    void check(long now) {
        long started = writeStarted;
        long d = deadline;
        boolean pastDeadline = d != Long.MAX_VALUE && now - d > 0;
        if (started != 0 && (now - started > stallLimitNanos || pastDeadline)) {
            fired = true;
            try {
                socket.close();
            } catch (IOException ignored) {
                // Closing is the whole point; a failure to close leaves nothing else to do.
            }
        }
    }
}
