package org.broadside.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.broadside.unsubscribe.ServerEvent;
import org.broadside.unsubscribe.ServerEventLog;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;

/**
 * The pull API (ADR 0020), for a desktop that does not share the server's store:
 * {@code GET /api/v1/events?after=ID&limit=N} answers the events no desktop acknowledged yet, oldest first;
 * {@code POST /api/v1/ack} with {@code {"uids": [...]}} acknowledges the ones applied. Both need
 * {@code Authorization: Bearer <pull key>}; the key is compared in constant time and a wrong one gets a 401.
 */
final class PullApi {
    static final int MAX_ACK_BODY = 256 * 1024;
    static final int MAX_LIMIT = 1000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ServerEventLog log;
    private final byte[] expected;

    PullApi(ServerEventLog log, String pullKey) {
        this.log = log;
        this.expected = ("Bearer " + pullKey).getBytes(StandardCharsets.US_ASCII);
    }

    boolean handle(Request req, Response res, Callback cb, String route, String method) throws Exception {
        if (!route.equals("events") && !route.equals("ack")) return Answer.refuse(res, cb, 404, "Not found.");
        if (route.equals("events") && !method.equals("GET")) return PublicRoutes.notAllowed(res, cb, "GET");
        if (route.equals("ack") && !method.equals("POST")) return PublicRoutes.notAllowed(res, cb, "POST");
        String auth = req.getHeaders().get(HttpHeader.AUTHORIZATION);
        if (auth == null || !MessageDigest.isEqual(expected, auth.getBytes(StandardCharsets.US_ASCII))) {
            res.getHeaders().put(HttpHeader.WWW_AUTHENTICATE, "Bearer");
            return Answer.refuse(res, cb, 401, "A valid pull key is needed.");
        }
        return route.equals("events") ? events(req, res, cb) : ack(req, res, cb);
    }

    private boolean events(Request req, Response res, Callback cb) {
        Fields q = Request.extractQueryParameters(req);
        long after;
        int limit;
        try {
            after = Long.parseLong(q.getValue("after") == null ? "0" : q.getValue("after"));
            limit = Integer.parseInt(q.getValue("limit") == null ? "500" : q.getValue("limit"));
        } catch (NumberFormatException e) {
            return Answer.refuse(res, cb, 400, "after and limit must be whole numbers.");
        }
        if (after < 0 || limit < 1 || limit > MAX_LIMIT) return Answer.refuse(res, cb, 400, "after must be 0 or more and limit 1 to " + MAX_LIMIT + ".");
        ObjectNode root = JSON.createObjectNode();
        ArrayNode list = root.putArray("events");
        for (ServerEvent e : log.unacknowledged(after, limit)) {
            ObjectNode n = list.addObject();
            n.put("id", e.id());
            n.put("uid", e.uid());
            n.put("kind", e.kind().name());
            n.put("source", e.source());
            n.put("campaign", e.campaignUid());
            n.put("email", e.email());
            if (e.refersTo() != null) n.put("refersTo", e.refersTo());
            if (e.link() != null) n.put("link", e.link());
            if (e.url() != null) n.put("url", e.url());
            n.put("at", e.at().toString());
        }
        return Answer.send(res, cb, 200, Answer.JSON, root.toString());
    }

    private boolean ack(Request req, Response res, Callback cb) throws Exception {
        String body = RequestBodies.read(req, MAX_ACK_BODY);
        List<String> uids = new ArrayList<>();
        try {
            JsonNode n = JSON.readTree(body);
            JsonNode arr = n == null ? null : n.get("uids");
            if (arr == null || !arr.isArray()) return Answer.refuse(res, cb, 400, "The body must be {\"uids\": [...]}.");
            for (JsonNode u : arr) uids.add(u.asText());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return Answer.refuse(res, cb, 400, "The body is not JSON.");
        }
        int n = log.acknowledge(uids);
        return Answer.send(res, cb, 200, Answer.JSON, "{\"acknowledged\":" + n + "}");
    }
}
