package org.broadside.delivery.smtp;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.security.KeyStore;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * One strict SMTP client connection: connect, greeting, EHLO, TLS, AUTH, then any number of {@link #send}
 * transactions. Not thread-safe: one sending thread per connection.
 */
public final class SmtpConnection implements AutoCloseable {
    /** How the log of every connection starts (after the run's account line), followed by "host:port". */
    public static final String CONNECTING = "connecting to ";
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(SmtpConnection.class);
    private static final int OUT_BUFFER = 64 * 1024;
    private static final byte[] END_OF_DATA = {'.', '\r', '\n'};

    private final SmtpEndpoint endpoint;
    private final SmtpTimeouts timeouts;
    private final ProtocolListener listener;
    private final ReplyReader reader;
    private Socket socket;
    private WatchedOutputStream watched;
    private BufferedOutputStream out;
    private CommandWriter commands;
    private DotStuffingOutputStream dataStream;
    private Reply greeting;
    private Capabilities capabilities = Capabilities.none();
    private TlsInfo tls;
    private boolean usable;
    private Envelope prewrittenEnv;
    private MessageBody prewrittenBody;
    private ChunkingWindow window;

    private SmtpConnection(SmtpEndpoint endpoint, SmtpTimeouts timeouts, ProtocolListener listener) {
        this.endpoint = endpoint;
        this.timeouts = timeouts;
        this.listener = new SafeListener(listener == null ? ProtocolListener.NONE : listener);
        this.reader = new ReplyReader(this.listener);
    }

    /** Connects, reads the greeting, says EHLO (HELO as fallback), sets up TLS as the endpoint demands and logs in. */
    public static SmtpConnection open(SmtpEndpoint e, SmtpTimeouts t, ProtocolListener l) throws SmtpException {
        return open(e, t, l, TrustSource.jdkDefault());
    }

    /** Test hook: trust only the certificates in {@code trustStoreForTests}; host names are still verified. */
    public static SmtpConnection open(SmtpEndpoint e, SmtpTimeouts t, ProtocolListener l, KeyStore trustStoreForTests)
            throws SmtpException {
        return open(e, t, l, TrustSource.of(trustStoreForTests));
    }

    /**
     * Test hook: a prepared SSLContext (its trust managers decide); host names are still verified. A rejected
     * certificate is reported without its fingerprint, prefer the KeyStore variant.
     */
    public static SmtpConnection open(SmtpEndpoint e, SmtpTimeouts t, ProtocolListener l, SSLContext trustForTests)
            throws SmtpException {
        return open(e, t, l, TrustSource.of(trustForTests));
    }

    private static SmtpConnection open(SmtpEndpoint e, SmtpTimeouts t, ProtocolListener l, TrustSource trust)
            throws SmtpException {
        SmtpConnection c = new SmtpConnection(e, t, l);
        try {
            c.establish(trust);
            return c;
        } catch (SmtpException ex) {
            c.listener.line(Direction.INFO, ex.getMessage());
            c.kill();
            throw ex;
        }
    }

    public Reply greeting() {
        return greeting;
    }

    public Capabilities capabilities() {
        return capabilities;
    }

    /** The TLS session, or null when the connection is plain. */
    public TlsInfo tls() {
        return tls;
    }

    /** True while the connection can carry another transaction. */
    public boolean isUsable() {
        return usable && socket != null && !socket.isClosed();
    }

    /**
     * Sends one message. Rejections (4xx/5xx) come back in the result; broken connections, timeouts,
     * protocol violations and 421 are thrown, with {@link SmtpException#endOfDataSent()} telling whether the
     * outcome is unknown.
     */
    public TransactionResult send(Envelope env, MessageBody body, EndOfDataHook hook) throws SmtpException {
        return send(env, body, hook, null, null);
    }

    /**
     * Like {@link #send(Envelope, MessageBody, EndOfDataHook)}, and when the server offers PIPELINING the next
     * message's MAIL, RCPT and DATA are written right behind this message's "." (RFC 2920: the group ends with
     * DATA), saving a round trip per message. The next call must then send exactly {@code nextEnv}/{@code nextBody};
     * {@link #quit()} or an exception instead drops the connection, which aborts that message unsent.
     */
    public TransactionResult send(Envelope env, MessageBody body, EndOfDataHook hook, Envelope nextEnv,
                                  MessageBody nextBody) throws SmtpException {
        if (window != null) {
            throw new IllegalStateException("this connection sends through its chunking window");
        }
        if (!isUsable()) {
            throw new SmtpConnectionLostException("the connection is no longer usable", Stage.MAIL, false, null, null);
        }
        boolean alreadyWritten = prewrittenEnv != null;
        if (alreadyWritten && (prewrittenEnv != env || prewrittenBody != body)) {
            kill();
            throw new IllegalStateException("the commands of another message were already written; send that one next");
        }
        prewrittenEnv = null;
        prewrittenBody = null;
        String mailCommand = mailCommand(env, body);
        String nextCommand = null;
        if (nextEnv != null && nextBody != null && capabilities.pipelining()) {
            try {
                nextCommand = mailCommand(nextEnv, nextBody);
            } catch (InvalidEnvelopeException e) {
                // The next message will be refused on its own call; nothing is written ahead for it.
                nextCommand = null;
            }
        }
        long deadline = System.nanoTime() + timeouts.transactionDeadline().toNanos();
        watched.deadline(deadline);
        try {
            Transaction tx = new Transaction(this, deadline, alreadyWritten, nextEnv, nextCommand);
            TransactionResult result = tx.run(env, mailCommand, body, hook == null ? EndOfDataHook.NONE : hook);
            if (tx.wroteNext()) {
                prewrittenEnv = nextEnv;
                prewrittenBody = nextBody;
            }
            return result;
        } finally {
            if (watched != null) {
                watched.deadline(Long.MAX_VALUE);
            }
        }
    }

    /**
     * Several messages in flight with BDAT ({@link ChunkingWindow}) when the server offers both CHUNKING and
     * PIPELINING, else null (send with {@link #send} then). Once taken, the window carries every message of this
     * connection.
     *
     * @param size messages in flight at most, 1 or more
     */
    public ChunkingWindow chunkingWindow(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("a chunking window holds at least one message: " + size);
        }
        if (!capabilities.chunking() || !capabilities.pipelining()) {
            return null;
        }
        if (window == null) {
            window = new ChunkingWindow(this, size);
        }
        return window;
    }

    /** Says QUIT politely and closes; never throws. */
    public void quit() {
        if (window != null && window.inFlight() > 0) {
            // QUIT would be read as an answer to messages still in flight; hanging up leaves them in doubt, as they are.
            listener.line(Direction.INFO, "closing with " + window.inFlight() + " message(s) unanswered");
        } else if (prewrittenEnv != null) {
            // The server is waiting for that message's data: QUIT would become content. Hanging up aborts it.
            listener.line(Direction.INFO, "aborting the message whose commands were already written");
        } else if (isUsable()) {
            try {
                command("QUIT", Stage.QUIT, Math.min(timeouts.mail().toNanos(), Duration.ofSeconds(10).toNanos()));
            } catch (SmtpException ignored) {
                // The server may hang up first; the connection is closed below either way.
            }
        }
        kill();
    }

    /** Closes the socket at once without QUIT (use {@link #quit()} for a polite end). */
    @Override
    public void close() {
        kill();
    }

    // ---- setup -------------------------------------------------------------------------------------

    private void establish(TrustSource trust) throws SmtpException {
        listener.line(Direction.INFO, CONNECTING + endpoint.host() + ":" + endpoint.port());
        Socket s = new Socket();
        int connectMs = millis(timeouts.connect());
        try {
            s.setTcpNoDelay(true);
            s.connect(new InetSocketAddress(endpoint.host(), endpoint.port()), connectMs);
        } catch (SocketTimeoutException ex) {
            closeQuietly(s);
            throw new ConnectTimeoutException("could not connect to " + endpoint.host() + ":" + endpoint.port()
                    + " within " + connectMs / 1000 + " s", ex);
        } catch (IOException ex) {
            closeQuietly(s);
            throw new SmtpConnectionLostException("could not connect to " + endpoint.host() + ":" + endpoint.port()
                    + ": " + ex.getMessage(), Stage.CONNECT, false, null, ex);
        }
        socket = s;
        if (endpoint.security() == Security.SSL) {
            startTls(trust, Stage.CONNECT);
        } else {
            attach(s);
        }
        usable = true;
        greeting = read(Stage.GREETING, timeouts.greeting().toNanos(), Long.MAX_VALUE, false);
        if (greeting.code() != 220) {
            throw new SmtpRejectedException("the server refused the connection (" + greeting + ")", Stage.GREETING,
                    false, greeting, null);
        }
        ehlo();
        Security sec = endpoint.security();
        if (sec == Security.STARTTLS || (sec == Security.STARTTLS_IF_OFFERED && capabilities.startTls())) {
            if (!capabilities.startTls()) {
                throw new TlsRequiredException("the server did not offer STARTTLS; stopped before AUTH, no password was sent",
                        Stage.STARTTLS, false, null, null);
            }
            Reply r = command("STARTTLS", Stage.STARTTLS, timeouts.greeting().toNanos());
            if (r.code() != 220) {
                throw new TlsRequiredException("the server refused STARTTLS (" + r + "); stopped before AUTH, no password was sent",
                        Stage.STARTTLS, false, r, null);
            }
            int dropped = reader.discardBuffered();
            if (dropped > 0) {
                // Bytes sent before the handshake could be injected by an attacker (CVE-2011-0411 class).
                listener.line(Direction.INFO, "discarded " + dropped + " bytes received before TLS");
            }
            startTls(trust, Stage.STARTTLS);
            ehlo();
        }
        if (endpoint.auth() != AuthMechanism.NONE) {
            new Authenticator(this, endpoint).run(capabilities);
        }
    }

    private void startTls(TrustSource trust, Stage stage) throws SmtpException {
        SSLSocket ssl = TlsHandshake.upgrade(socket, endpoint, trust, millis(timeouts.greeting()), stage);
        socket = ssl;
        tls = TlsHandshake.describe(ssl);
        listener.line(Direction.INFO, "TLS established: " + tls.protocol() + ", " + tls.cipherSuite()
                + ", certificate " + tls.peerSubject() + ", SHA-256 " + tls.sha256Fingerprint());
        attach(ssl);
    }

    private void attach(Socket s) throws SmtpException {
        try {
            WriteWatchdog.unwatch(watched);
            watched = new WatchedOutputStream(s, s.getOutputStream(), timeouts.dataBlock().toNanos());
            WriteWatchdog.watch(watched);
            out = new BufferedOutputStream(watched, OUT_BUFFER);
            commands = new CommandWriter(out, listener);
            dataStream = new DotStuffingOutputStream(out);
            reader.attach(s, s.getInputStream());
        } catch (IOException ex) {
            throw new SmtpConnectionLostException("the connection broke: " + ex.getMessage(), Stage.CONNECT, false, null, ex);
        }
    }

    private void ehlo() throws SmtpException {
        Reply r = command("EHLO " + endpoint.ehloName(), Stage.EHLO, timeouts.mail().toNanos());
        if (r.code() == 250) {
            capabilities = Capabilities.fromEhlo(r);
            return;
        }
        if (r.code() >= 500) {
            // Very old servers only know HELO; they offer no extensions at all.
            Reply helo = command("HELO " + endpoint.ehloName(), Stage.EHLO, timeouts.mail().toNanos());
            if (helo.code() == 250) {
                capabilities = Capabilities.none();
                return;
            }
            r = helo;
        }
        throw new SmtpRejectedException("the server refused EHLO (" + r + ")", Stage.EHLO, false, r, null);
    }

    private String mailCommand(Envelope env, MessageBody body) throws SmtpException {
        return MailCommands.mailFrom(env, body, capabilities);
    }

    // ---- wire helpers used by Transaction and Authenticator ---------------------------------------------

    SmtpTimeouts timeouts() {
        return timeouts;
    }

    ProtocolListener listener() {
        return listener;
    }

    CommandWriter commands() {
        return commands;
    }

    DotStuffingOutputStream dataStream() {
        return dataStream;
    }

    BufferedOutputStream out() {
        return out;
    }

    /** Bounds a write by the watchdog (see WatchedOutputStream); Long.MAX_VALUE lifts the bound. */
    void writeDeadline(long nanoTime) {
        if (watched != null) {
            watched.deadline(nanoTime);
        }
    }

    static byte[] endOfDataBytes() {
        return END_OF_DATA;
    }

    /** Lock-step: check nothing unsolicited waits, write, flush, read the reply. */
    Reply command(String line, Stage stage, long timeoutNanos) throws SmtpException {
        return command(line, stage, timeoutNanos, Long.MAX_VALUE);
    }

    Reply command(String line, Stage stage, long timeoutNanos, long deadline) throws SmtpException {
        ensureNothingUnsolicited(stage, false);
        try {
            commands.write(line, line);
        } catch (IOException ex) {
            throw failure(ex, stage, false, false);
        }
        flush(stage, false);
        return read(stage, timeoutNanos, deadline, false);
    }

    Reply authCommand(String line) throws SmtpException {
        return command(line, Stage.AUTH, timeouts.mail().toNanos());
    }

    Reply secretExchange(String prefix, byte[] base64, String logged) throws SmtpException {
        ensureNothingUnsolicited(Stage.AUTH, false);
        try {
            commands.writeSecret(prefix, base64, logged);
        } catch (IOException ex) {
            throw failure(ex, Stage.AUTH, false, false);
        }
        flush(Stage.AUTH, false);
        return read(Stage.AUTH, timeouts.mail().toNanos(), Long.MAX_VALUE, false);
    }

    void flush(Stage stage, boolean endOfDataSent) throws SmtpException {
        try {
            out.flush();
        } catch (IOException ex) {
            throw failure(ex, stage, endOfDataSent, false);
        }
    }

    /** Reads one reply within {@code timeoutNanos} and before {@code deadline}; 421 closes the connection. */
    Reply read(Stage stage, long timeoutNanos, long deadline, boolean endOfDataSent) throws SmtpException {
        long now = System.nanoTime();
        long waitEnd = now + timeoutNanos;
        // Long.MAX_VALUE means "no transaction deadline"; compare by subtraction only for real deadlines.
        boolean transactionBound = deadline != Long.MAX_VALUE && deadline - waitEnd < 0;
        Reply r;
        try {
            r = reader.read(transactionBound ? deadline : waitEnd);
        } catch (IOException ex) {
            throw failure(ex, stage, endOfDataSent, transactionBound);
        }
        if (r.code() == 421 && stage != Stage.QUIT) {
            kill();
            throw new ServerClosingException("the server is closing the connection (" + r + ")", stage, endOfDataSent, r, null);
        }
        return r;
    }

    /** A byte that arrives when no reply is expected is a protocol error: it could pass for the next answer. */
    void ensureNothingUnsolicited(Stage stage, boolean endOfDataSent) throws SmtpException {
        boolean unread;
        try {
            unread = reader.hasUnread();
        } catch (IOException ex) {
            throw failure(ex, stage, endOfDataSent, false);
        }
        if (unread) unsolicited(stage, endOfDataSent);
    }

    /**
     * The same check on what was already read, without asking the socket: for the body after a 354, where a stray
     * line in the same packet as the 354 is the case to catch, and a later one is caught before the "." anyway (one
     * system call less per message; on this project's benchmark machine a system call costs several microseconds).
     */
    void ensureNothingUnsolicitedBuffered(Stage stage) throws SmtpException {
        if (reader.hasBuffered()) unsolicited(stage, false);
    }

    private void unsolicited(Stage stage, boolean endOfDataSent) throws SmtpException {
        String seen = reader.peekBuffered();
        kill();
        throw new SmtpProtocolException("the server sent a reply nobody asked for (\"" + seen + "\") before "
                + stage + "; stopped so it cannot pass for an answer", stage, endOfDataSent, null, null);
    }

    SmtpProtocolException protocolError(String message, Stage stage) {
        kill();
        return new SmtpProtocolException(message, stage, false, null, null);
    }

    /** Maps an I/O failure to the matching exception and closes the connection. */
    SmtpException failure(IOException ex, Stage stage, boolean endOfDataSent, boolean transactionBound) {
        boolean writeTimeout = watched != null && watched.fired();
        kill();
        return describe(ex, stage, endOfDataSent, transactionBound, writeTimeout);
    }

    /**
     * A failed write with messages in flight: nothing more is written, but the socket stays open so the replies that
     * already arrived (the receipts of earlier messages) can still be read; {@link #kill()} closes it afterwards.
     */
    SmtpException writeFailure(IOException ex, Stage stage, boolean endOfDataSent) {
        boolean writeTimeout = watched != null && watched.fired();
        usable = false;
        return describe(ex, stage, endOfDataSent, false, writeTimeout);
    }

    /** True while replies can still be read: the socket is open, even if nothing more may be written. */
    boolean readable() {
        return socket != null && !socket.isClosed();
    }

    private SmtpException describe(IOException ex, Stage stage, boolean endOfDataSent, boolean transactionBound,
                                   boolean writeTimeout) {
        String where = " during " + stage;
        if (ex instanceof ReplyFormatException) {
            return new SmtpProtocolException("the server sent a malformed reply" + where + ": " + ex.getMessage(),
                    stage, endOfDataSent, null, ex);
        }
        if (ex instanceof DeadlineExceededException || ex instanceof SocketTimeoutException || writeTimeout) {
            String what = transactionBound || writeTimeout && stage.compareTo(Stage.MAIL) >= 0
                    ? "the transaction passed its deadline of " + timeouts.transactionDeadline().toSeconds() + " s"
                    : "the server did not answer in time";
            return new SmtpTimeoutException(what + where, stage, endOfDataSent, null, ex);
        }
        return new SmtpConnectionLostException("the connection was lost" + where + ": " + ex.getMessage(), stage,
                endOfDataSent, null, ex);
    }

    void kill() {
        usable = false;
        WriteWatchdog.unwatch(watched);
        if (socket != null) {
            closeQuietly(socket);
            listener.line(Direction.INFO, "connection closed");
            socket = null;
        }
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // Nothing left to do with a socket that will not close.
        }
    }

    private static int millis(Duration d) {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, d.toMillis()));
    }

    /** Shields the connection from listener bugs: a log must never break a delivery. */
    private static final class SafeListener implements ProtocolListener {
        private final ProtocolListener delegate;

        SafeListener(ProtocolListener delegate) {
            this.delegate = delegate;
        }

        @Override
        public void line(Direction d, String text) {
            try {
                delegate.line(d, text);
            } catch (RuntimeException e) {
                // Deliberately swallowed (see class comment), but kept for a bug report.
                LOG.warn("A protocol listener failed", e);
            }
        }

        @Override
        public void nextMessageAhead() {
            try {
                delegate.nextMessageAhead();
            } catch (RuntimeException e) {
                // Deliberately swallowed (see class comment), but kept for a bug report.
                LOG.warn("A protocol listener failed", e);
            }
        }
    }
}
