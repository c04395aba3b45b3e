package org.broadside.log;

import org.broadside.delivery.ConnectFailureLine;
import org.broadside.delivery.SessionException;

/**
 * Explains a connection that could not be opened, as {@link ReplyExplainer} explains replies: by the failure's type
 * (recorded in the log line by {@link ConnectFailureLine}), never by the wording of the error.
 */
public final class ConnectFailureExplainer {
    private static final String PORTS = "check that the port and security of the account match (SSL goes with port 465, STARTTLS with 587)";

    private ConnectFailureExplainer() {}

    /** The explanation of a connection log INFO line, or null when the line is not a failed connection. */
    public static Explanation explainInfoLine(String line) {
        SessionException.Failure f = ConnectFailureLine.failureOf(line);
        return f == null ? null : explain(f);
    }

    /** The explanation for a send's connection: a temporary failure is retried by the run after a pause. */
    public static Explanation explain(SessionException.Failure failure) {
        Explanation e = withoutRetry(failure);
        return e.persistence() == Persistence.TEMPORARY ? new Explanation(e.meaning(), e.persistence(), e.advice() + RETRIES) : e;
    }

    /**
     * What to check, for a connection the user opened by hand (Test connection in Accounts): the advice without the
     * "tries again" of a send, since nothing will try again by itself.
     */
    public static String whatToCheck(SessionException.Failure failure) {
        String check = withoutRetry(failure).advice();
        return Character.toUpperCase(check.charAt(0)) + check.substring(1) + ".";
    }

    // True during the run and read later in the log: "while the run goes on" (after a run it said it would retry).
    private static final String RETRIES = "; while the run goes on, Broadside tries again after a pause";

    /** What the failure means and what to check, whoever opened the connection. */
    private static Explanation withoutRetry(SessionException.Failure failure) {
        return switch (failure) {
            case REFUSED -> temporary("nothing accepts connections on this host and port (connection refused): the server is down, "
                    + "the port is wrong, or a firewall rejects the connection", "check the server and port of the account, or the firewall");
            case TIMED_OUT -> temporary("the connection was not answered in time: a firewall may drop it, or the host is wrong or down",
                    "check the server and port of the account, and whether your network lets this port out (many block port 25)");
            case UNKNOWN_HOST -> temporary("the server name was not found (DNS)", "check the spelling of the server name and the internet connection");
            case NO_ROUTE -> temporary("the network has no route to the server", "check the network connection (and any VPN)");
            case NO_ANSWER -> temporary("the server accepted the connection but did not answer in time", PORTS + "; the server may be overloaded");
            case CONNECTION_LOST -> temporary("the connection broke while it was being set up", PORTS);
            case SERVER_BUSY -> temporary("the server is busy or limits connections (421)",
                    "it will be retried later automatically; lower the number of connections if it keeps happening");
            case TLS_FAILED -> temporary("the secure (TLS) handshake failed", PORTS);
            case SERVER_REFUSED -> permanent("the server refuses to take mail from this computer",
                    "check the server name; ask the provider whether this computer's address is blocked");
            case CERTIFICATE -> permanent("the server's certificate is not trusted (self-signed, expired, or made for another name)",
                    "check the server name; trust the certificate only if you know this server");
            case TLS_MISSING -> permanent("the server did not set up encryption (STARTTLS), so no password was sent",
                    "choose the security the server offers, or none only on a network you trust");
            case AUTHENTICATION -> permanent("the server refused the login",
                    "check the user name and password; providers with two-step login need an app password");
        };
    }

    private static Explanation temporary(String meaning, String advice) {
        return new Explanation(meaning, Persistence.TEMPORARY, advice);
    }

    private static Explanation permanent(String meaning, String advice) {
        return new Explanation(meaning, Persistence.PERMANENT, advice);
    }
}
