package org.broadside.delivery;

/**
 * The connection log's line for a connection that could not be opened: "could not open the connection (refused): ...".
 * The failure's stable {@link SessionException.Failure#code() code} between the parentheses lets the log viewer and
 * the command line explain the line by its type, whatever the wording after it.
 */
public final class ConnectFailureLine {
    private static final String PREFIX = "could not open the connection (";

    private ConnectFailureLine() {}

    static String of(SessionException.Failure failure, String message) {
        return PREFIX + failure.code() + "): " + message;
    }

    /** The line without the failure's text, for a connection whose log has just said it ("could not connect to ..."). */
    static String of(SessionException.Failure failure) {
        return PREFIX + failure.code() + ")";
    }

    /** The failure an INFO line of the log records, or null when the line is not such a line. */
    public static SessionException.Failure failureOf(String line) {
        if (line == null || !line.startsWith(PREFIX)) return null;
        int end = line.indexOf(')', PREFIX.length());
        return end < 0 ? null : SessionException.Failure.ofCode(line.substring(PREFIX.length(), end));
    }
}
