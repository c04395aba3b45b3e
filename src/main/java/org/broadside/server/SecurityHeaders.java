package org.broadside.server;

import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.server.Response;

/**
 * The headers on every answer: a Content-Security-Policy that allows only the page's own inline style (by nonce)
 * and form posts to itself, no framing, no sniffing, no referrer, no caching (a page names an address), and HSTS
 * when the server is reached over HTTPS.
 */
final class SecurityHeaders {
    private SecurityHeaders() {}

    static void apply(Response res, String nonce, boolean https) {
        HttpFields.Mutable h = res.getHeaders();
        h.put("Content-Security-Policy", "default-src 'none'; style-src 'nonce-" + nonce + "'; img-src 'self'; form-action 'self'; "
                + "frame-ancestors 'none'; base-uri 'none'");
        h.put("X-Frame-Options", "DENY");
        h.put("X-Content-Type-Options", "nosniff");
        h.put("Referrer-Policy", "no-referrer");
        h.put("Cache-Control", "no-store");
        h.put("Cross-Origin-Resource-Policy", "same-origin");
        if (https) h.put("Strict-Transport-Security", "max-age=31536000");
    }
}
