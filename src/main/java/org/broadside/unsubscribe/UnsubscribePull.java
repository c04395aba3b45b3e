package org.broadside.unsubscribe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.broadside.bounces.WebUnsubscribe;
import org.broadside.bounces.WebUnsubscribes;
import org.broadside.store.Database;

import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The desktop's side of the pull protocol (ADR 0020): fetches the server's unacknowledged events in pages, applies
 * the unsubscribes and undos by the bounce rules (each under its own message key, so an event applied before is not
 * applied again), and only then acknowledges them. A pull that fails half way has applied what it acknowledged and
 * perhaps more; the next pull sends the rest again and applying them again changes nothing.
 * TLS is verified against the system's trust store unless the caller passes its own {@link SSLContext}.
 */
public final class UnsubscribePull {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int PAGE = 500;

    private final Database db;
    private final HttpClient http;

    public UnsubscribePull(Database db, SSLContext tls) {
        this.db = db;
        HttpClient.Builder b = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).followRedirects(HttpClient.Redirect.NEVER);
        if (tls != null) b.sslContext(tls);
        this.http = b.build();
    }

    /**
     * Asks the server for one event and discards it: whether it can be reached, its certificate is trusted and it
     * takes the key. Applies and acknowledges nothing (a GET changes nothing on the server), so a desktop can test a
     * server before saving its key.
     */
    public void check(String serverUrl, ServerSecret secret) throws PullException {
        JsonNode page = get(UnsubscribeServerRepository.normalize(serverUrl) + "/api/v1/events?after=0&limit=1", secret);
        if (page.get("events") == null || !page.get("events").isArray())
            throw new PullException("The address " + UnsubscribeServerRepository.normalize(serverUrl) + " answered, but not as a Broadside server: check the address.", null);
    }

    public PullResult pull(String serverUrl, ServerSecret secret) throws PullException {
        String base = UnsubscribeServerRepository.normalize(serverUrl);
        PullResult total = new PullResult(0, 0, 0, 0);
        long after = 0;
        while (true) {
            JsonNode page = get(base + "/api/v1/events?after=" + after + "&limit=" + PAGE, secret);
            JsonNode events = page.get("events");
            if (events == null || !events.isArray()) throw new PullException("The server at " + base + " answered without an event list.", null);
            if (events.isEmpty()) return total;
            List<WebUnsubscribe> unsubscribes = new ArrayList<>();
            List<ServerEvent> tracked = new ArrayList<>();
            List<String> uids = new ArrayList<>();
            for (JsonNode e : events) {
                String uid = e.path("uid").asText();
                String kind = e.path("kind").asText();
                uids.add(uid);
                after = Math.max(after, e.path("id").asLong());
                if (kind.equals(ServerEventKind.UNSUBSCRIBE.name()) || kind.equals(ServerEventKind.UNDO.name())) {
                    unsubscribes.add(new WebUnsubscribe(uid, kind.equals(ServerEventKind.UNDO.name()), e.hasNonNull("refersTo") ? e.get("refersTo").asText() : null,
                            e.path("source").asText("one-click"), e.path("campaign").asText(), e.path("email").asText(), instant(e.path("at").asText())));
                } else if (kind.equals(ServerEventKind.OPEN.name()) || kind.equals(ServerEventKind.CLICK.name())) {
                    tracked.add(new ServerEvent(e.path("id").asLong(), uid, ServerEventKind.valueOf(kind), e.path("source").asText(), e.path("campaign").asText(),
                            e.path("email").asText(), null, e.hasNonNull("link") ? e.get("link").asInt() : null,
                            e.hasNonNull("url") ? e.get("url").asText() : null, instant(e.path("at").asText())));
                }
            }
            WebUnsubscribes.Applied applied = unsubscribes.isEmpty() ? new WebUnsubscribes.Applied(0, 0, false) : WebUnsubscribes.apply(db, unsubscribes);
            if (!tracked.isEmpty()) new TrackingRepository(db).recordAll(tracked);
            int acked = acknowledge(base, secret, uids);
            total = total.plus(new PullResult(events.size(), applied.recorded(), applied.undone(), acked));
        }
    }

    private static Instant instant(String s) {
        try {
            return Instant.parse(s);
        } catch (RuntimeException e) {
            return Instant.now();
        }
    }

    private JsonNode get(String url, ServerSecret secret) throws PullException {
        HttpRequest req = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + secret.pullKey()).GET().build();
        return send(req, url);
    }

    private int acknowledge(String base, ServerSecret secret, List<String> uids) throws PullException {
        ObjectNode body = JSON.createObjectNode();
        var arr = body.putArray("uids");
        uids.forEach(arr::add);
        String url = base + "/api/v1/ack";
        HttpRequest req = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + secret.pullKey()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
        return send(req, url).path("acknowledged").asInt();
    }

    private JsonNode send(HttpRequest req, String url) throws PullException {
        HttpResponse<String> res;
        try {
            res = http.send(req, HttpResponse.BodyHandlers.ofString());
        } catch (javax.net.ssl.SSLHandshakeException e) {
            throw new PullException("Cannot reach " + origin(url) + " safely: its certificate is not trusted here. For a server with a self-signed "
                    + "certificate, give its certificate file.", e);
        } catch (java.net.ConnectException | java.net.http.HttpConnectTimeoutException e) {
            throw new PullException("Cannot reach " + origin(url) + ": nothing answers there. Check the address and that the server is running.", e);
        } catch (IOException e) {
            throw new PullException("Cannot reach " + origin(url) + ": " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PullException("The pull was interrupted.", e);
        }
        if (res.statusCode() == 401) throw new PullException("The server at " + origin(url) + " refused the key: use the key \"broadside serve --init\" showed on that server.", null);
        if (res.statusCode() == 404) throw new PullException("The address " + origin(url) + " answered, but not as a Broadside server: check the address.", null);
        if (res.statusCode() != 200) throw new PullException("The server at " + origin(url) + " answered " + res.statusCode() + ": " + firstLine(res.body()), null);
        try {
            return JSON.readTree(res.body());
        } catch (IOException e) {
            throw new PullException("The address " + origin(url) + " answered, but not as a Broadside server: check the address.", e);
        }
    }

    /** Scheme, host and port: what a person recognises (the API path would only confuse). */
    private static String origin(String url) {
        URI u = URI.create(url);
        return u.getScheme() + "://" + u.getRawAuthority();
    }

    private static String firstLine(String body) {
        String b = body == null ? "" : body.strip();
        int nl = b.indexOf('\n');
        b = nl < 0 ? b : b.substring(0, nl);
        return b.length() > 200 ? b.substring(0, 200) + "…" : b;
    }
}
