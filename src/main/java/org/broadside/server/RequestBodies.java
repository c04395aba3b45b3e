package org.broadside.server;

import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** Reads request bodies with a hard size limit, and the two form encodings a one-click POST may use. */
final class RequestBodies {
    private RequestBodies() {}

    /** A body longer than the route allows. */
    static final class TooLargeException extends IOException {
        TooLargeException() {
            super("request body too large");
        }
    }

    static String read(Request req, int limit) throws IOException {
        long declared = req.getLength();
        if (declared > limit) throw new TooLargeException();
        try (InputStream in = Content.Source.asInputStream(req)) {
            byte[] b = in.readNBytes(limit + 1);
            if (b.length > limit) throw new TooLargeException();
            return new String(b, StandardCharsets.UTF_8);
        }
    }

    /** application/x-www-form-urlencoded fields; a field given twice keeps its first value. */
    static Map<String, String> form(String body) {
        Map<String, String> out = new HashMap<>();
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) continue;
            int eq = pair.indexOf('=');
            try {
                String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                out.putIfAbsent(k, v);
            } catch (IllegalArgumentException e) {
                // A malformed %-escape: the field is ignored, so a one-click POST without the right field is refused.
            }
        }
        return out;
    }

    /**
     * True when the body is RFC 8058's {@code List-Unsubscribe=One-Click}, form-urlencoded or multipart/form-data
     * (the RFC allows both; Gmail sends the first).
     */
    static boolean isOneClick(String contentType, String body) {
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        if (type.startsWith("multipart/form-data")) {
            int name = body.indexOf("name=\"List-Unsubscribe\"");
            if (name < 0) return false;
            int start = body.indexOf("\r\n\r\n", name);
            return start > 0 && body.startsWith("One-Click", start + 4);
        }
        return "One-Click".equals(form(body.strip()).get("List-Unsubscribe"));
    }
}
