package org.broadside.server;

import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.broadside.campaign.CampaignDocument;
import org.broadside.campaign.CampaignFiles;
import org.broadside.compose.CampaignComposer;
import org.broadside.delivery.ComposedMessage;
import org.broadside.delivery.RecipientRow;
import org.broadside.delivery.RecipientState;
import org.broadside.store.Database;
import org.broadside.testing.TempDirs;
import org.broadside.unsubscribe.TrackingRepository;
import org.broadside.unsubscribe.UnsubscribePull;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Opt-in tracking: a composed message's links and pixel go through the server, which redirects only to the campaign's own links. */
class TrackingTest {
    private static final String TRACKED = """
            {"id": "%s", "from": "News <news@acme.example>", "subject": "Hello",
             "html": "<html><body><p><a href=\\"https://shop.example/sale?a=1&amp;b=2\\">Sale</a> <a href='https://blog.example/'>Blog</a> <a href=\\"mailto:x@acme.example\\">Mail</a> <a href=\\"[Unsubscribe]\\">Leave</a></p></body></html>",
             "unsubscribe": {"server": "%s"}, "tracking": {"opens": true, "clicks": true}}""";

    private static String html(ServerFixture f, String json, String email) throws Exception {
        CampaignDocument doc = new CampaignDocument(CampaignFiles.parse(json, "c.json"), Path.of("c.json").toAbsolutePath());
        ComposedMessage m = CampaignComposer.prepare(doc, new byte[32], f.secret, null)
                .compose(new RecipientRow(1, 1, email, "{}", RecipientState.PENDING, 0, null, 0, null, null, null, null, null, 0, null));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        m.message().body().writeTo(out);
        MimeMessage mm = new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(out.toByteArray()));
        return ((Multipart) mm.getContent()).getBodyPart(1).getContent().toString();
    }

    private static List<String> hrefs(String html) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("(?:href|src)=[\"']([^\"']+)[\"']").matcher(html);
        while (m.find()) out.add(m.group(1));
        return out;
    }

    @Test
    void clicksRedirectToTheCampaignsOwnLinksAndOpensAreCounted() throws Exception {
        try (ServerFixture f = new ServerFixture(ServerOptions.loopback().withRate(0), true)) {
            String base = f.server.localUrl().toString();
            String html = html(f, TRACKED.formatted(ServerFixture.CAMPAIGN, base), ServerFixture.JO);
            List<String> links = hrefs(html);
            assertThat(links).hasSize(5);
            assertThat(links.get(0)).startsWith(base + "/c/");
            assertThat(links.get(1)).startsWith(base + "/c/");
            assertThat(links.get(2)).isEqualTo("mailto:x@acme.example");
            assertThat(links.get(3)).startsWith(base + "/u/");
            assertThat(links.get(4)).startsWith(base + "/o/");
            assertThat(html).doesNotContain("shop.example").doesNotContain("blog.example");

            HttpResponse<String> click = f.get(links.get(0).substring(base.length()));
            assertThat(click.statusCode()).isEqualTo(302);
            assertThat(click.headers().firstValue("Location")).contains("https://shop.example/sale?a=1&b=2");
            assertThat(f.get(links.get(1).substring(base.length())).headers().firstValue("Location")).contains("https://blog.example/");
            HttpResponse<String> pixel = f.get(links.get(4).substring(base.length()));
            assertThat(pixel.statusCode()).isEqualTo(200);
            assertThat(pixel.headers().firstValue("Content-Type")).contains("image/gif");

            TrackingRepository tracking = new TrackingRepository(f.db);
            assertThat(tracking.totals(ServerFixture.CAMPAIGN)).isEqualTo(new TrackingRepository.Totals(1, 1, 2, 1));
            assertThat(tracking.perLink(ServerFixture.CAMPAIGN)).extracting(TrackingRepository.LinkClicks::url)
                    .containsExactlyInAnyOrder("https://shop.example/sale?a=1&b=2", "https://blog.example/");
            assertThat(f.blacklisted(ServerFixture.JO)).as("tracking never unsubscribes").isFalse();
        }
    }

    @Test
    void noOpenRedirect() throws Exception {
        try (ServerFixture f = new ServerFixture(ServerOptions.loopback().withRate(0), true)) {
            String base = f.server.localUrl().toString();
            String click = hrefs(html(f, TRACKED.formatted(ServerFixture.CAMPAIGN, base), ServerFixture.JO)).get(0).substring(base.length());
            String altered = click.substring(0, click.length() - 3) + (click.charAt(click.length() - 3) == 'A' ? 'B' : 'A') + click.substring(click.length() - 2);
            for (String p : List.of(altered, "/c/https://evil.example", "/c/?url=https://evil.example", "/c/" + f.token(ServerFixture.JO),
                    click + "?url=https://evil.example/")) {
                HttpResponse<String> r = f.get(p);
                if (r.statusCode() == 302) assertThat(r.headers().firstValue("Location")).as(p).contains("https://shop.example/sale?a=1&b=2");
                else assertThat(r.statusCode()).as(p).isIn(400, 404);
                assertThat(r.headers().firstValue("Location").orElse("")).doesNotContain("evil");
            }
            // An unsubscribe token is not a link token, and a link token is not an unsubscribe token.
            assertThat(f.get("/u/" + click.substring(3)).statusCode()).isEqualTo(404);
        }
    }

    @Test
    void aDesktopWithoutTheSharedStoreGetsTheOpensAndClicksByPull() throws Exception {
        try (ServerFixture f = new ServerFixture(ServerOptions.loopback().withRate(0), false)) {
            String base = f.server.localUrl().toString();
            List<String> links = hrefs(html(f, TRACKED.formatted(ServerFixture.CAMPAIGN, base), ServerFixture.ANN));
            f.get(links.get(0).substring(base.length()));
            f.get(links.get(4).substring(base.length()));
            Database desktop = Database.open(TempDirs.create("desktop"));
            new UnsubscribePull(desktop, null).pull(base, f.secret);
            new UnsubscribePull(desktop, null).pull(base, f.secret);
            assertThat(new TrackingRepository(desktop).perRecipient(ServerFixture.CAMPAIGN))
                    .containsEntry(ServerFixture.ANN, new TrackingRepository.Counts(1, 1));
        }
    }

    @Test
    void withoutTrackingTheMessageHasNoPixelAndItsOwnLinks() throws Exception {
        try (ServerFixture f = new ServerFixture(ServerOptions.loopback(), false)) {
            String base = f.server.localUrl().toString();
            String html = html(f, TRACKED.formatted(ServerFixture.CAMPAIGN, base).replace(", \"tracking\": {\"opens\": true, \"clicks\": true}", ""), ServerFixture.JO);
            assertThat(html).contains("https://shop.example/sale").doesNotContain("/o/").doesNotContain("/c/");
        }
    }
}
