package org.broadside.server;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** Writes an answer: status, type, length and body in one go. The security headers are already on the response. */
final class Answer {
    static final String HTML = "text/html; charset=utf-8";
    static final String TEXT = "text/plain; charset=utf-8";
    static final String JSON = "application/json";

    private Answer() {}

    static boolean send(Response res, Callback cb, int status, String type, String body) {
        return send(res, cb, status, type, body.getBytes(StandardCharsets.UTF_8));
    }

    static boolean send(Response res, Callback cb, int status, String type, byte[] body) {
        res.setStatus(status);
        res.getHeaders().put(HttpHeader.CONTENT_TYPE, type);
        res.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        res.write(true, ByteBuffer.wrap(body), cb);
        return true;
    }

    /** A short plain-text refusal: the status and one sentence, nothing about the server. */
    static boolean refuse(Response res, Callback cb, int status, String sentence) {
        return send(res, cb, status, TEXT, sentence + "\n");
    }
}
