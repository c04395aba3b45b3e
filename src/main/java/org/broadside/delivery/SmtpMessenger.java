package org.broadside.delivery;

import org.broadside.delivery.smtp.AuthenticationFailedException;
import org.broadside.delivery.smtp.CertificateRejectedException;
import org.broadside.delivery.smtp.ChunkingWindow;
import org.broadside.delivery.smtp.ClosedBeforeAnswerException;
import org.broadside.delivery.smtp.Direction;
import org.broadside.delivery.smtp.EndOfDataHookException;
import org.broadside.delivery.smtp.Envelope;
import org.broadside.delivery.smtp.InvalidEnvelopeException;
import org.broadside.delivery.smtp.MessageBody;
import org.broadside.delivery.smtp.ProtocolListener;
import org.broadside.delivery.smtp.Reply;
import org.broadside.delivery.smtp.ServerClosingException;
import org.broadside.delivery.smtp.SmtpConnection;
import org.broadside.delivery.smtp.SmtpEndpoint;
import org.broadside.delivery.smtp.SmtpException;
import org.broadside.delivery.smtp.SmtpTimeouts;
import org.broadside.delivery.smtp.TlsRequiredException;
import org.broadside.delivery.smtp.TransactionResult;

import javax.net.ssl.SSLContext;
import java.io.InterruptedIOException;
import java.util.List;

/**
 * Sends through one SMTP relay account with Broadside's own strict client, and turns every protocol outcome
 * into the engine's terms: which replies mean SENT, DEFERRED, FAILED, and when the outcome is UNKNOWN.
 */
public final class SmtpMessenger implements Messenger {
    private final SmtpEndpoint endpoint;
    private final SmtpTimeouts timeouts;
    private final SSLContext trustForTests;
    private final int chunkingWindow;

    public SmtpMessenger(SmtpEndpoint endpoint, SmtpTimeouts timeouts) {
        this(endpoint, timeouts, null);
    }

    /** trustForTests: a trust store for test servers; null for the JDK's default trust (production). */
    public SmtpMessenger(SmtpEndpoint endpoint, SmtpTimeouts timeouts, SSLContext trustForTests) {
        this(endpoint, timeouts, trustForTests, 0);
    }

    /**
     * @param chunkingWindow messages kept in flight per connection with BDAT when the server offers CHUNKING and
     *                       PIPELINING (ADR 0021); 0 sends every message with DATA
     */
    public SmtpMessenger(SmtpEndpoint endpoint, SmtpTimeouts timeouts, SSLContext trustForTests, int chunkingWindow) {
        if (chunkingWindow < 0) throw new IllegalArgumentException("the chunking window cannot be negative: " + chunkingWindow);
        this.endpoint = endpoint;
        this.timeouts = timeouts;
        this.trustForTests = trustForTests;
        this.chunkingWindow = chunkingWindow;
    }

    @Override
    public MessengerSession open(ConnectionId id, SessionLog log) throws SessionException {
        try {
            ProtocolListener listener = new ProtocolListener() {
                @Override
                public void line(Direction d, String text) {
                    log.line(direction(d), text);
                }

                @Override
                public void nextMessageAhead() {
                    log.nextMessageAhead();
                }
            };
            SmtpConnection c = trustForTests == null
                    ? SmtpConnection.open(endpoint, timeouts, listener)
                    : SmtpConnection.open(endpoint, timeouts, listener, trustForTests);
            return new Session(c, chunkingWindow > 0 ? c.chunkingWindow(chunkingWindow) : null);
        } catch (AuthenticationFailedException | TlsRequiredException | CertificateRejectedException e) {
            throw failure(e, true, false);
        } catch (ServerClosingException e) {
            throw failure(e, false, true);
        } catch (SmtpException e) {
            Reply r = e.reply();
            // A 5xx greeting or EHLO means this server will not take mail from us: retrying in a second will not help.
            boolean permanent = r != null && r.permanentFailure();
            throw failure(e, permanent, false);
        }
    }

    private SessionException failure(SmtpException e, boolean permanent, boolean serverClosing) {
        return new SessionException(SmtpSetupFailures.classify(e), endpoint.host() + ":" + endpoint.port(), e.getMessage(),
                permanent, serverClosing, e);
    }

    static LineDirection direction(Direction d) {
        return switch (d) {
            case CLIENT -> LineDirection.CLIENT;
            case SERVER -> LineDirection.SERVER;
            case INFO -> LineDirection.INFO;
        };
    }

    /** A message as the SMTP client sees it: built once, so a message written ahead is recognised by identity. */
    private record Wire(OutgoingMessage message, Envelope envelope, MessageBody body) {
        static Wire of(OutgoingMessage message) {
            return new Wire(message, new Envelope(message.mailFrom(), List.of(message.recipient())), message.smtpBody());
        }
    }

    private static final class Session implements MessengerSession {
        private final SmtpConnection connection;
        /** Several messages in flight with BDAT, or null when this connection sends with DATA. */
        private final ChunkingWindow window;
        /** The message whose MAIL/RCPT/DATA were written behind the previous "." (null when none). */
        private Wire ahead;

        Session(SmtpConnection connection, ChunkingWindow window) {
            this.connection = connection;
            this.window = window;
        }

        @Override
        public int window() {
            return window == null ? 0 : window.size();
        }

        @Override
        public Attempt submit(OutgoingMessage message, EndOfDataHook hook) throws InterruptedException {
            if (window == null) return send(message, hook);
            Wire wire = Wire.of(message);
            try {
                window.send(wire.envelope(), wire.body(), () -> {
                    try {
                        hook.beforeEndOfData();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new InterruptedIOException("interrupted before the message was sent");
                    }
                });
                return null;
            } catch (SmtpException e) {
                return outcomeOf(e);
            }
        }

        @Override
        public Attempt nextReceipt() {
            if (window == null) throw new IllegalStateException("this session keeps no message in flight");
            try {
                return attemptOf(window.receipt());
            } catch (SmtpException e) {
                return outcomeOf(e);
            }
        }

        @Override
        public String greeting() {
            Reply g = connection.greeting();
            return g == null ? "" : g.code() + " " + g.text();
        }

        @Override
        public Attempt send(OutgoingMessage message, EndOfDataHook hook) throws InterruptedException {
            return send(message, hook, null);
        }

        @Override
        public Attempt send(OutgoingMessage message, EndOfDataHook hook, OutgoingMessage next) throws InterruptedException {
            // The connection recognises a message whose commands it wrote ahead by the very same envelope and body.
            Wire wire = ahead != null && ahead.message() == message ? ahead : Wire.of(message);
            Wire nextWire = next == null ? null : Wire.of(next);
            ahead = null;
            try {
                TransactionResult r = connection.send(wire.envelope(), wire.body(), () -> {
                    try {
                        hook.beforeEndOfData();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new InterruptedIOException("interrupted before end of data");
                    }
                }, nextWire == null ? null : nextWire.envelope(), nextWire == null ? null : nextWire.body());
                ahead = nextWire;
                return attemptOf(r);
            } catch (SmtpException e) {
                return outcomeOf(e);
            }
        }

        /** What a failure means for the message it hit; a failure to record the state stops the run instead. */
        private static Attempt outcomeOf(SmtpException e) {
            if (e instanceof EndOfDataHookException) {
                // The state could not be made durable, so "." was never sent: stop rather than send unrecorded.
                throw new DeliveryStoreException("the delivery state could not be recorded, so the message was not completed: " + e.getMessage(), e);
            }
            if (e instanceof InvalidEnvelopeException) {
                return new Attempt(RecipientState.SKIPPED, 0, null, e.getMessage(), null, false, false);
            }
            if (e instanceof ClosedBeforeAnswerException) {
                return new Attempt(RecipientState.DEFERRED, 0, null, e.getMessage(), null, false, true);
            }
            if (e instanceof ServerClosingException) {
                Reply r = e.reply();
                return new Attempt(RecipientState.DEFERRED, r == null ? 421 : r.code(), r == null ? null : r.enhancedCode(),
                        r == null ? "the server is closing the connection" : r.text(), null, true, true);
            }
            return e.endOfDataSent() ? Attempt.lostAfterEndOfData(e.getMessage()) : Attempt.lostBeforeEndOfData(e.getMessage());
        }

        private static Attempt attemptOf(TransactionResult r) {
            Reply d = r.decisiveReply();
            if (r.accepted()) {
                return new Attempt(RecipientState.SENT, d.code(), d.enhancedCode(), d.text(), d.queueId(), false, false);
            }
            RecipientState outcome = d != null && d.permanentFailure() ? RecipientState.FAILED : RecipientState.DEFERRED;
            int code = d == null ? 0 : d.code();
            return new Attempt(outcome, code, d == null ? null : d.enhancedCode(), d == null ? "no reply" : d.text(), null, false, false);
        }

        @Override
        public boolean usable() {
            return connection.isUsable();
        }

        @Override
        public void close() {
            connection.quit();
        }
    }
}
