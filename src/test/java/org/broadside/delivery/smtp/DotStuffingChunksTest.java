package org.broadside.delivery.smtp;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The bulk-copy dot-stuffer gives the same bytes as a byte-at-a-time reference, however the input is chunked. */
class DotStuffingChunksTest {
    private static final byte[] ALPHABET = {'a', 'b', '.', '\r', '\n', ' ', '.', '\r', '\n'};

    @Test
    void anyChunkingOfAnyInputMatchesTheReference() throws Exception {
        Random random = new Random(42);
        for (int round = 0; round < 2000; round++) {
            byte[] input = new byte[random.nextInt(60)];
            for (int i = 0; i < input.length; i++) input[i] = ALPHABET[random.nextInt(ALPHABET.length)];
            ByteArrayOutputStream actual = new ByteArrayOutputStream();
            DotStuffingOutputStream s = new DotStuffingOutputStream(actual);
            int pos = 0;
            while (pos < input.length) {
                int n = 1 + random.nextInt(Math.max(1, input.length - pos));
                s.write(input, pos, n);
                pos += n;
            }
            s.finishBody();
            assertThat(actual.toString()).as(escape(input)).isEqualTo(reference(input));
        }
    }

    /** RFC 5321: CRLF lines; bare CR or LF become CRLF; a leading "." is doubled; the content ends with CRLF. */
    private static String reference(byte[] in) {
        StringBuilder out = new StringBuilder();
        boolean lineStart = true;
        for (int i = 0; i < in.length; i++) {
            char c = (char) in[i];
            if (c == '\r' || c == '\n') {
                if (c == '\r' && i + 1 < in.length && in[i + 1] == '\n') i++;
                out.append("\r\n");
                lineStart = true;
                continue;
            }
            if (lineStart && c == '.') out.append('.');
            out.append(c);
            lineStart = false;
        }
        if (!lineStart) out.append("\r\n");
        return out.toString();
    }

    private static String escape(byte[] in) {
        return new String(in).replace("\r", "\\r").replace("\n", "\\n");
    }
}
