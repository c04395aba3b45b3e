package org.broadside.compose;

import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.broadside.campaign.CampaignDocument;
import org.broadside.campaign.CampaignFiles;
import org.broadside.delivery.ComposedMessage;
import org.broadside.delivery.RecipientRow;
import org.broadside.delivery.RecipientState;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

class CampaignComposerTest {
    private static CampaignComposer composer(String json) throws Exception {
        return CampaignComposer.prepare(new CampaignDocument(CampaignFiles.parse(json, "c.json"), Path.of("c.json").toAbsolutePath()), new byte[32], null);
    }

    private static RecipientRow row(long seq, String email, String fieldsJson) {
        return new RecipientRow(seq, seq, email, fieldsJson, RecipientState.PENDING, 0, null, 0, null, null, null, null, null, 0, null);
    }

    private static MimeMessage parse(ComposedMessage m) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        m.message().body().writeTo(out);
        return new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(out.toByteArray()));
    }

    static final String HTML_ONLY = """
            {"id": "c1", "from": "News <news@acme.example>", "subject": "Hi [First Name|there]",
             "html": "<p><IF [[Gender]] = \\"M\\">Dear Mr. [Surname],<ELSE>Dear &lt;b&gt;[First Name]</IF></p><p>&lt;IF [[Plan]] = &quot;gold&quot;&gt;Gold!&lt;/IF&gt;</p>",
             "unsubscribe": {"url": "https://acme.example/u/[Token]", "mailto": "u@acme.example"}}
            """;

    @Test
    void textPartGeneratedFromHtmlKeepsConditionsAndFields() throws Exception {
        CampaignComposer c = composer(HTML_ONLY);
        MimeMessage m = parse(c.compose(row(1, "jo@example.com", "{\"Gender\":\"M\",\"Surname\":\"Smith\",\"Plan\":\"gold\"}")));
        Multipart alt = (Multipart) m.getContent();
        String text = alt.getBodyPart(0).getContent().toString();
        assertThat(text).contains("Dear Mr. Smith,").contains("Gold!").doesNotContain("<IF").doesNotContain("[Surname]");
        String html = alt.getBodyPart(1).getContent().toString();
        assertThat(html).contains("Dear Mr. Smith,").contains("Gold!").doesNotContain("IF");
    }

    @Test
    void valuesAreEscapedInHtmlButNotInText() throws Exception {
        CampaignComposer c = composer(HTML_ONLY);
        MimeMessage m = parse(c.compose(row(1, "ann@example.com", "{\"First Name\":\"Ann & <Co>\"}")));
        Multipart alt = (Multipart) m.getContent();
        assertThat(alt.getBodyPart(0).getContent().toString()).contains("Ann & <Co>");
        assertThat(alt.getBodyPart(1).getContent().toString()).contains("Ann &amp; &lt;Co&gt;");
        assertThat(m.getSubject()).isEqualTo("Hi Ann & <Co>");
    }

    @Test
    void lineBreakInAFieldUsedInAHeaderSkipsTheRecipientWithTheReason() throws Exception {
        ComposedMessage m = composer(HTML_ONLY).compose(row(1, "eve@example.com", "{\"First Name\":\"Eve\\r\\nBcc: victim@example.com\"}"));
        assertThat(m.message()).isNull();
        assertThat(m.skipReason()).contains("first name").contains("header");
    }

    @Test
    void oneClickUnsubscribeHeadersCarryTheRecipientsOwnToken() throws Exception {
        CampaignComposer c = composer(HTML_ONLY);
        MimeMessage a = parse(c.compose(row(1, "a@example.com", "{}")));
        MimeMessage b = parse(c.compose(row(2, "b@example.com", "{}")));
        assertThat(a.getHeader("List-Unsubscribe", null)).startsWith("<https://acme.example/u/").contains("mailto:u@acme.example");
        assertThat(a.getHeader("List-Unsubscribe-Post", null)).isEqualTo("List-Unsubscribe=One-Click");
        assertThat(a.getHeader("List-Unsubscribe", null)).isNotEqualTo(b.getHeader("List-Unsubscribe", null));
    }

    @Test
    void theUnsubscribeLinkInTheBodyIsTheOneInTheHeader() throws Exception {
        CampaignComposer c = composer("""
                {"id": "c1", "from": "news@acme.example", "subject": "x", "text": "Leave: [Unsubscribe]",
                 "unsubscribe": {"url": "https://acme.example/u/[Token]", "mailto": "u@acme.example"}}""");
        MimeMessage m = parse(c.compose(row(1, "a@example.com", "{}")));
        String header = m.getHeader("List-Unsubscribe", null);
        String url = header.substring(1, header.indexOf('>'));
        assertThat(url).startsWith("https://acme.example/u/").hasSizeGreaterThan("https://acme.example/u/".length());
        assertThat(m.getContent().toString()).contains("Leave: " + url);

        MimeMessage mailtoOnly = parse(composer("""
                {"id": "c1", "from": "news@acme.example", "subject": "x", "text": "Leave: [Unsubscribe]",
                 "unsubscribe": {"mailto": "u@acme.example"}}""").compose(row(1, "a@example.com", "{}")));
        assertThat(mailtoOnly.getHeader("List-Unsubscribe", null)).isEqualTo("<mailto:u@acme.example?subject=unsubscribe>");
        assertThat(mailtoOnly.getHeader("List-Unsubscribe-Post", null)).isNull();
        assertThat(mailtoOnly.getContent().toString()).contains("Leave: mailto:u@acme.example?subject=unsubscribe");
    }

    @Test
    void messageIdIsStableForTheRecipientAndUsesTheFromDomain() throws Exception {
        CampaignComposer c = composer(HTML_ONLY);
        ComposedMessage first = c.compose(row(7, "a@example.com", "{}"));
        ComposedMessage again = composer(HTML_ONLY).compose(row(7, "a@example.com", "{}"));
        assertThat(first.message().messageId()).isEqualTo(again.message().messageId()).endsWith("@acme.example>");
        assertThat(parse(first).getMessageID()).isEqualTo(first.message().messageId());
        assertThat(c.compose(row(8, "b@example.com", "{}")).message().messageId()).isNotEqualTo(first.message().messageId());
    }

    @Test
    void internationalDomainGoesIntoTheEnvelopeInPunycode() throws Exception {
        ComposedMessage m = composer(HTML_ONLY).compose(row(1, "jo@bücher.example", "{}"));
        assertThat(m.message().recipient()).isEqualTo("jo@xn--bcher-kva.example");
    }

    @Test
    void brokenTemplateIsRefusedWithItsPosition() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> composer("""
                {"from": "a@b.example", "subject": "x", "text": "Hello\\n<IF [[A]] = \\"1\\">one"}"""))
                .isInstanceOf(ComposeException.class).hasMessageContaining("line 2");
    }
}
