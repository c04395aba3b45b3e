package org.broadside.compose;

import jakarta.mail.BodyPart;
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
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The engine's compose (literal text encoded once per campaign, issue 17) against the straightforward path that
 * merges whole strings and encodes them per recipient (Preview's): same headers, same decoded parts, for many
 * random recipients.
 */
class PartWritersTest {
    private static final String[] VALUES = {"Ann", "Zoë", "日本語", "😀 emoji", "a=b", "trailing  ", "\ttab", ".dot", "From me",
            "x".repeat(120), "long " + "word".repeat(60), "Ann & <Co>", "", "   ", "O'Brien \"Q\"", "end=", "=3D", "F", "Fro"};

    private static String campaign(String bodies) {
        return "{\"id\":\"c1\",\"from\":\"News <news@acme.example>\",\"subject\":\"Hi [First Name|there]\","
                + "\"unsubscribe\":{\"url\":\"https://acme.example/u/[Token]\"}," + bodies + "}";
    }

    private static String json(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t") + "\"";
    }

    @Test
    void composedMessagesSayWhatTheWholePartEncodingSaysForRandomRecipients() throws Exception {
        StringBuilder html = new StringBuilder("<html><body><p>Dear [First Name] [Last Name],</p>");
        StringBuilder text = new StringBuilder("Dear [First Name] [Last Name],\n\n");
        for (int i = 0; i < 12; i++) {
            html.append("<p class=\"p\">Paragraph ").append(i).append(": lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod.  </p>");
            text.append("Paragraph ").append(i).append(": lorem = ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt.  \n");
            if (i % 4 == 0) {
                html.append("[City] ");
                text.append(".[City] and a long line after the value ").append("z".repeat(160)).append("\nFrom here on  \n");
            }
        }
        html.append("<IF [[Plan]] = \"gold\"><p>").append("Thanks for being gold! ".repeat(5)).append("</p><ELSE><p>Upgrade</p></IF>");
        html.append("<p><a href=\"[Unsubscribe]\">Unsubscribe</a></p></body></html>");
        text.append("<IF [[Plan]] = \"gold\">").append("Gold line ".repeat(12)).append("\n<ELSE>Upgrade\n</IF>Bye [First Name]");
        CampaignComposer given = composer(campaign("\"html\":" + json(html.toString()) + ",\"text\":" + json(text.toString())));
        CampaignComposer generated = composer(campaign("\"html\":" + json(html.toString())));
        CampaignComposer textOnly = composer(campaign("\"text\":" + json(text.toString())));
        Random r = new Random(4);
        for (CampaignComposer c : List.of(given, generated, textOnly)) {
            assertThat(c.encodesLiteralsOnce()).isTrue();
            for (int n = 1; n <= 300; n++) {
                Map<String, String> fields = new LinkedHashMap<>();
                fields.put("First Name", value(r));
                fields.put("Last Name", value(r) + value(r));
                fields.put("City", value(r));
                fields.put("Plan", r.nextBoolean() ? "gold" : "basic");
                StringBuilder j = new StringBuilder("{");
                for (Map.Entry<String, String> e : fields.entrySet()) {
                    if (j.length() > 1) j.append(',');
                    j.append(json(e.getKey())).append(':').append(json(e.getValue()));
                }
                String email = "user" + n + "@example.com";
                ComposedMessage composed = c.compose(new RecipientRow(n, n, email, j.append('}').toString(), RecipientState.PENDING, 0, null, 0,
                        null, null, null, null, null, 0, null));
                Preview preview = c.preview(n, email, fields);
                assertThat(composed.skipReason()).isEqualTo(preview.skipReason());
                if (preview.skipReason() != null) continue;
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                composed.message().body().writeTo(out);
                assertSameMessage(out.toByteArray(), preview.raw(), "recipient " + n + " " + fields);
            }
        }
    }

    private static String value(Random r) {
        return VALUES[r.nextInt(VALUES.length)];
    }

    private static CampaignComposer composer(String json) throws Exception {
        Clock clock = Clock.fixed(Instant.parse("2026-12-06T04:00:00Z"), ZoneOffset.UTC);
        return CampaignComposer.prepare(new CampaignDocument(CampaignFiles.parse(json, "c.json"), Path.of("c.json").toAbsolutePath()),
                new byte[32], clock);
    }

    private static void assertSameMessage(byte[] fast, byte[] whole, String context) throws Exception {
        String fastText = new String(fast, StandardCharsets.US_ASCII);
        String wholeText = new String(whole, StandardCharsets.US_ASCII);
        assertThat(fastText.substring(0, fastText.indexOf("\r\n\r\n"))).as(context).isEqualTo(wholeText.substring(0, wholeText.indexOf("\r\n\r\n")));
        for (String line : fastText.substring(fastText.indexOf("\r\n\r\n")).split("\r\n", -1)) {
            assertThat(line.length()).as(context).isLessThanOrEqualTo(76);
            assertThat(line.startsWith(".")).as(context).isFalse();
        }
        Session session = Session.getInstance(new Properties());
        MimeMessage a = new MimeMessage(session, new ByteArrayInputStream(fast));
        MimeMessage b = new MimeMessage(session, new ByteArrayInputStream(whole));
        assertThat(a.getContentType()).isEqualTo(b.getContentType());
        Object ca = a.getContent();
        Object cb = b.getContent();
        if (ca instanceof Multipart ma) {
            Multipart mb = (Multipart) cb;
            assertThat(ma.getCount()).isEqualTo(mb.getCount());
            for (int i = 0; i < ma.getCount(); i++) {
                BodyPart pa = ma.getBodyPart(i);
                BodyPart pb = mb.getBodyPart(i);
                assertThat(pa.getContentType()).as(context).isEqualTo(pb.getContentType());
                assertThat(pa.getContent()).as(context).isEqualTo(pb.getContent());
            }
        } else {
            assertThat(ca).as(context).isEqualTo(cb);
        }
    }
}
