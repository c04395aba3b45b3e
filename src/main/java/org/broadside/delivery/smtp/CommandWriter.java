package org.broadside.delivery.smtp;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** Encodes command lines straight into the buffered socket stream, refusing CR, LF and NUL as a last line of defence. */
final class CommandWriter {
    private final OutputStream out;
    private final ProtocolListener listener;
    private byte[] scratch = new byte[1024];

    CommandWriter(OutputStream out, ProtocolListener listener) {
        this.out = out;
        this.listener = listener;
    }

    /** Buffers {@code line} + CRLF; the listener sees {@code logged} (the line, or a masked form). */
    void write(String line, String logged) throws IOException {
        int n = line.length();
        if (scratch.length < n * 3 + 2) {
            scratch = new byte[n * 3 + 2];
        }
        int j = 0;
        for (int i = 0; i < n; i++) {
            char c = line.charAt(i);
            if (c == '\r' || c == '\n' || c == 0) {
                throw new IllegalArgumentException("a command line may not contain CR, LF or NUL");
            }
            if (c < 0x80) {
                scratch[j++] = (byte) c;
            } else {
                // Only reached for SMTPUTF8 addresses that were validated before.
                byte[] utf8 = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                if (Character.isHighSurrogate(c) && i + 1 < n) {
                    utf8 = line.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
                    i++;
                }
                System.arraycopy(utf8, 0, scratch, j, utf8.length);
                j += utf8.length;
            }
        }
        scratch[j++] = '\r';
        scratch[j++] = '\n';
        out.write(scratch, 0, j);
        listener.line(Direction.CLIENT, logged);
    }

    /** Writes an ASCII prefix and secret base64 bytes, then wipes them; nothing secret becomes a String. */
    void writeSecret(String prefix, byte[] base64, String logged) throws IOException {
        try {
            for (int i = 0; i < prefix.length(); i++) {
                out.write(prefix.charAt(i));
            }
            out.write(base64);
            out.write('\r');
            out.write('\n');
        } finally {
            java.util.Arrays.fill(base64, (byte) 0);
        }
        listener.line(Direction.CLIENT, logged);
    }
}
