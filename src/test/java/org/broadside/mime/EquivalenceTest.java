package org.broadside.mime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.broadside.mime.MimeFixtures.*;

import jakarta.mail.Address;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** MimeTemplate must say what Angus says: same headers once decoded, same decoded parts. */
class EquivalenceTest {

    private static List<String> decodedHeaders(MimeMessage m) throws Exception {
        List<String> out = new ArrayList<>();
        out.add("Date=" + m.getSentDate().toInstant());
        out.add("From=" + decoded(m.getFrom()));
        out.add("Reply-To=" + decoded(m.getReplyTo()));
        out.add("To=" + decoded(m.getRecipients(MimeMessage.RecipientType.TO)));
        out.add("Subject=" + m.getSubject());
        out.add("Message-ID=" + m.getMessageID());
        out.add("MIME-Version=" + m.getHeader("MIME-Version", null));
        for (String name : List.of("X-Campaign", "List-Unsubscribe", "List-Unsubscribe-Post", "X-Note")) {
            String v = m.getHeader(name, null);
            out.add(name + "=" + (v == null ? null : MimeUtility.decodeText(MimeUtility.unfold(v))));
        }
        out.add("recipients=" + decoded(m.getAllRecipients()));
        return out;
    }

    private static List<String> decoded(Address[] addresses) {
        List<String> out = new ArrayList<>();
        for (Address a : addresses) {
            InternetAddress ia = (InternetAddress) a;
            out.add(ia.getPersonal() + " <" + ia.getAddress() + ">");
        }
        return out;
    }

    private static RenderedMessage richMessage() {
        return new RenderedMessage(new MailAddress("Bücherei Müller, GmbH", "news@bücher.example"),
                new MailAddress("Help Desk", "help@example.com"), new MailAddress("Zoë O'Brien", "zoe@example.org"),
                "Ihre Bestellung №42 – bitte bestätigen " + "lange ".repeat(15),
                "Hallo Zoë,\n\nIhre Bestellung.\n.\nFrom now on   \r\nmixed\rbreaks\n" + "x".repeat(300),
                "<p>Hallo <b>Zoë</b>,</p><p>" + "y".repeat(300) + "</p><img src=\"cid:logo@x\">",
                List.of(new Header("X-Campaign", "spring-2026"),
                        new Header("List-Unsubscribe", "<https://example.com/u/" + "t".repeat(70) + ">, <mailto:u@example.com>"),
                        new Header("List-Unsubscribe-Post", "List-Unsubscribe=One-Click"),
                        new Header("X-Note", "für Zoë")),
                MessageIds.forRecipient("spring", "zoe@example.org", "bücher.example"), DATE);
    }

    @Test
    void templateAndAngusGiveTheSameDecodedHeadersAndParts(@TempDir Path dir) throws Exception {
        MessageLayout layout = layout(true, true, false,
                List.of(new Attachment(file(dir, "Preisliste März.pdf", binary(5000)), null, null)),
                List.of(new InlineImage("logo@x", file(dir, "logo.png", binary(800)), null)));
        RenderedMessage m = richMessage();

        byte[] fastBytes = MimeTemplate.prepare(layout).toBytes(m);
        MimeMessage fast = parse(fastBytes);
        MimeMessage reference = parse(bytesOf(AngusMessageFactory.build(layout, m)));

        assertWireSafe(fastBytes);
        assertThat(decodedHeaders(fast)).isEqualTo(decodedHeaders(reference));
        assertThat(structure(fast)).isEqualTo(structure(reference));
        assertThat(leaves(fast)).isEqualTo(leaves(reference));
    }

    @Test
    void generatedTextPartIsTheSameInBoth() throws Exception {
        MessageLayout layout = layout(false, true, true, List.of(), List.of());
        RenderedMessage m = message("s", null, "<h1>Title</h1><p>Read <a href=\"https://example.com/x\">more</a></p><ul><li>one</li><li>two</li></ul>");

        MimeMessage fast = parse(MimeTemplate.prepare(layout).toBytes(m));
        MimeMessage reference = parse(bytesOf(AngusMessageFactory.build(layout, m)));

        assertThat(normalize(decodedText(fast, "text/plain"))).isEqualTo(normalize(decodedText(reference, "text/plain")))
                .contains("more (https://example.com/x)").contains("- one");
    }

    @Test
    void angusReferenceKeepsTheTemplatesBoundaries() throws Exception {
        MessageLayout layout = layout(true, true, false, List.of(), List.of());
        RenderedMessage m = message("s", "t", "<p>h</p>");

        String fast = new String(MimeTemplate.prepare(layout).toBytes(m), java.nio.charset.StandardCharsets.US_ASCII);
        String reference = new String(bytesOf(AngusMessageFactory.build(layout, m)), java.nio.charset.StandardCharsets.US_ASCII);

        String boundary = Boundaries.of("spring-sale", "alternative");
        assertThat(fast).contains("--" + boundary + "\r\n").contains("--" + boundary + "--");
        assertThat(reference).contains("--" + boundary + "\r\n").contains("--" + boundary + "--");
    }
}
