package org.broadside.delivery;

/**
 * The first line of every connection in the log, "account Work": which account's server the connection went to. The
 * log viewer's list of connections shows it, and so does {@code broadside log}; without it a campaign sent through
 * several accounts (rotation) had connections that only a host and port told apart.
 */
public final class AccountLine {
    private static final String PREFIX = "account ";

    private AccountLine() {}

    static String of(String account) {
        return PREFIX + account;
    }

    /** The account an INFO line names, or null when the line is not such a line. */
    public static String accountOf(String line) {
        return line != null && line.startsWith(PREFIX) && line.length() > PREFIX.length() ? line.substring(PREFIX.length()) : null;
    }
}
