package org.broadside.mime;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Literal text encoded once per campaign, merged values per recipient: the part must decode to exactly what the
 * whole part encoded at once decodes to, and be as valid quoted-printable (issue 17).
 */
class LiteralQpTest {
    private static final String[] ATOMS = {"a", "word ", "Zoë ", "日本語", "😀", "=", "= ", " ", "  ", "\t", ".", "From ",
            "Fro", "\r\n", "\n", "\r", " \r\n", "\t\n", "x".repeat(90), "y".repeat(200) + " ", "<p class=\"a\">", "&amp;",
            "\uD83D", "\uDE00", "F", "end.  ", "\r\r\n"};

    private static String randomText(Random r, int maxAtoms) {
        StringBuilder b = new StringBuilder();
        int n = r.nextInt(maxAtoms + 1);
        for (int i = 0; i < n; i++) {
            b.append(ATOMS[r.nextInt(ATOMS.length)]);
        }
        return b.toString();
    }

    /** A template: literals (long, so most get a block) and merged values between them, in a random order. */
    private static List<String[]> randomPieces(Random r) {
        List<String[]> pieces = new ArrayList<>();
        int n = 1 + r.nextInt(8);
        for (int i = 0; i < n; i++) {
            boolean literal = r.nextBoolean();
            pieces.add(new String[] {literal ? "L" : "V", randomText(r, literal ? 60 : 6)});
        }
        return pieces;
    }

    @Test
    void piecesDecodeToTheWholePartForRandomTemplatesAndValues() {
        Random r = new Random(17);
        int blocksUsed = 0;
        for (Charset cs : List.of(StandardCharsets.UTF_8, StandardCharsets.ISO_8859_1)) {
            for (int t = 0; t < 3000; t++) {
                List<String[]> pieces = randomPieces(r);
                List<String> literals = new ArrayList<>();
                for (String[] p : pieces) {
                    if (p[0].equals("L")) literals.add(p[1]);
                }
                boolean terminate = r.nextBoolean();
                LiteralQp qp = LiteralQp.prepare(literals, cs, terminate);
                blocksUsed += qp.blockCount();
                LiteralQp.Writer w = qp.writer();
                for (int recipient = 0; recipient < 3; recipient++) {
                    StringBuilder whole = new StringBuilder();
                    for (String[] p : pieces) {
                        String text = p[0].equals("L") ? p[1] : randomText(r, 6);
                        whole.append(text);
                        if (p[0].equals("L")) w.literal(p[1]);
                        else w.merged().append(text);
                    }
                    EncodedPart part = w.finish();
                    byte[] in = whole.toString().getBytes(cs);
                    ByteSink reference = new ByteSink(16);
                    boolean referenceQp = QuotedPrintable.encode(in, in.length, reference, terminate);
                    byte[] expected = Arrays.copyOf(reference.buf, reference.len);
                    String context = "template " + t + " " + cs + " " + whole.toString().replace("\r", "\\r").replace("\n", "\\n");
                    assertThat(decode(part.bytes())).as(context).isEqualTo(decode(expected));
                    assertValid(part.bytes(), terminate, context);
                    if (!part.quotedPrintable()) {
                        assertThat(part.bytes()).as("7bit only when it is the text itself: " + context).isEqualTo(expected);
                        assertThat(referenceQp).isFalse();
                    }
                }
            }
        }
        assertThat(blocksUsed).as("the random templates exercise precomputed blocks").isGreaterThan(2000);
    }

    @Test
    void aTextWithLineBreaksIsEncodedByteForByteAsTheWholePart() {
        // Literals whose blocks start and end at line breaks give the very bytes of encoding the whole part.
        String a = "Dear ";
        String b = ",\r\n\r\n" + ("Paragraph: lorem ipsum = dolor sit amet, consectetur.  \r\n" + "z".repeat(100) + "\r\n").repeat(5)
                + ".leading dot\r\nFrom here\r\nYour city: ";
        String c = ".\r\n" + "The end of the letter, with more text than a block needs to be worth it.\r\n".repeat(3) + "Bye";
        LiteralQp qp = LiteralQp.prepare(List.of(a, b, c), StandardCharsets.UTF_8, true);
        assertThat(qp.blockCount()).isEqualTo(2);
        LiteralQp.Writer w = qp.writer();
        for (String value : List.of("Zoë", "x".repeat(150), "trailing  ", "a=b", "")) {
            w.literal(a);
            w.merged().append(value);
            w.literal(b);
            w.merged().append(value);
            w.literal(c);
            byte[] in = (a + value + b + value + c).getBytes(StandardCharsets.UTF_8);
            ByteSink whole = new ByteSink(16);
            boolean changed = QuotedPrintable.encode(in, in.length, whole, true);
            EncodedPart part = w.finish();
            assertThat(new String(part.bytes(), StandardCharsets.US_ASCII)).isEqualTo(new String(whole.buf, 0, whole.len, StandardCharsets.US_ASCII));
            assertThat(part.quotedPrintable()).isEqualTo(changed);
        }
    }

    @Test
    void aLineStartThatMayBecomeFromIsEscapedWhenTheRestIsNotKnown() {
        ByteSink sink = new ByteSink(16);
        byte[] in = "ab\r\nFro".getBytes(StandardCharsets.US_ASCII);
        QuotedPrintable.encode(in, in.length, sink, 0, false, true);
        assertThat(new String(sink.buf, 0, sink.len, StandardCharsets.US_ASCII)).isEqualTo("ab\r\n=46ro");
        sink.reset();
        QuotedPrintable.encode(in, in.length, sink, 0, false, false);
        assertThat(new String(sink.buf, 0, sink.len, StandardCharsets.US_ASCII)).isEqualTo("ab\r\nFro");
    }

    /** 7-bit, lines of at most 76, no whitespace before a line break, no line starting with "." or "From ". */
    private static void assertValid(byte[] qp, boolean terminate, String context) {
        String s = new String(qp, StandardCharsets.ISO_8859_1);
        for (int i = 0; i < qp.length; i++) {
            int b = qp[i] & 0xFF;
            assertThat(b < 127 && (b >= 32 || b == 9 || b == 13 || b == 10)).as("byte %d at %d: %s", b, i, context).isTrue();
            if (b == '\r') assertThat(i + 1 < qp.length && qp[i + 1] == '\n').as("bare CR: " + context).isTrue();
            if (b == '\n') assertThat(i > 0 && qp[i - 1] == '\r').as("bare LF: " + context).isTrue();
        }
        String[] lines = s.split("\r\n", -1);
        for (String line : lines) {
            assertThat(line.length()).as("line length: " + context).isLessThanOrEqualTo(76);
            assertThat(line.endsWith(" ") || line.endsWith("\t")).as("trailing whitespace: " + context).isFalse();
            assertThat(line.startsWith(".") || line.startsWith("From ")).as("line start: " + line + " in " + context).isFalse();
        }
        if (terminate && qp.length > 0) assertThat(s).as("ends with a line break: " + context).endsWith("\r\n");
    }

    /** RFC 2045 decoding: soft breaks removed, =XX to its byte. */
    static byte[] decode(byte[] qp) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < qp.length; i++) {
            if (qp[i] == '=') {
                if (qp[i + 1] == '\r' && qp[i + 2] == '\n') {
                    i += 2;
                } else {
                    out.write(Integer.parseInt(new String(qp, i + 1, 2, StandardCharsets.US_ASCII), 16));
                    i += 2;
                }
            } else {
                out.write(qp[i]);
            }
        }
        return out.toByteArray();
    }
}
