package org.broadside.compose;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.broadside.campaign.CampaignDocument;
import org.broadside.campaign.CampaignFiles;
import org.broadside.delivery.ComposedMessage;
import org.broadside.delivery.RecipientRow;
import org.broadside.delivery.RecipientState;
import org.broadside.unsubscribe.RecipientToken;
import org.broadside.unsubscribe.RecipientTokens;
import org.broadside.unsubscribe.ServerSecret;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A campaign naming its Broadside server: List-Unsubscribe, List-Unsubscribe-Post and [Unsubscribe] carry a token that server opens. */
class UnsubscribeServerComposeTest {
    private static final ServerSecret SECRET = ServerSecret.generate();
    private static final String CAMPAIGN = """
            {"id": "news-42", "from": "News <news@acme.example>", "subject": "Hello", "text": "Leave: [Unsubscribe]",
             "unsubscribe": {"server": "https://news.acme.example/", "language": "[Language]"}}""";

    private static CampaignDocument doc(String json) throws Exception {
        return new CampaignDocument(CampaignFiles.parse(json, "c.json"), Path.of("c.json").toAbsolutePath());
    }

    private static MimeMessage compose(String json, String email, String fieldsJson) throws Exception {
        ComposedMessage m = CampaignComposer.prepare(doc(json), new byte[32], SECRET, null)
                .compose(new RecipientRow(1, 1, email, fieldsJson, RecipientState.PENDING, 0, null, 0, null, null, null, null, null, 0, null));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        m.message().body().writeTo(out);
        return new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(out.toByteArray()));
    }

    @Test
    void theHeadersAndTheLinkCarryATokenTheServerResolves() throws Exception {
        MimeMessage m = compose(CAMPAIGN, "jo@example.com", "{\"Language\": \"fr\"}");
        String header = m.getHeader("List-Unsubscribe", null);
        assertThat(header).startsWith("<https://news.acme.example/u/").endsWith(">");
        assertThat(m.getHeader("List-Unsubscribe-Post", null)).isEqualTo("List-Unsubscribe=One-Click");
        String url = header.substring(1, header.length() - 1);
        assertThat(m.getContent().toString()).contains("Leave: " + url);
        String token = url.substring(url.lastIndexOf('/') + 1);
        assertThat(new RecipientTokens(SECRET).open(token)).contains(new RecipientToken("news-42", "jo@example.com", "fr"));
    }

    @Test
    void aCampaignWithAServerPassesTheUnsubscribeCheck() throws Exception {
        List<CheckLine> lines = CampaignChecks.check(doc(CAMPAIGN), null, Set.of());
        assertThat(lines).noneMatch(l -> l.part().equals("unsubscribe"));
        List<CheckLine> plainHttp = CampaignChecks.check(doc(CAMPAIGN.replace("https://", "http://")), null, Set.of());
        assertThat(plainHttp).anyMatch(l -> l.code() == CheckCode.UNSUBSCRIBE_SERVER_NOT_HTTPS);
        List<CheckLine> notAUrl = CampaignChecks.check(doc(CAMPAIGN.replace("https://news.acme.example/", "news.acme.example")), null, Set.of());
        assertThat(notAUrl).anyMatch(l -> l.code() == CheckCode.UNSUBSCRIBE_SERVER_INVALID && l.message().contains("unsubscribe.server"));
    }

    @Test
    void withoutTheServersKeyComposeSaysHowToGetIt() {
        assertThatThrownBy(() -> CampaignComposer.prepare(doc(CAMPAIGN), new byte[32], null, null))
                .isInstanceOf(ComposeException.class).hasMessageContaining("--save-key").hasMessageContaining("https://news.acme.example");
    }
}
