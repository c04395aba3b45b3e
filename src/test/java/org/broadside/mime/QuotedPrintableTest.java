package org.broadside.mime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class QuotedPrintableTest {

    private static String encode(String s) {
        byte[] in = s.getBytes(StandardCharsets.UTF_8);
        ByteSink sink = new ByteSink(16);
        QuotedPrintable.encode(in, in.length, sink, false);
        return new String(sink.buf, 0, sink.len, StandardCharsets.US_ASCII);
    }

    @Test
    void eightByteBlockCheckAcceptsOnlyPrintableAsciiWithoutEquals() {
        for (int b = 0; b < 256; b++) {
            byte[] block = "abcdefgh".getBytes(StandardCharsets.US_ASCII);
            for (int pos = 0; pos < 8; pos++) {
                byte[] copy = block.clone();
                copy[pos] = (byte) b;
                long x = java.nio.ByteBuffer.wrap(copy).order(java.nio.ByteOrder.LITTLE_ENDIAN).getLong();
                assertThat(QuotedPrintable.allLiteral(x)).as("byte %d at %d", b, pos).isEqualTo(b >= 32 && b <= 126 && b != '=');
            }
        }
    }

    @Test
    void spaceBeforeLineBreakIsEscapedEvenAtTheEndOfAnEightByteBlock() {
        assertThat(encode("1234567 \nabcdefg \r\n")).isEqualTo("1234567=20\r\nabcdefg=20\r\n");
        assertThat(encode("x1234567 ")).isEqualTo("x1234567=20");
    }

    @Test
    void softBreaksKeepLinesAt76() {
        String encoded = encode("a".repeat(200));

        assertThat(encoded.split("\r\n")).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(76));
        assertThat(encoded.replace("=\r\n", "")).isEqualTo("a".repeat(200));
    }

    @Test
    void leadingDotAndFromAreEscaped() {
        assertThat(encode(".x\nFrom y")).isEqualTo("=2Ex\r\n=46rom y");
    }
}
