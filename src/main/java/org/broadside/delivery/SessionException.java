package org.broadside.delivery;

/**
 * A session could not be opened. Permanent problems (authentication refused, certificate not trusted,
 * STARTTLS required but missing) take the account out of the run; temporary ones make it back off.
 * {@link #failure()} says what went wrong as a type, so nothing depends on the wording of the message.
 */
public class SessionException extends Exception {
    private final boolean permanent;
    private final boolean serverClosing;
    private final Failure failure;
    private final String target;

    /**
     * What stopped the session from opening. {@link #code()} is stable: the connection log writes it so its
     * explanation can be found again without reading the message.
     */
    public enum Failure {
        /** Nothing listens on the port (TCP reset): wrong port, server down, or a firewall rejecting. */
        REFUSED(AccountNotice.Kind.UNREACHABLE),
        /** The TCP connection was not answered in time: a firewall dropping packets, or a wrong host. */
        TIMED_OUT(AccountNotice.Kind.UNREACHABLE),
        /** The host name does not resolve. */
        UNKNOWN_HOST(AccountNotice.Kind.UNREACHABLE),
        /** The network has no route to the host (offline, VPN down). */
        NO_ROUTE(AccountNotice.Kind.UNREACHABLE),
        /** Connected, but the server did not greet or answer in time. */
        NO_ANSWER(AccountNotice.Kind.UNREACHABLE),
        /** The connection broke while it was being set up (often SSL on a STARTTLS port or the reverse). */
        CONNECTION_LOST(AccountNotice.Kind.UNREACHABLE),
        /** The server refused us for good at the greeting or EHLO (5xx). */
        SERVER_REFUSED(AccountNotice.Kind.UNREACHABLE),
        /** The server is busy: 421 or another 4xx at the greeting (too many connections). */
        SERVER_BUSY(AccountNotice.Kind.BUSY),
        /** The TLS handshake failed (protocol or cipher mismatch, not a certificate problem). */
        TLS_FAILED(AccountNotice.Kind.TLS),
        /** The server's certificate is not trusted. */
        CERTIFICATE(AccountNotice.Kind.TLS),
        /** TLS is required but the server did not offer or refused STARTTLS. */
        TLS_MISSING(AccountNotice.Kind.TLS),
        /** The server refused the login. */
        AUTHENTICATION(AccountNotice.Kind.AUTHENTICATION);

        private final AccountNotice.Kind kind;

        Failure(AccountNotice.Kind kind) {
            this.kind = kind;
        }

        /** The kind of account notice this failure raises. */
        public AccountNotice.Kind noticeKind() { return kind; }

        /** A stable lower-case token, e.g. "refused", "unknown-host". */
        public String code() { return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'); }

        /** The failure whose {@link #code()} this is, or null. */
        public static Failure ofCode(String code) {
            for (Failure f : values()) if (f.code().equals(code)) return f;
            return null;
        }
    }

    /**
     * @param failure what went wrong
     * @param target  where the connection went, "host:port", or null when unknown
     */
    public SessionException(Failure failure, String target, String message, boolean permanent, boolean serverClosing, Throwable cause) {
        super(message, cause);
        this.failure = failure;
        this.target = target;
        this.permanent = permanent;
        this.serverClosing = serverClosing;
    }

    /** Without a typed failure: permanent ones count as a refusal by the server, temporary ones as a broken connection. */
    public SessionException(String message, boolean permanent, boolean serverClosing, Throwable cause) {
        this(serverClosing ? Failure.SERVER_BUSY : permanent ? Failure.SERVER_REFUSED : Failure.CONNECTION_LOST, null,
                message, permanent, serverClosing, cause);
    }

    public boolean permanent() { return permanent; }

    public boolean serverClosing() { return serverClosing; }

    public Failure failure() { return failure; }

    /** "host:port" of the server, or null when the messenger did not say. */
    public String target() { return target; }
}
