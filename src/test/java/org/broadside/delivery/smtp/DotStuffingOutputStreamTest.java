package org.broadside.delivery.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DotStuffingOutputStreamTest {
    @Test
    void crSplitAcrossWritesStillBecomesOneCrlf() throws Exception {
        assertThat(stuff("a\r", "\nb")).isEqualTo("a\r\nb\r\n");
    }

    @Test
    void dotAfterSplitLineEndIsDoubled() throws Exception {
        assertThat(stuff("a\n", ".b")).isEqualTo("a\r\n..b\r\n");
    }

    @Test
    void byteByByteWritingGivesTheSameResult() throws Exception {
        String in = ".x\r\r\n\n.\rz";
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        DotStuffingOutputStream s = new DotStuffingOutputStream(sink);
        for (byte b : in.getBytes(StandardCharsets.US_ASCII)) {
            s.write(b);
        }
        s.finishBody();
        assertThat(sink.toString(StandardCharsets.US_ASCII)).isEqualTo(stuff(in));
        assertThat(sink.toString(StandardCharsets.US_ASCII)).isEqualTo("..x\r\n\r\n\r\n..\r\nz\r\n");
    }

    @Test
    void wireReadyBytesAreCopiedAsTheyAreAndStillEndWithCrlf() throws Exception {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        DotStuffingOutputStream s = new DotStuffingOutputStream(sink);
        s.reset(true);
        s.write("a: b\r\n\r\nline".getBytes(StandardCharsets.US_ASCII));
        s.finishBody();
        assertThat(sink.toString(StandardCharsets.US_ASCII)).isEqualTo("a: b\r\n\r\nline\r\n");
        assertThat(s.count()).as("the bytes the message had").isEqualTo(12);
        sink.reset();
        s.reset(true);
        s.write("x\r\n".getBytes(StandardCharsets.US_ASCII));
        s.finishBody();
        assertThat(sink.toString(StandardCharsets.US_ASCII)).as("no second CRLF after a complete line").isEqualTo("x\r\n");
        sink.reset();
        s.reset(false);
        s.write(".x".getBytes(StandardCharsets.US_ASCII));
        s.finishBody();
        assertThat(sink.toString(StandardCharsets.US_ASCII)).as("the next message is stuffed again").isEqualTo("..x\r\n");
    }

    private static String stuff(String... chunks) throws Exception {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        DotStuffingOutputStream s = new DotStuffingOutputStream(sink);
        for (String c : chunks) {
            s.write(c.getBytes(StandardCharsets.US_ASCII));
        }
        s.finishBody();
        return sink.toString(StandardCharsets.US_ASCII);
    }
}
