package org.broadside.server;

import org.broadside.bounces.BounceEvent;
import org.broadside.bounces.BounceKind;
import org.broadside.unsubscribe.ServerEventKind;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The unsubscribe routes over real HTTP on loopback, on a store that knows the campaign (a shared store). */
class UnsubscribeRoutesTest {
    private static ServerFixture f;

    @BeforeAll
    static void start() throws Exception {
        f = new ServerFixture(ServerOptions.loopback().withRate(0), true);
    }

    @AfterAll
    static void stop() throws Exception {
        f.close();
    }

    /** Each test uses its own recipient, so the tests do not see each other's events. */
    private static String fresh(String local) {
        String email = local + "@example.com";
        ServerFixture.addCampaign(f.db, ServerFixture.CAMPAIGN, "Acme News", java.util.List.of(email));
        return email;
    }

    @BeforeEach
    void nothing() {}

    @Test
    void oneClickPostAsGmailSendsItUnsubscribesAtOnceWith200AndNoRedirectOrCookie() throws Exception {
        String email = fresh("gmail-user");
        HttpResponse<String> r = f.oneClick(f.token(email));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Location")).isEmpty();
        assertThat(r.headers().firstValue("Set-Cookie")).isEmpty();
        assertThat(f.blacklisted(email)).isTrue();
        BounceEvent e = f.bounceEvents().stream().filter(b -> email.equals(b.email())).findFirst().orElseThrow();
        assertThat(e.kind()).isEqualTo(BounceKind.UNSUBSCRIBE);
        assertThat(e.mailbox()).isEqualTo("one-click");
        assertThat(e.recipientId()).isNotNull();
    }

    @Test
    void oneClickAsMultipartFormDataIsAcceptedToo() throws Exception {
        String email = fresh("multipart");
        String body = "--b1\r\nContent-Disposition: form-data; name=\"List-Unsubscribe\"\r\n\r\nOne-Click\r\n--b1--\r\n";
        HttpResponse<String> r = f.post("/u/" + f.token(email), "multipart/form-data; boundary=b1", body);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(f.blacklisted(email)).isTrue();
    }

    @Test
    void aRepeatedOneClickRecordsOneEvent() throws Exception {
        String email = fresh("twice");
        long before = f.server.events().count(ServerEventKind.UNSUBSCRIBE);
        assertThat(f.oneClick(f.token(email)).statusCode()).isEqualTo(200);
        assertThat(f.oneClick(f.token(email)).statusCode()).isEqualTo(200);
        assertThat(f.server.events().count(ServerEventKind.UNSUBSCRIBE)).isEqualTo(before + 1);
        assertThat(f.bounceEvents().stream().filter(b -> email.equals(b.email())).count()).isEqualTo(1);
    }

    @Test
    void aPostWithoutTheOneClickBodyIsRefusedAndChangesNothing() throws Exception {
        String email = fresh("no-body");
        HttpResponse<String> r = f.post("/u/" + f.token(email), "application/x-www-form-urlencoded", "List-Unsubscribe=Maybe");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(f.blacklisted(email)).isFalse();
    }

    @Test
    void getAndHeadOfTheLandingPageChangeNothing() throws Exception {
        String email = fresh("scanner");
        long before = f.server.events().count(ServerEventKind.UNSUBSCRIBE);
        HttpResponse<String> page = f.get("/u/" + f.token(email));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Stop receiving Acme News at s***@example.com?").contains("<form method=\"post\"")
                .doesNotContain(email);
        var head = f.http.send(java.net.http.HttpRequest.newBuilder(f.url("/u/" + f.token(email))).method("HEAD",
                java.net.http.HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(f.server.events().count(ServerEventKind.UNSUBSCRIBE)).isEqualTo(before);
        assertThat(f.blacklisted(email)).isFalse();
    }

    @Test
    void theButtonUnsubscribesAndTheConfirmationUndoes() throws Exception {
        String email = fresh("person");
        String token = f.token(email);
        String csrf = csrfOf(f.get("/u/" + token).body());
        HttpResponse<String> done = f.post("/u/" + token + "/confirm", "application/x-www-form-urlencoded", "csrf=" + csrf);
        assertThat(done.statusCode()).isEqualTo(200);
        assertThat(done.body()).contains("You are unsubscribed").contains("/u/" + token + "/undo");
        assertThat(f.blacklisted(email)).isTrue();
        BounceEvent e = f.bounceEvents().stream().filter(b -> email.equals(b.email())).findFirst().orElseThrow();
        assertThat(e.mailbox()).isEqualTo("unsubscribe page");

        HttpResponse<String> undone = f.post("/u/" + token + "/undo", "application/x-www-form-urlencoded", "csrf=" + csrfOf(done.body()));
        assertThat(undone.statusCode()).isEqualTo(200);
        assertThat(undone.body()).contains("You are still subscribed");
        assertThat(f.blacklisted(email)).isFalse();
        assertThat(f.bounceEvents().stream().filter(b -> email.equals(b.email())).findFirst().orElseThrow().undone()).isTrue();
        // The page now asks again, and the person can unsubscribe after all.
        assertThat(f.get("/u/" + token).body()).contains("Stop receiving");
    }

    @Test
    void aFormPostWithoutItsFieldOrFromAnotherSiteIsRefused() throws Exception {
        String email = fresh("csrf");
        String token = f.token(email);
        String csrf = csrfOf(f.get("/u/" + token).body());
        assertThat(f.post("/u/" + token + "/confirm", "application/x-www-form-urlencoded", "").statusCode()).isEqualTo(403);
        assertThat(f.post("/u/" + token + "/confirm", "application/x-www-form-urlencoded", "csrf=" + csrf.substring(1) + "A").statusCode()).isEqualTo(403);
        assertThat(f.post("/u/" + token + "/confirm", "application/x-www-form-urlencoded", "csrf=" + csrf, "Sec-Fetch-Site", "cross-site").statusCode()).isEqualTo(403);
        assertThat(f.post("/u/" + token + "/confirm", "application/x-www-form-urlencoded", "csrf=" + csrf, "Origin", "https://evil.example").statusCode()).isEqualTo(403);
        // Another recipient's field does not fit this token.
        String other = csrfOf(f.get("/u/" + f.token(fresh("csrf-other"))).body());
        assertThat(f.post("/u/" + token + "/confirm", "application/x-www-form-urlencoded", "csrf=" + other).statusCode()).isEqualTo(403);
        assertThat(f.blacklisted(email)).isFalse();
    }

    @Test
    void aForgedOrAlteredTokenGetsAPlain404AndRecordsNothing() throws Exception {
        String email = fresh("forged");
        String real = f.token(email);
        char last = real.charAt(real.length() - 5);
        String altered = real.substring(0, real.length() - 5) + (last == 'A' ? 'B' : 'A') + real.substring(real.length() - 4);
        long before = f.server.events().count(ServerEventKind.UNSUBSCRIBE);
        for (String t : new String[]{altered, "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "not-a-token", real.substring(0, 30),
                new org.broadside.unsubscribe.RecipientTokens(org.broadside.unsubscribe.ServerSecret.generate())
                        .seal(new org.broadside.unsubscribe.RecipientToken(ServerFixture.CAMPAIGN, email, null))}) {
            HttpResponse<String> get = f.get("/u/" + t);
            assertThat(get.statusCode()).isEqualTo(404);
            assertThat(get.body()).contains("This link is not valid").doesNotContain("Exception");
            assertThat(f.oneClick(t).statusCode()).isEqualTo(404);
        }
        assertThat(f.server.events().count(ServerEventKind.UNSUBSCRIBE)).isEqualTo(before);
        assertThat(f.blacklisted(email)).isFalse();
    }

    @Test
    void thePageSpeaksTheTokensLanguageElseTheBrowsers() throws Exception {
        String email = fresh("polyglot");
        assertThat(f.get("/u/" + f.token(email, "fr")).body()).contains("lang=\"fr\"").contains("Ne plus recevoir Acme News");
        assertThat(f.get("/u/" + f.token(email), "Accept-Language", "de-DE,de;q=0.9,en;q=0.5").body()).contains("lang=\"de\"").contains("nicht mehr an");
        assertThat(f.get("/u/" + f.token(email), "Accept-Language", "es").body()).contains("¿Dejar de recibir Acme News");
        assertThat(f.get("/u/" + f.token(email), "Accept-Language", "ja").body()).contains("lang=\"en\"");
        assertThat(f.get("/u/" + f.token(email, "es"), "Accept-Language", "de").body()).contains("lang=\"es\"");
    }

    static String csrfOf(String html) {
        Matcher m = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(html);
        assertThat(m.find()).as("the page has a csrf field").isTrue();
        return m.group(1);
    }
}
