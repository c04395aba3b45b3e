package org.broadside.delivery.smtp;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads strict SMTP replies from a fixed buffer: every line's code checked, at most 4 KB per line and
 * 100 lines, so a hostile server cannot make us buffer megabytes. Deadlines shrink SO_TIMEOUT before
 * each read, so a server trickling one byte per second still runs out of time.
 */
final class ReplyReader {
    static final int MAX_LINE = 4096;
    static final int MAX_LINES = 100;

    private final byte[] buf = new byte[16 * 1024];
    private final ProtocolListener listener;
    private int pos;
    private int limit;
    private InputStream in;
    private Socket socket;
    private int soTimeout = -1;

    ReplyReader(ProtocolListener listener) {
        this.listener = listener;
    }

    void attach(Socket s, InputStream input) {
        socket = s;
        in = input;
        pos = 0;
        limit = 0;
        soTimeout = -1;
    }

    /** Drops buffered bytes (before a TLS handshake anything read in clear must not be trusted). */
    int discardBuffered() {
        int n = limit - pos;
        pos = 0;
        limit = 0;
        return n;
    }

    /** True when bytes are waiting that no command asked for yet. Never blocks. */
    boolean hasUnread() throws IOException {
        return pos < limit || in.available() > 0;
    }

    /** True when bytes no command asked for came with what was already read. No system call. */
    boolean hasBuffered() {
        return pos < limit;
    }

    /** Up to 100 buffered characters, for the error message about an unsolicited line. */
    String peekBuffered() {
        int n = Math.min(100, limit - pos);
        String s = new String(buf, pos, Math.max(0, n), StandardCharsets.UTF_8);
        int eol = s.indexOf('\r');
        return eol >= 0 ? s.substring(0, eol) : s;
    }

    /** Reads one complete reply before {@code deadlineNanos} (a System.nanoTime value). */
    Reply read(long deadlineNanos) throws IOException {
        int code = -1;
        String first = null;
        List<String> more = null;
        for (int count = 1; ; count++) {
            if (count > MAX_LINES) {
                throw new ReplyFormatException("the reply has more than " + MAX_LINES + " lines");
            }
            int eol = findLineEnd(deadlineNanos);
            int start = pos;
            int end = eol > start && buf[eol - 1] == '\r' ? eol - 1 : eol;
            pos = eol + 1;
            String line = new String(buf, start, end - start, StandardCharsets.UTF_8);
            listener.line(Direction.SERVER, line);
            int lineCode = parseCode(start, end, line);
            if (code < 0) {
                code = lineCode;
            } else if (lineCode != code) {
                // "250-ok" then "550 no" must not read as accepted: the whole reply is void.
                throw new ReplyFormatException("the lines of one reply carry different codes (" + code + " and "
                        + lineCode + ")");
            }
            String text = end - start > 4 ? line.substring(4) : "";
            boolean last = end - start == 3 || buf[start + 3] == ' ';
            if (first == null) {
                first = text;
            } else {
                if (more == null) {
                    more = new ArrayList<>();
                    more.add(first);
                }
                more.add(text);
            }
            if (last) {
                List<String> lines = more == null ? List.of(first) : more;
                return new Reply(code, EnhancedCodes.find(code, first), lines);
            }
        }
    }

    private int parseCode(int start, int end, String line) throws ReplyFormatException {
        if (end - start < 3) {
            throw new ReplyFormatException("malformed reply line: " + shorten(line));
        }
        int d0 = buf[start] - '0';
        int d1 = buf[start + 1] - '0';
        int d2 = buf[start + 2] - '0';
        if (d0 < 2 || d0 > 5 || d1 < 0 || d1 > 5 || d2 < 0 || d2 > 9) {
            throw new ReplyFormatException("malformed reply code: " + shorten(line));
        }
        if (end - start > 3 && buf[start + 3] != ' ' && buf[start + 3] != '-') {
            throw new ReplyFormatException("malformed reply line: " + shorten(line));
        }
        return d0 * 100 + d1 * 10 + d2;
    }

    /** Index of the next LF, reading more as needed; fails fast once a line passes MAX_LINE bytes. */
    private int findLineEnd(long deadlineNanos) throws IOException {
        int scanned = 0;
        while (true) {
            int i = indexOfLineFeed(buf, pos + scanned, limit);
            if (i >= 0) {
                if (i - pos > MAX_LINE + 1) {
                    throw tooLong();
                }
                return i;
            }
            scanned = limit - pos;
            if (scanned > MAX_LINE + 1) {
                throw tooLong();
            }
            compact();
            fill(deadlineNanos);
        }
    }

    /**
     * The first LF in {@code bytes[from, to)}, or -1. Apart from {@link #findLineEnd} so that C2 compiles only this
     * loop (jit-policy.directives): compiled with the socket reads that findLineEnd's refill inlines, the scan cost
     * C2 ~0.5 s per send, twice (on-stack replacement, then the whole method), for lines of a few dozen bytes.
     */
    static int indexOfLineFeed(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] == '\n') return i;
        }
        return -1;
    }

    private ReplyFormatException tooLong() {
        return new ReplyFormatException("a reply line is longer than " + MAX_LINE + " bytes");
    }

    private void compact() {
        if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, limit - pos);
            limit -= pos;
            pos = 0;
        }
    }

    private void fill(long deadlineNanos) throws IOException {
        while (true) {
            long remaining = deadlineNanos - System.nanoTime();
            if (remaining <= 0) {
                throw new DeadlineExceededException();
            }
            int ms = (int) Math.min(Integer.MAX_VALUE, Math.max(1, (remaining + 999_999) / 1_000_000));
            if (ms != soTimeout) {
                socket.setSoTimeout(ms);
                soTimeout = ms;
            }
            try {
                int n = in.read(buf, limit, buf.length - limit);
                if (n < 0) {
                    throw new EOFException("the server closed the connection");
                }
                limit += n;
                return;
            } catch (SocketTimeoutException e) {
                // Loop: the deadline check above decides whether this was the final timeout.
            }
        }
    }

    private static String shorten(String s) {
        return s.length() > 80 ? s.substring(0, 80) + "..." : s;
    }
}
