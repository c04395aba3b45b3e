package org.broadside.delivery.direct;

import java.io.InterruptedIOException;
import java.net.IDN;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import org.broadside.delivery.Attempt;
import org.broadside.delivery.DeliveryStoreException;
import org.broadside.delivery.LineDirection;
import org.broadside.delivery.Messenger.SessionLog;
import org.broadside.delivery.MessengerSession;
import org.broadside.delivery.OutgoingMessage;
import org.broadside.delivery.RecipientState;
import org.broadside.delivery.smtp.AuthMechanism;
import org.broadside.delivery.smtp.EndOfDataHookException;
import org.broadside.delivery.smtp.Envelope;
import org.broadside.delivery.smtp.InvalidEnvelopeException;
import org.broadside.delivery.smtp.ProtocolListener;
import org.broadside.delivery.smtp.Security;
import org.broadside.delivery.smtp.SmtpConnection;
import org.broadside.delivery.smtp.SmtpEndpoint;
import org.broadside.delivery.smtp.SmtpException;
import org.broadside.delivery.smtp.Stage;
import org.broadside.delivery.smtp.TransactionResult;

/**
 * One direct-delivery session: a small pool of open connections keyed by destination domain, least recently
 * used closed first. Used by one engine thread at a time, like every {@link MessengerSession}.
 */
final class DirectSession implements MessengerSession {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(DirectSession.class);
    /** Receivers drop idle clients after a few minutes; reconnecting beats a stale connection's first failure. */
    private static final long MAX_IDLE_NANOS = TimeUnit.SECONDS.toNanos(60);

    private final DirectOptions options;
    private final RouteResolver routes;
    private final Destinations destinations;
    private final SessionLog log;
    private final LinkedHashMap<String, DirectConnection> open = new LinkedHashMap<>(16, 0.75f, true);
    private boolean closed;

    DirectSession(DirectOptions options, RouteResolver routes, Destinations destinations, SessionLog log) {
        this.options = options;
        this.routes = routes;
        this.destinations = destinations;
        this.log = log;
    }

    @Override
    public String greeting() {
        return "direct delivery: connects to each recipient domain's MX on demand";
    }

    @Override
    public boolean usable() {
        return !closed;
    }

    @Override
    public Attempt send(OutgoingMessage message, EndOfDataHook hook) throws InterruptedException {
        String domain = domainOf(message.recipient());
        if (domain == null) {
            return DirectAttempts.failed("the recipient address has no domain: " + message.recipient());
        }
        DirectConnection c = open.get(domain);
        Duration wait = destinations.backedOff(domain);
        if (wait != null) {
            // Another session was refused by this destination: stop using our connection to it too.
            if (c != null) {
                drop(c, "destination backed off");
            }
            return DirectAttempts.deferred(domain + " is backed off for another " + wait.toSeconds()
                    + " s after a temporary refusal");
        }
        boolean reused = c != null;
        if (c != null && (!c.smtp.isUsable() || c.idleLongerThan(MAX_IDLE_NANOS))) {
            drop(c, "idle or no longer usable");
            c = null;
            reused = false;
        }
        if (c == null) {
            Connect connect = connect(domain);
            if (connect.failure != null) {
                return connect.failure;
            }
            c = connect.connection;
        }
        Attempt a = transact(c, message, hook);
        if (reused && c.brokeBeforeMail) {
            // The kept connection had died while idle and nothing was sent: one fresh try, not a deferral.
            Connect again = connect(domain);
            if (again.failure != null) {
                return again.failure;
            }
            a = transact(again.connection, message, hook);
        }
        return a;
    }

    private Attempt transact(DirectConnection c, OutgoingMessage m, EndOfDataHook hook) throws InterruptedException {
        boolean[] interrupted = {false};
        org.broadside.delivery.smtp.EndOfDataHook smtpHook = () -> {
            try {
                hook.beforeEndOfData();
            } catch (InterruptedException e) {
                interrupted[0] = true;
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted before end of data");
            }
        };
        Attempt a;
        try {
            TransactionResult r = c.smtp.send(new Envelope(m.mailFrom(), List.of(asciiDomain(m.recipient()))), m.smtpBody(), smtpHook);
            a = DirectAttempts.of(r);
            c.messages++;
        } catch (EndOfDataHookException e) {
            drop(c, "end of data could not be recorded");
            if (interrupted[0]) {
                throw new InterruptedException("interrupted before end of data");
            }
            // The state could not be made durable, so "." was never sent: stop rather than send unrecorded.
            throw new DeliveryStoreException("the delivery state could not be recorded, so the message was not completed: "
                    + e.getMessage(), e);
        } catch (InvalidEnvelopeException e) {
            a = new Attempt(RecipientState.SKIPPED, 0, null, e.getMessage(), null, false, false);
        } catch (SmtpException e) {
            a = DirectAttempts.of(e, c.target.toString());
            c.brokeBeforeMail = e.stage() == Stage.MAIL && e.reply() == null && !e.endOfDataSent();
        }
        c.lastUsed = System.nanoTime();
        if (a.outcome() == RecipientState.SENT) {
            destinations.succeeded(c.domain);
        } else if (DirectAttempts.backsOffDestination(a)) {
            Duration d = destinations.backOff(c.domain);
            info("backing off " + c.domain + " for " + d.toSeconds() + " s after a temporary refusal");
            drop(c, "backed off");
            return a;
        }
        if (!c.smtp.isUsable()) {
            drop(c, "connection lost");
        }
        return a;
    }

    private Connect connect(String domain) {
        Duration wait = destinations.backedOff(domain);
        if (wait != null) {
            return Connect.failed(DirectAttempts.deferred(domain + " is backed off for another " + wait.toSeconds()
                    + " s after a temporary refusal"));
        }
        Route route = routes.resolve(domain);
        if (!route.deliverable()) {
            info(domain + ": " + route.problem());
            return Connect.failed(route.permanent() ? DirectAttempts.failed(route.problem())
                    : DirectAttempts.deferred(route.problem()));
        }
        if (!destinations.tryOpen(domain)) {
            return Connect.failed(DirectAttempts.deferred("already " + options.maxConnectionsPerDestination()
                    + " connection(s) open to " + domain + "; try again shortly"));
        }
        evictIfFull();
        List<String> errors = new ArrayList<>();
        for (Target t : route.targets()) {
            SmtpConnection smtp = openTo(t, errors);
            if (smtp != null) {
                DirectConnection c = new DirectConnection(domain, t, smtp);
                open.put(domain, c);
                return Connect.ok(c);
            }
            // RFC 5321 5.1: on failure go on to the next address in preference order.
        }
        destinations.closed(domain);
        Duration d = destinations.backOff(domain);
        info("backing off " + domain + " for " + d.toSeconds() + " s: no MX host took the connection");
        return Connect.failed(DirectAttempts.deferred("could not connect to any mail server of " + domain + ": "
                + String.join("; ", errors)));
    }

    /** A connection to this target, or null with the reason added to {@code errors}. */
    private SmtpConnection openTo(Target t, List<String> errors) {
        boolean required = options.tls() == TlsPolicy.REQUIRED;
        try {
            return SmtpConnection.open(endpoint(t, required ? Security.STARTTLS : Security.STARTTLS_IF_OFFERED),
                    options.timeouts(), listener(t), tls(t));
        } catch (SmtpException e) {
            if (required || e.stage() != Stage.STARTTLS) {
                errors.add(t + ": " + e.getMessage());
                return null;
            }
            // Offered but broken STARTTLS: an attacker could have stripped it anyway, so clear text loses nothing
            // that opportunistic TLS promised, and the mail is not stuck behind a misconfigured server.
            info(t + " STARTTLS failed (" + e.getMessage() + "); delivering without TLS, as opportunistic TLS allows");
        } catch (GeneralSecurityException e) {
            errors.add(t + ": " + e.getMessage());
            return null;
        }
        try {
            return SmtpConnection.open(endpoint(t, Security.NONE), options.timeouts(), listener(t));
        } catch (SmtpException e) {
            errors.add(t + ": " + e.getMessage());
            return null;
        }
    }

    private SmtpEndpoint endpoint(Target t, Security security) {
        return new SmtpEndpoint(t.literal(), options.portForHost().applyAsInt(t.mxHost()), security, options.ehloName(),
                AuthMechanism.NONE, null, null, null);
    }

    private SSLContext tls(Target t) throws GeneralSecurityException {
        return MxTrust.context(options.trustStore(), t.mxHost(), options.tls(), text -> info(t + " " + text));
    }

    private ProtocolListener listener(Target t) {
        String prefix = t.mxHost() + " ";
        return (d, text) -> log.line(LineDirection.valueOf(d.name()), prefix + text);
    }

    private void evictIfFull() {
        Iterator<DirectConnection> it = open.values().iterator();
        while (open.size() >= options.openDestinationsPerSession() && it.hasNext()) {
            DirectConnection eldest = it.next();
            it.remove();
            eldest.smtp.quit();
            destinations.closed(eldest.domain);
        }
    }

    private void drop(DirectConnection c, String why) {
        if (open.remove(c.domain, c)) {
            destinations.closed(c.domain);
        }
        if (c.smtp.isUsable()) {
            info("closing the connection to " + c.target + ": " + why);
        }
        c.smtp.quit();
    }

    @Override
    public void close() {
        closed = true;
        for (DirectConnection c : List.copyOf(open.values())) {
            drop(c, "session closed");
        }
    }

    private void info(String text) {
        try {
            log.line(LineDirection.INFO, text);
        } catch (RuntimeException e) {
            // A log must never break a delivery.
            LOG.warn("The connection log failed", e);
        }
    }

    /** The recipient's domain in lower-case ASCII (IDN as punycode): the key for routes, limits and back-off. */
    static String domainOf(String address) {
        int at = address.lastIndexOf('@');
        if (at < 0 || at == address.length() - 1) {
            return null;
        }
        try {
            return IDN.toASCII(address.substring(at + 1), IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String asciiDomain(String address) {
        int at = address.lastIndexOf('@');
        String d = domainOf(address);
        return d == null ? address : address.substring(0, at + 1) + d;
    }

    private record Connect(DirectConnection connection, Attempt failure) {
        static Connect ok(DirectConnection c) {
            return new Connect(c, null);
        }

        static Connect failed(Attempt a) {
            return new Connect(null, a);
        }
    }
}
