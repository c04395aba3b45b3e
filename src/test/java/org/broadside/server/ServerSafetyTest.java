package org.broadside.server;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Refusals on the open internet: unknown routes, wrong methods, big bodies and headers, garbage, slow clients, floods. */
class ServerSafetyTest {
    private static ServerFixture f;

    @BeforeAll
    static void start() throws Exception {
        f = new ServerFixture(ServerOptions.loopback().withRate(0), true);
    }

    @AfterAll
    static void stop() throws Exception {
        f.close();
    }

    @Test
    void unknownPathsAre404() throws Exception {
        for (String p : List.of("/", "/admin", "/u/", "/u/x/y/z", "/u/" + f.token(ServerFixture.JO) + "/delete", "/api/v1/other", "/../etc/passwd", "/%00")) {
            HttpResponse<String> r = f.get(p);
            assertThat(r.statusCode()).as(p).isIn(400, 404);
            assertThat(r.body()).doesNotContainIgnoringCase("jetty").doesNotContain("Exception");
        }
    }

    @Test
    void wrongMethodsAre405WithAllow() throws Exception {
        String t = f.token(ServerFixture.JO);
        for (String[] mp : new String[][]{{"PUT", "/u/" + t}, {"DELETE", "/u/" + t}, {"GET", "/u/" + t + "/confirm"}, {"GET", "/u/" + t + "/undo"},
                {"POST", "/api/v1/events"}, {"GET", "/api/v1/ack"}, {"POST", "/health"}}) {
            HttpResponse<String> r = f.http.send(HttpRequest.newBuilder(f.url(mp[1])).method(mp[0], HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(mp[0] + " " + mp[1]).isEqualTo(405);
            assertThat(r.headers().firstValue("Allow")).isPresent();
        }
        assertThat(f.blacklisted(ServerFixture.JO)).isFalse();
    }

    @Test
    void aHugeBodyIs413AndRecordsNothing() throws Exception {
        // The declared length is refused before the body is read. Only the start of the body is written: a client
        // still writing 100 KB when the server answers and closes may get a reset instead of the answer (the
        // JDK's client did, now and then), which says nothing about the server.
        String body = "List-Unsubscribe=One-Click&pad=" + "x".repeat(100);
        String answer = raw("POST /u/" + f.token(ServerFixture.JO) + " HTTP/1.1\r\nHost: x\r\n"
                + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 100031\r\nConnection: close\r\n\r\n" + body);
        assertThat(answer).startsWith("HTTP/1.1 413");
        assertThat(f.blacklisted(ServerFixture.JO)).isFalse();
    }

    @Test
    void aHugeBodyWithoutLengthIsCutOffToo() throws Exception {
        String answer = raw("POST /u/" + f.token(ServerFixture.JO) + " HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n" + "4000\r\n" + "x".repeat(0x4000) + "\r\n0\r\n\r\n");
        assertThat(answer).startsWith("HTTP/1.1 413");
    }

    @Test
    void hugeHeadersAreRefusedWithoutNamingTheServer() throws Exception {
        String answer = raw("GET /health HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(20_000) + "\r\nConnection: close\r\n\r\n");
        assertThat(answer).startsWith("HTTP/1.1 431").doesNotContainIgnoringCase("jetty");
    }

    @Test
    void garbageGetsAShortErrorAndTheServerStaysUp() throws Exception {
        String answer = raw("\u0001\u0002GARBAGE ~~~ \r\n\r\n");
        assertThat(answer).startsWith("HTTP/1.1 400").doesNotContainIgnoringCase("jetty").doesNotContain("at org.");
        assertThat(f.get("/health").statusCode()).isEqualTo(200);
    }

    @Test
    void aSlowClientDoesNotHoldUpOthers() throws Exception {
        try (Socket slow = new Socket("127.0.0.1", f.server.port())) {
            slow.getOutputStream().write("GET /health HTTP/1.1\r\nHost: x\r\nX-Slow: ".getBytes(StandardCharsets.US_ASCII));
            slow.getOutputStream().flush();
            for (int i = 0; i < 5; i++) assertThat(f.get("/health").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void everyAnswerCarriesTheSecurityHeadersAndNoVersion() throws Exception {
        for (HttpResponse<String> r : List.of(f.get("/u/" + f.token(ServerFixture.JO)), f.get("/nothing"), f.get("/health"))) {
            assertThat(r.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("default-src 'none'").contains("frame-ancestors 'none'")
                    .contains("form-action 'self'");
            assertThat(r.headers().firstValue("X-Frame-Options")).contains("DENY");
            assertThat(r.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
            assertThat(r.headers().firstValue("Referrer-Policy")).contains("no-referrer");
            assertThat(r.headers().firstValue("Server")).isEmpty();
            assertThat(r.headers().firstValue("X-Powered-By")).isEmpty();
        }
    }

    @Test
    void theRateLimitPerClientAnswers429() throws Exception {
        try (ServerFixture limited = new ServerFixture(ServerOptions.loopback().withRate(5), false)) {
            for (int i = 0; i < 5; i++) assertThat(limited.get("/health").statusCode()).isEqualTo(200);
            HttpResponse<String> r = limited.get("/health");
            assertThat(r.statusCode()).isEqualTo(429);
            assertThat(r.headers().firstValue("Retry-After")).isPresent();
        }
    }

    @Test
    void thePageWearsTheSendersNameAndColours() throws Exception {
        try (ServerFixture styled = new ServerFixture(ServerOptions.loopback().withStyle(new PageStyle("Acme Weekly", "#c0392b", "#fafafa")), false)) {
            String body = styled.get("/u/" + styled.token(ServerFixture.JO)).body();
            assertThat(body).contains("Stop receiving Acme Weekly at j***@example.com?").contains("#c0392b").contains("#fafafa");
        }
    }

    @Test
    void aColourThatIsNotOneIsRefused() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new PageStyle("x", "red;}body{display:none", "#fff"))
                .isInstanceOf(PageStyle.InvalidPageStyleException.class).hasMessageContaining("\"color\"");
    }

    private static String raw(String request) throws Exception {
        try (Socket s = new Socket("127.0.0.1", f.server.port())) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = s.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        } catch (java.net.SocketException e) {
            return "closed: " + e.getMessage();
        }
    }
}
