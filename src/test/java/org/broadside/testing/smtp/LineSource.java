package org.broadside.testing.smtp;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** Server-side reader that remembers which TCP read delivered each line, to tell one pipelined write from lock-step. */
final class LineSource {
    private final InputStream in;
    private final byte[] buf = new byte[64 * 1024];
    private int pos;
    private int limit;
    private int readNumber;

    LineSource(InputStream in) {
        this.in = in;
    }

    int readNumber() {
        return readNumber;
    }

    boolean hasBuffered() {
        return pos < limit;
    }

    /** The next line without CRLF, or null at end of stream. */
    String readLine() throws IOException {
        byte[] raw = readRawLine();
        if (raw == null) {
            return null;
        }
        int n = raw.length;
        if (n > 0 && raw[n - 1] == '\n') {
            n--;
        }
        if (n > 0 && raw[n - 1] == '\r') {
            n--;
        }
        return new String(raw, 0, n, StandardCharsets.UTF_8);
    }

    /** The next line including its line end, or null at end of stream. */
    byte[] readRawLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        while (true) {
            for (int i = pos; i < limit; i++) {
                if (buf[i] == '\n') {
                    line.write(buf, pos, i + 1 - pos);
                    pos = i + 1;
                    return line.toByteArray();
                }
            }
            line.write(buf, pos, limit - pos);
            pos = 0;
            limit = 0;
            int n = in.read(buf);
            if (n < 0) {
                return line.size() == 0 ? null : line.toByteArray();
            }
            readNumber++;
            limit = n;
        }
    }

    /** Exactly {@code n} bytes (a BDAT chunk), or null when the stream ends first. */
    byte[] readBytes(long n) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(n, 1 << 20));
        long left = n;
        while (left > 0) {
            if (pos == limit) {
                int r = in.read(buf);
                if (r < 0) {
                    return null;
                }
                readNumber++;
                pos = 0;
                limit = r;
            }
            int take = (int) Math.min(left, limit - pos);
            out.write(buf, pos, take);
            pos += take;
            left -= take;
        }
        return out.toByteArray();
    }

    /** True when more client bytes have arrived than were consumed: the client wrote ahead of our replies. */
    boolean moreWaiting() throws IOException {
        return pos < limit || in.available() > 0;
    }
}
