package org.broadside.server;

import org.broadside.unsubscribe.RecipientToken;
import org.broadside.unsubscribe.RecipientTokens;
import org.broadside.unsubscribe.ServerClosingException;
import org.broadside.unsubscribe.ServerEvent;
import org.broadside.unsubscribe.ServerEventLog;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The only routes there are:
 * <pre>
 *   GET|HEAD /u/TOKEN          landing page (changes nothing)
 *   POST     /u/TOKEN          RFC 8058 one-click (body List-Unsubscribe=One-Click): 200, no page
 *   POST     /u/TOKEN/confirm  the page's button (form field csrf): unsubscribes, shows the confirmation with undo
 *   POST     /u/TOKEN/undo     the confirmation's undo (form field csrf)
 *   GET      /api/v1/events    the pull API (PullApi), POST /api/v1/ack
 *   GET|HEAD /o/TOKEN          open pixel, GET|HEAD /c/LINK: click redirect (TrackingRoutes)
 *   GET      /health           "ok", for the service manager
 * </pre>
 * Everything else is a plain 404; a known route with another method is a 405. A token that does not open is a 404
 * that records nothing.
 */
final class PublicRoutes extends Handler.Abstract {
    private static final Logger LOG = LoggerFactory.getLogger(PublicRoutes.class);
    static final int MAX_FORM_BODY = 8 * 1024;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final RecipientTokens tokens;
    private final ServerEventLog log;
    private final FormGuard forms;
    private final ClientRateLimiter limiter;
    private final ServerOptions options;
    private final PullApi pull;
    private final SenderNames names;
    private final TrackingRoutes tracking;

    PublicRoutes(RecipientTokens tokens, ServerEventLog log, FormGuard forms, ServerOptions options, PullApi pull, SenderNames names) {
        this.tokens = tokens;
        this.log = log;
        this.forms = forms;
        this.limiter = new ClientRateLimiter(options.ratePerMinute());
        this.options = options;
        this.pull = pull;
        this.names = names;
        this.tracking = new TrackingRoutes(tokens, log);
    }

    @Override
    public boolean handle(Request req, Response res, Callback cb) {
        String nonce = Base64.getUrlEncoder().withoutPadding().encodeToString(nonceBytes());
        SecurityHeaders.apply(res, nonce, options.tlsCert() != null || isHttps(options));
        try {
            if (!limiter.allow(clientAddress(req))) {
                res.getHeaders().put(HttpHeader.RETRY_AFTER, "60");
                return Answer.refuse(res, cb, 429, "Too many requests. Try again in a minute.");
            }
            String path = req.getHttpURI().getPath();
            String method = req.getMethod();
            if (path == null) return Answer.refuse(res, cb, 404, "Not found.");
            if (path.startsWith("/u/")) return unsubscribeRoute(req, res, cb, path.substring(3), method, nonce);
            if (path.startsWith("/api/v1/")) return pull.handle(req, res, cb, path.substring(8), method);
            if (path.startsWith("/o/") || path.startsWith("/c/")) return tracking.handle(req, res, cb, path, method);
            if (path.equals("/health")) {
                if (!method.equals("GET") && !method.equals("HEAD")) return notAllowed(res, cb, "GET, HEAD");
                return Answer.send(res, cb, 200, Answer.TEXT, "ok\n");
            }
            return Answer.refuse(res, cb, 404, "Not found.");
        } catch (RequestBodies.TooLargeException e) {
            return Answer.refuse(res, cb, 413, "Request too large.");
        } catch (ServerClosingException e) {
            res.getHeaders().put(HttpHeader.RETRY_AFTER, "30");
            return Answer.refuse(res, cb, 503, "The server is restarting. Try again shortly.");
        } catch (Exception e) {
            LOG.error("A request to the Broadside server failed", e);
            return Answer.refuse(res, cb, 500, "Something went wrong. Please try again later.");
        }
    }

    private boolean unsubscribeRoute(Request req, Response res, Callback cb, String rest, String method, String nonce) throws Exception {
        int slash = rest.indexOf('/');
        String token = slash < 0 ? rest : rest.substring(0, slash);
        String action = slash < 0 ? "" : rest.substring(slash + 1);
        if (!action.isEmpty() && !action.equals("confirm") && !action.equals("undo")) return Answer.refuse(res, cb, 404, "Not found.");
        if (action.isEmpty() && !method.equals("GET") && !method.equals("HEAD") && !method.equals("POST")) return notAllowed(res, cb, "GET, HEAD, POST");
        if (!action.isEmpty() && !method.equals("POST")) return notAllowed(res, cb, "POST");
        PageTexts texts = PageTexts.choose(null, req.getHeaders().get(HttpHeader.ACCEPT_LANGUAGE));
        Optional<RecipientToken> who = tokens.open(token);
        if (who.isEmpty()) {
            // Read and drop the body either way, then the same plain page: a forged token learns nothing.
            if (method.equals("POST")) RequestBodies.read(req, MAX_FORM_BODY);
            return Answer.send(res, cb, 404, Answer.HTML, LandingPages.notFound(texts, options.style(), nonce));
        }
        RecipientToken r = who.get();
        texts = PageTexts.choose(r.language(), req.getHeaders().get(HttpHeader.ACCEPT_LANGUAGE));
        if (method.equals("GET") || method.equals("HEAD")) {
            LandingPages.State state = log.isUnsubscribed(r) ? LandingPages.State.DONE : LandingPages.State.QUESTION;
            return page(res, cb, state, texts, r, token, nonce);
        }
        String body = RequestBodies.read(req, MAX_FORM_BODY);
        if (action.isEmpty()) {
            if (!RequestBodies.isOneClick(req.getHeaders().get(HttpHeader.CONTENT_TYPE), body))
                return Answer.refuse(res, cb, 400, "A one-click unsubscribe posts List-Unsubscribe=One-Click.");
            return whenRecorded(log.unsubscribe(r, "one-click"), res, cb, ev -> {
                LOG.debug("one-click unsubscribe: {} (campaign {})", MaskedAddress.of(r.email()), r.campaignUid());
                Answer.send(res, cb, 200, Answer.TEXT, "Unsubscribed.\n");
            });
        }
        var fields = RequestBodies.form(body);
        if (!forms.valid(token, fields.get("csrf")) || !FormGuard.sameSite(req.getHeaders().get("Sec-Fetch-Site"),
                req.getHeaders().get(HttpHeader.ORIGIN), req.getHeaders().get(HttpHeader.HOST)))
            return Answer.refuse(res, cb, 403, "This form was not sent from its page. Please open the link from the email again.");
        PageTexts t = texts;
        if (action.equals("confirm")) {
            return whenRecorded(log.unsubscribe(r, "unsubscribe page"), res, cb, ev -> {
                LOG.debug("unsubscribe from the page: {} (campaign {})", MaskedAddress.of(r.email()), r.campaignUid());
                page(res, cb, LandingPages.State.DONE, t, r, token, nonce);
            });
        }
        return whenRecorded(log.undo(r, "unsubscribe page"), res, cb, ev -> {
            if (ev.isPresent()) LOG.debug("unsubscribe undone from the page: {} (campaign {})", MaskedAddress.of(r.email()), r.campaignUid());
            page(res, cb, LandingPages.State.UNDONE, t, r, token, nonce);
        });
    }

    /**
     * Answers once the event is on the disk, without holding a thread while the writer commits (requests wait for the
     * group commit, not for a free thread): an answered unsubscribe is never lost.
     */
    static boolean whenRecorded(CompletableFuture<Optional<ServerEvent>> recorded, Response res, Callback cb,
                                        Consumer<Optional<ServerEvent>> answer) {
        recorded.orTimeout(20, TimeUnit.SECONDS).whenComplete((ev, error) -> {
            try {
                if (error == null) {
                    answer.accept(ev);
                } else if (unwrap(error) instanceof ServerClosingException) {
                    res.getHeaders().put(HttpHeader.RETRY_AFTER, "30");
                    Answer.refuse(res, cb, 503, "The server is restarting. Try again shortly.");
                } else {
                    LOG.error("Recording an event failed", unwrap(error));
                    Answer.refuse(res, cb, 500, "Something went wrong. Please try again later.");
                }
            } catch (RuntimeException e) {
                LOG.error("Answering a request failed", e);
                cb.failed(e);
            }
        });
        return true;
    }

    private static Throwable unwrap(Throwable t) {
        return t instanceof java.util.concurrent.CompletionException && t.getCause() != null ? t.getCause() : t;
    }

    private boolean page(Response res, Callback cb, LandingPages.State state, PageTexts texts, RecipientToken r, String token, String nonce) {
        String name = options.style().name() != null ? options.style().name() : names.of(r.campaignUid()).orElse(null);
        String html = LandingPages.page(state, texts, options.style(), name, MaskedAddress.of(r.email()),
                options.pathPrefix() + "/u/" + token, forms.fieldFor(token), nonce);
        return Answer.send(res, cb, 200, Answer.HTML, html);
    }

    static boolean notAllowed(Response res, Callback cb, String allow) {
        res.getHeaders().put(HttpHeader.ALLOW, allow);
        return Answer.refuse(res, cb, 405, "Method not allowed.");
    }

    private String clientAddress(Request req) {
        if (options.trustProxy()) {
            String forwarded = req.getHeaders().get("X-Forwarded-For");
            if (forwarded != null && !forwarded.isBlank()) {
                int comma = forwarded.lastIndexOf(',');
                return forwarded.substring(comma + 1).strip();
            }
        }
        return Request.getRemoteAddr(req);
    }

    private static boolean isHttps(ServerOptions o) {
        return o.publicUrl() != null && "https".equalsIgnoreCase(o.publicUrl().getScheme());
    }

    private static byte[] nonceBytes() {
        byte[] b = new byte[16];
        RANDOM.nextBytes(b);
        return b;
    }
}
