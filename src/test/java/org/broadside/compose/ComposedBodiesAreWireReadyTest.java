package org.broadside.compose;

import org.broadside.campaign.CampaignDocument;
import org.broadside.campaign.CampaignFiles;
import org.broadside.contacts.FieldsJson;
import org.broadside.deliverability.dkim.DkimKeyType;
import org.broadside.deliverability.dkim.DkimKeys;
import org.broadside.deliverability.dkim.DkimSigner;
import org.broadside.delivery.ComposedMessage;
import org.broadside.delivery.RecipientRow;
import org.broadside.delivery.RecipientState;
import org.broadside.testing.TempDirs;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The composer declares its bodies wire-ready, so the SMTP client sends them without dot-stuffing. That is only safe if
 * no field value, however hostile, can put a bare CR or LF or a line starting with "." into the bytes: such a line
 * would end the DATA early and turn the rest into commands (SMTP smuggling). Checked here on thousands of random
 * values built from exactly those pieces, for text, HTML, both, and DKIM-signed messages.
 */
class ComposedBodiesAreWireReadyTest {
    private static final List<String> PIECES = List.of(".", "..", "\r", "\n", "\r\n", "\r\n.\r\n", "\n.\n", "\r.\r", " ", "\t",
            "=", "From ", "x", "é", "日本", "😀", "<b>", "&amp;", "=2E", "\u0000", "\u2028");

    private static CampaignComposer composer(String body) throws Exception {
        String json = """
                {"id": "wire", "from": "News <news@acme.example>", "subject": "Hi [Name]", BODY,
                 "unsubscribe": {"url": "https://acme.example/u/[Token]"}}
                """.replace("BODY", body);
        return CampaignComposer.prepare(new CampaignDocument(CampaignFiles.parse(json, "c.json"), Path.of("c.json").toAbsolutePath()), new byte[32], null);
    }

    @Test
    void hostileFieldValuesNeverBreakTheDataFraming() throws Exception {
        Path keyFile = TempDirs.create("wire-dkim").resolve("k.pem");
        DkimSigner signer = new DkimSigner(DkimKeys.generate("acme.example", "s1", DkimKeyType.ED25519, keyFile).key());
        List<CampaignComposer> composers = List.of(
                composer("\"text\": \"[Note]\\n.[Note]\\nbye [Name]\""),
                composer("\"html\": \"<p>[Note]</p>\\n.<p>[Name]</p>\""),
                composer("\"text\": \".[Note]\", \"html\": \"<pre>[Note]</pre>\""),
                composer("\"html\": \"<p>[Note]</p>\"").withSigner(signer));
        Random random = new Random(20261122);
        int checked = 0;
        for (int i = 0; i < 3000; i++) {
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("Name", "Ann");
            fields.put("Note", hostile(random));
            RecipientRow row = new RecipientRow(i + 1, i + 1, "r" + i + "@example.com", FieldsJson.write(fields),
                    RecipientState.PENDING, 0, null, 0, null, null, null, null, null, 0, null);
            for (CampaignComposer c : composers) {
                ComposedMessage m = c.compose(row);
                if (m.message() == null) continue;
                assertThat(m.message().body().wireReady()).isTrue();
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                m.message().body().writeTo(out);
                assertWireReady(out.toByteArray(), fields.get("Note"));
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(10_000);
    }

    private static String hostile(Random random) {
        StringBuilder sb = new StringBuilder();
        int n = 1 + random.nextInt(12);
        for (int k = 0; k < n; k++) sb.append(PIECES.get(random.nextInt(PIECES.size())));
        if (random.nextInt(10) == 0) sb.append("y".repeat(1200)); // longer than a line may be
        return sb.toString();
    }

    private static void assertWireReady(byte[] b, String value) {
        String why = "value " + value.replace("\r", "\\r").replace("\n", "\\n");
        assertThat(b.length).as(why).isGreaterThan(2);
        assertThat(b[b.length - 2] == '\r' && b[b.length - 1] == '\n').as("ends with CRLF, " + why).isTrue();
        int lineStart = 0;
        for (int i = 0; i < b.length; i++) {
            if (b[i] == '\r') assertThat(i + 1 < b.length && b[i + 1] == '\n').as("CR without LF at " + i + ", " + why).isTrue();
            if (b[i] == '\n') {
                assertThat(i > 0 && b[i - 1] == '\r').as("LF without CR at " + i + ", " + why).isTrue();
                assertThat(i + 1 - lineStart).as("line length at " + i + ", " + why).isLessThanOrEqualTo(1000);
                lineStart = i + 1;
                continue;
            }
            if (i == lineStart) assertThat(b[i]).as("a line starts with '.' at " + i + ", " + why).isNotEqualTo((byte) '.');
        }
    }
}
