package org.broadside.mime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.broadside.mime.MimeFixtures.*;

import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MimeTemplateHeadersTest {
    static final MessageLayout TEXT = layout(true, false, false, List.of(), List.of());

    private static byte[] write(RenderedMessage m) throws Exception {
        return MimeTemplate.prepare(TEXT).toBytes(m);
    }

    private static List<String> headerNames(byte[] bytes) {
        List<String> names = new ArrayList<>();
        for (String line : lines(bytes)) {
            if (line.isEmpty()) {
                break;
            }
            if (!line.startsWith(" ") && !line.startsWith("\t")) {
                names.add(line.substring(0, line.indexOf(':')));
            }
        }
        return names;
    }

    private static List<String> headerLines(byte[] bytes) {
        List<String> all = lines(bytes);
        return all.subList(0, all.indexOf(""));
    }

    @Test
    void headersComeInTheDocumentedOrderWithExtraHeadersAfterMimeVersion() throws Exception {
        RenderedMessage m = new RenderedMessage(FROM, new MailAddress("help@example.com"), TO, "Hi", "t", null,
                List.of(new Header("X-Campaign", "spring"), new Header("List-Unsubscribe", "<https://example.com/u/abc>"),
                        new Header("List-Unsubscribe-Post", "List-Unsubscribe=One-Click")), ID, DATE);

        assertThat(headerNames(write(m))).containsExactly("Date", "From", "Reply-To", "To", "Subject", "Message-ID", "MIME-Version",
                "X-Campaign", "List-Unsubscribe", "List-Unsubscribe-Post", "Content-Type", "Content-Transfer-Encoding");
    }

    @Test
    void dateIsRfc5322InUtcFromTheGivenInstant() throws Exception {
        byte[] bytes = write(message("s", "t", null));

        assertThat(headerLines(bytes)).contains("Date: Sun, 22 Nov 2026 03:04:05 +0000");
        assertThat(parse(bytes).getSentDate().toInstant()).isEqualTo(DATE);
    }

    @Test
    void nonAsciiSubjectIsEncodedFoldedAndDecodesBack() throws Exception {
        String subject = "Grüße aus Köln – Ihr Angebot für den Frühling 🌸 ".repeat(4).strip();
        byte[] bytes = write(message(subject, "t", null));

        assertWireSafe(bytes);
        assertThat(headerLines(bytes)).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(78));
        assertThat(new String(bytes, StandardCharsets.US_ASCII)).contains("Subject: =?UTF-8?B?");
        assertThat(parse(bytes).getSubject()).isEqualTo(subject);
    }

    @Test
    void longAsciiSubjectIsFoldedAtSpacesAndUnfoldsToTheSameText() throws Exception {
        String subject = "This is a rather long subject line that goes on and on about the spring sale and more";
        byte[] bytes = write(message(subject, "t", null));

        assertThat(headerLines(bytes)).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(78));
        assertThat(parse(bytes).getSubject()).isEqualTo(subject);
    }

    @Test
    void subjectWithoutSpacesLongerThan998IsEncodedInsteadOfOverflowing() throws Exception {
        String subject = "x".repeat(1500);
        byte[] bytes = write(message(subject, "t", null));

        assertWireSafe(bytes);
        assertThat(parse(bytes).getSubject()).isEqualTo(subject);
    }

    @Test
    void subjectThatLooksLikeAnEncodedWordIsProtected() throws Exception {
        String subject = "literal =?UTF-8?B?SGk=?= text";

        assertThat(parse(write(message(subject, "t", null))).getSubject()).isEqualTo(subject);
    }

    @Test
    void displayNamesWithSpecialsAreQuotedAndNonAsciiEncoded() throws Exception {
        RenderedMessage m = new RenderedMessage(new MailAddress("Müller, Jörg \"JM\"", "jm@example.com"), null,
                new MailAddress("Doe, John", "john@example.org"), "s", "t", null, List.of(), ID, DATE);
        byte[] bytes = write(m);

        assertWireSafe(bytes);
        MimeMessage parsed = parse(bytes);
        InternetAddress from = (InternetAddress) parsed.getFrom()[0];
        InternetAddress to = (InternetAddress) parsed.getRecipients(MimeMessage.RecipientType.TO)[0];
        assertThat(from.getPersonal()).isEqualTo("Müller, Jörg \"JM\"");
        assertThat(from.getAddress()).isEqualTo("jm@example.com");
        assertThat(to.getPersonal()).isEqualTo("Doe, John");
        assertThat(headerLines(bytes)).contains("To: \"Doe, John\" <john@example.org>");
    }

    @Test
    void idnDomainsAreWrittenAsPunycode() throws Exception {
        RenderedMessage m = new RenderedMessage(FROM, null, new MailAddress("Jörg", "joerg@bücher.example"), "s", "t", null,
                List.of(), ID, DATE);
        byte[] bytes = write(m);

        assertWireSafe(bytes);
        assertThat(((InternetAddress) parse(bytes).getRecipients(MimeMessage.RecipientType.TO)[0]).getAddress())
                .isEqualTo("joerg@xn--bcher-kva.example");
    }

    @Test
    void nonAsciiLocalPartIsRefusedWithoutSmtpUtf8() {
        assertThatThrownBy(() -> new RenderedMessage(FROM, null, new MailAddress("jörg@example.org"), "s", "t", null, List.of(), ID, DATE))
                .isInstanceOf(SmtpUtf8RequiredException.class).hasMessageContaining("SMTPUTF8");
    }

    @Test
    void nonAsciiLocalPartWithSmtpUtf8IsWrittenAsRawUtf8AndReported() throws Exception {
        RenderedMessage m = new RenderedMessage(FROM, null, new MailAddress("Jörg", "jörg@bücher.example"), "s", "t", null,
                List.of(), ID, DATE, true);
        byte[] bytes = write(m);

        assertThat(m.requiresSmtpUtf8()).isTrue();
        assertThat(new String(bytes, StandardCharsets.UTF_8)).contains("<jörg@xn--bcher-kva.example>");
        assertThat(message("s", "t", null).requiresSmtpUtf8()).isFalse();
    }

    @Test
    void headerValuesWithLineBreaksAreRefusedNamingTheHeader() {
        assertThatThrownBy(() -> new Header("X-Tag", "a\r\nBcc: victim@example.com"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("X-Tag");
        assertThatThrownBy(() -> message("Hi\nBcc: victim@example.com", "t", null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Subject");
        assertThatThrownBy(() -> new Header("X-Nul", "a\0b")).hasMessageContaining("X-Nul");
    }

    @Test
    void headerNamesOutsideFtextAreRefused() {
        assertThatThrownBy(() -> new Header("X Bad", "v")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Header("X:Bad", "v")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Header("X-Bäd", "v")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void extraHeadersCannotDuplicateHeadersTheMessageWrites() {
        assertThatThrownBy(() -> message("s", "t", null, List.of(new Header("bcc", "x@example.com"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bcc");
    }

    @Test
    void messageIdWithLineBreakOrSpaceIsRefused() {
        assertThatThrownBy(() -> new RenderedMessage(FROM, null, TO, "s", "t", null, List.of(), "<a\r\nb@x>", DATE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Message-ID");
    }

    @Test
    void longListUnsubscribeIsFoldedAtItsSpacesAndKeepsItsValue() throws Exception {
        String value = "<https://example.com/unsubscribe/" + "a".repeat(60) + ">, <mailto:unsubscribe@example.com?subject=" + "b".repeat(40) + ">";
        byte[] bytes = write(message("s", "t", null, List.of(new Header("List-Unsubscribe", value))));

        assertWireSafe(bytes);
        assertThat(parse(bytes).getHeader("List-Unsubscribe", null).replace("\r\n", "")).isEqualTo(value);
    }

    @Test
    void extraHeaderThatCannotBeFoldedUnder998IsRefused() {
        RenderedMessage m = message("s", "t", null, List.of(new Header("X-Long", "y".repeat(1200))));

        assertThatThrownBy(() -> write(m)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("X-Long");
    }

    @Test
    void nonAsciiExtraHeaderIsEncoded() throws Exception {
        byte[] bytes = write(message("s", "t", null, List.of(new Header("X-Note", "für Sie"))));

        assertWireSafe(bytes);
        assertThat(jakarta.mail.internet.MimeUtility.decodeText(parse(bytes).getHeader("X-Note", null))).isEqualTo("für Sie");
    }
}
