package org.broadside.server;

import org.broadside.unsubscribe.RecipientToken;
import org.broadside.unsubscribe.RecipientTokens;
import org.broadside.unsubscribe.ServerEventLog;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import java.util.Base64;
import java.util.Optional;

/**
 * Opt-in tracking: {@code GET /o/TOKEN} records an open and answers a transparent 1x1 GIF; {@code GET /c/LINK}
 * records a click and redirects (302) to the URL sealed in the link token, and nowhere else: a token this server did
 * not seal is a plain 404, so there is no open redirect. HEAD answers the same without recording (link checkers).
 */
final class TrackingRoutes {
    private static final byte[] PIXEL = Base64.getDecoder().decode("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7");

    private final RecipientTokens tokens;
    private final ServerEventLog log;

    TrackingRoutes(RecipientTokens tokens, ServerEventLog log) {
        this.tokens = tokens;
        this.log = log;
    }

    boolean handle(Request req, Response res, Callback cb, String path, String method) {
        if (!method.equals("GET") && !method.equals("HEAD")) return PublicRoutes.notAllowed(res, cb, "GET, HEAD");
        String token = path.substring(3);
        boolean record = method.equals("GET");
        if (path.startsWith("/o/")) {
            Optional<RecipientToken> who = tokens.open(token);
            if (who.isEmpty()) return Answer.refuse(res, cb, 404, "Not found.");
            if (!record) return Answer.send(res, cb, 200, "image/gif", PIXEL);
            return PublicRoutes.whenRecorded(log.track(who.get(), null, null), res, cb, ev -> Answer.send(res, cb, 200, "image/gif", PIXEL));
        }
        Optional<RecipientTokens.TrackedLink> link = tokens.openLink(token);
        if (link.isEmpty()) return Answer.refuse(res, cb, 404, "Not found.");
        RecipientTokens.TrackedLink l = link.get();
        if (!record) return redirect(res, cb, l.url());
        return PublicRoutes.whenRecorded(log.track(l.who(), l.index(), l.url()), res, cb, ev -> redirect(res, cb, l.url()));
    }

    private static boolean redirect(Response res, Callback cb, String url) {
        res.getHeaders().put(HttpHeader.LOCATION, url);
        return Answer.send(res, cb, 302, Answer.TEXT, "Moved.\n");
    }
}
