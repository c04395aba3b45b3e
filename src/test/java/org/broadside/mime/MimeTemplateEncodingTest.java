package org.broadside.mime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.broadside.mime.MimeFixtures.*;

import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class MimeTemplateEncodingTest {
    static final MessageLayout TEXT = layout(true, false, false, List.of(), List.of());
    static final MessageLayout BOTH = layout(true, true, false, List.of(), List.of());

    static List<String> trickyTexts() {
        return List.of(
            "Grüße aus Köln, 東京, emoji 😀 and € signs",
            "a line that is very long ".repeat(60),
            ".\n.leading dot\n..two dots\n.",
            "From the desk of Ann\nFrom here\n>From quoted",
            "trailing spaces   \ntrailing tab\t\nend with space ",
            "mixed\r\nbreaks\nhere\rand\r\rthere\n\n",
            "equals = sign =3D and =?UTF-8?B?x?= look-alike",
            "control \u0001 chars \u007f and a\u0000nul",
            "");
    }

    @ParameterizedTest
    @MethodSource("trickyTexts")
    void textPartDecodesToTheInputWithLineBreaksAsCrlf(String text) throws Exception {
        for (MessageLayout layout : List.of(TEXT, BOTH)) {
            byte[] bytes = MimeTemplate.prepare(layout).toBytes(message("s", text, layout.hasHtml() ? "<p>x</p>" : null));

            assertWireSafe(bytes);
            String decoded = decodedText(parse(bytes), "text/plain");
            assertThat(decoded).isEqualTo(text.replace("\r\n", "\n").replace('\r', '\n').replace("\n", "\r\n"));
        }
    }

    @Test
    void htmlPartDecodesToTheInput() throws Exception {
        String html = "<html><body><p style=\"color:red\">Grüße — " + "x".repeat(2000) + "</p>\n.<br>\nFrom me</body></html>";
        byte[] bytes = MimeTemplate.prepare(BOTH).toBytes(message("s", "t", html));

        assertWireSafe(bytes);
        assertThat(normalize(decodedText(parse(bytes), "text/html"))).isEqualTo(normalize(html));
    }

    @Test
    void quotedPrintableLinesStayWithin76Characters() throws Exception {
        byte[] bytes = MimeTemplate.prepare(TEXT).toBytes(message("s", "ü".repeat(500) + " " + "a".repeat(500), null));

        String all = new String(bytes, StandardCharsets.US_ASCII);
        String body = all.substring(all.indexOf("\r\n\r\n") + 4);
        assertThat(body.split("\r\n")).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(76));
    }

    @Test
    void pureAsciiShortLinesAreSentAs7bit() throws Exception {
        MimeMessage m = parse(MimeTemplate.prepare(TEXT).toBytes(message("s", "Hello Ann,\nsee you.\n", null)));

        assertThat(m.getEncoding()).isEqualTo("7bit");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Grüße\n", "a=b\n", "trailing \n", ".dot\n", "From me\n", "no final line break"})
    void textThatIsNotSafeAs7bitIsQuotedPrintable(String text) throws Exception {
        MimeMessage m = parse(MimeTemplate.prepare(TEXT).toBytes(message("s", text, null)));

        assertThat(m.getEncoding()).isEqualTo("quoted-printable");
        assertThat((String) m.getContent()).isEqualTo(text.replace("\n", "\r\n"));
    }

    @Test
    void nonUtf8CharsetIsDeclaredAndUsed() throws Exception {
        MessageLayout latin1 = new MessageLayout(true, false, false, List.of(), List.of(), StandardCharsets.ISO_8859_1, "c");
        byte[] bytes = MimeTemplate.prepare(latin1).toBytes(message("s", "Grüße\n", null));

        MimeMessage m = parse(bytes);
        assertThat(m.getContentType()).contains("charset=ISO-8859-1");
        assertThat(new String(bytes, StandardCharsets.US_ASCII)).contains("Gr=FC=DFe");
        assertThat((String) m.getContent()).isEqualTo("Grüße\r\n");
    }

    @Test
    void attachmentsAreBase64AndDecodeToTheFileBytes(@TempDir Path dir) throws Exception {
        byte[] content = binary(100_000); // over the size written directly to the stream
        Attachment a = Attachment.of(file(dir, "data.bin", content));
        byte[] bytes = MimeTemplate.prepare(layout(true, false, false, List.of(a), List.of())).toBytes(message("s", "t", null));

        assertWireSafe(bytes);
        var mixed = (jakarta.mail.Multipart) parse(bytes).getContent();
        var part = mixed.getBodyPart(1);
        assertThat(part.getHeader("Content-Transfer-Encoding")).containsExactly("base64");
        assertThat(part.getInputStream().readAllBytes()).isEqualTo(content);
    }

    @Test
    void nonAsciiAndLongAttachmentNamesSurviveAsRfc2231(@TempDir Path dir) throws Exception {
        String name = "Rechnung März für " + "sehr lange Namen ".repeat(6) + ".pdf";
        Attachment a = new Attachment(file(dir, "r.pdf", binary(10)), name, null);
        byte[] bytes = MimeTemplate.prepare(layout(true, false, false, List.of(a), List.of())).toBytes(message("s", "t", null));

        assertWireSafe(bytes);
        lines(bytes).forEach(l -> assertThat(l.length()).isLessThanOrEqualTo(78));
        var part = ((jakarta.mail.Multipart) parse(bytes).getContent()).getBodyPart(1);
        assertThat(part.getFileName()).isEqualTo(name);
        assertThat(part.getContentType()).startsWith("application/pdf");
    }

    @Test
    void attachmentContentTypeIsGuessedFromTheFileName(@TempDir Path dir) throws Exception {
        assertThat(Attachment.of(file(dir, "a.PDF", binary(1))).contentType()).isEqualTo("application/pdf");
        assertThat(Attachment.of(file(dir, "b.xlsx", binary(1))).contentType()).contains("spreadsheetml");
        assertThat(Attachment.of(file(dir, "c.jpeg", binary(1))).contentType()).isEqualTo("image/jpeg");
        assertThat(Attachment.of(file(dir, "d.unknownext", binary(1))).contentType()).isEqualTo("application/octet-stream");
    }
}
