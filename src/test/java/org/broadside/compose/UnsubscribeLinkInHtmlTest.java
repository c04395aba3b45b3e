package org.broadside.compose;

import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.broadside.campaign.CampaignDocument;
import org.broadside.campaign.CampaignFiles;
import org.broadside.delivery.RecipientRow;
import org.broadside.delivery.RecipientState;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/** A link made from the field-insert menu, {@code <a href="[Unsubscribe]">}, carries the recipient's URL, attribute-escaped. */
class UnsubscribeLinkInHtmlTest {
    @Test
    void unsubscribeInsideAnHrefBecomesTheRecipientsUrlEscapedForTheAttribute() throws Exception {
        String json = """
                {"id": "c1", "from": "news@acme.example", "subject": "x",
                 "html": "<p><a href=\\"[Unsubscribe]\\">unsubscribe</a></p>",
                 "unsubscribe": {"url": "https://acme.example/u?c=7&t=[Token]"}}""";
        CampaignComposer c = CampaignComposer.prepare(new CampaignDocument(CampaignFiles.parse(json, "c.json"),
                Path.of("c.json").toAbsolutePath()), new byte[32], null);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        c.compose(new RecipientRow(1, 1, "a@example.com", "{}", RecipientState.PENDING, 0, null, 0, null, null, null, null, null, 0, null))
                .message().body().writeTo(out);
        MimeMessage m = new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(out.toByteArray()));
        String header = m.getHeader("List-Unsubscribe", null);
        String url = header.substring(1, header.indexOf('>'));
        assertThat(url).startsWith("https://acme.example/u?c=7&t=").doesNotContain("[Token]");
        String html = ((Multipart) m.getContent()).getBodyPart(1).getContent().toString();
        assertThat(html).contains("<a href=\"" + url.replace("&", "&amp;") + "\">unsubscribe</a>");
    }
}
