package org.broadside.ui.log;

import org.broadside.delivery.SessionException;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * One connection of one run, as the left-hand list of the log viewer shows it: which account and server it went to,
 * when, and whether it opened at all, so that the connection that failed is found without opening each one.
 *
 * @param account the account the connection belonged to, null in logs written before connections named it
 * @param server  "host:port", null when the log does not say
 * @param failure why the connection could not be opened, null when it was
 */
public record ConnectionKey(long runId, int connection, long firstAt, int lines, String account, String server,
                            SessionException.Failure failure) {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());

    /** First line: the connection, its account and server. */
    public String title() {
        StringBuilder sb = new StringBuilder("#").append(connection);
        if (account != null) sb.append("  ").append(account);
        if (server != null) sb.append(account != null ? " · " : "  ").append(server);
        return sb.toString();
    }

    /** Second line: the run, when, and how many lines, or (the cell is red then) why the connection could not be opened. */
    public String detail() {
        return "run " + runId + " · " + TIME.format(Instant.ofEpochMilli(firstAt)) + " · "
                + (failure != null ? shortCause(failure) : lines + " lines");
    }

    public boolean failed() {
        return failure != null;
    }

    @Override
    public String toString() {
        return title() + " · " + detail();
    }

    static String shortCause(SessionException.Failure f) {
        return switch (f) {
            case REFUSED -> "connection refused";
            case TIMED_OUT -> "connection timed out";
            case UNKNOWN_HOST -> "server name not found";
            case NO_ROUTE -> "no route to the server";
            case NO_ANSWER -> "the server did not answer";
            case CONNECTION_LOST -> "connection broke";
            case SERVER_REFUSED -> "the server refused us";
            case SERVER_BUSY -> "server busy";
            case TLS_FAILED -> "secure connection failed";
            case CERTIFICATE -> "certificate not trusted";
            case TLS_MISSING -> "no STARTTLS";
            case AUTHENTICATION -> "login refused";
        };
    }
}
