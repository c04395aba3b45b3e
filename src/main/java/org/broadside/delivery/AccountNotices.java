package org.broadside.delivery;

import java.time.Instant;

/**
 * The words of every {@link AccountNotice} the engine emits: what happened with the server's address, and what to do,
 * naming the account and the controls of its settings. Chosen by type ({@link SessionException.Failure}), never by the
 * wording of an exception.
 */
final class AccountNotices {
    private AccountNotices() {}

    /** A connection that could not be opened. */
    static AccountNotice failure(String account, SessionException e, int attempt, long now, Long nextTry) {
        return new AccountNotice(account, e.failure().noticeKind(), cause(account, e), advice(account, e.failure()),
                nextTry == null ? null : Instant.ofEpochMilli(nextTry), attempt, Instant.ofEpochMilli(now));
    }

    /** A connection refused for good (login, certificate): the run stops using this account until Resume. */
    static AccountNotice stopped(String account, SessionException e, int attempt, long now) {
        return new AccountNotice(account, e.failure().noticeKind(), cause(account, e), advice(account, e.failure()), null, attempt,
                Instant.ofEpochMilli(now));
    }

    /** The run stops trying this account after {@code failures} failed connections in a row. */
    static AccountNotice gaveUp(String account, SessionException last, int failures, long now) {
        String cause = cause(account, last) + "; stopped trying account " + account + " after "
                + (failures == 1 ? "its first failed connection" : failures + " failed connections in a row");
        return new AccountNotice(account, AccountNotice.Kind.GAVE_UP, cause, advice(account, last.failure()), null, failures,
                Instant.ofEpochMilli(now));
    }

    /** The server said 421 in the middle of a session. */
    static AccountNotice busy(String account, String target, String reply, long now, long nextTry) {
        String where = target == null ? "The server of account " + account : target;
        return new AccountNotice(account, AccountNotice.Kind.BUSY, where + " is busy and closed the connection (" + reply + ")",
                busyAdvice(account), Instant.ofEpochMilli(nextTry), 0, Instant.ofEpochMilli(now));
    }

    static AccountNotice recovered(String account, String target, long now) {
        String cause = target == null ? "Account " + account + " connects again" : "Connected to " + target + " again";
        return new AccountNotice(account, AccountNotice.Kind.RECOVERED, cause, null, null, 0, Instant.ofEpochMilli(now));
    }

    static AccountNotice groupPause(String account, int groupSize, long now, long until) {
        return new AccountNotice(account, AccountNotice.Kind.PACING, "Account " + account + " pauses after every " + groupSize
                + " messages", "This is the Group setting of the account; change it in Accounts to send faster.",
                Instant.ofEpochMilli(until), 0, Instant.ofEpochMilli(now));
    }

    /** shared: the limit counts every process sending with the account (a team store), not only this run. */
    static AccountNotice quota(String account, boolean daily, int limit, long now, long until, boolean shared) {
        String cause = "Account " + account + " reached its limit of " + limit + " messages per " + (daily ? "day" : "hour")
                + (shared ? " (all senders of the account together)" : "");
        return new AccountNotice(account, AccountNotice.Kind.QUOTA, cause,
                "Sending goes on when the limit frees; the limit is the At most setting of the account in Accounts.",
                Instant.ofEpochMilli(until), 0, Instant.ofEpochMilli(now));
    }

    static AccountNotice slowedDown(String account, long delayMillis, long now) {
        long seconds = Math.max(1, Math.round(delayMillis / 1000.0));
        return new AccountNotice(account, AccountNotice.Kind.PACING, "Account " + account + " slows down to one message every "
                + seconds + " s: the server asked several times to try later",
                "Nothing to do; it speeds up again when the server accepts messages.",
                Instant.ofEpochMilli(now + delayMillis), 0, Instant.ofEpochMilli(now));
    }

    private static String cause(String account, SessionException e) {
        String t = e.target() != null ? e.target() : "the server of account " + account;
        String T = e.target() != null ? e.target() : "The server of account " + account;
        String detail = e.getMessage() == null ? "" : " (" + e.getMessage() + ")";
        return switch (e.failure()) {
            case REFUSED -> "Cannot reach " + t + ": connection refused";
            case TIMED_OUT -> "Cannot reach " + t + ": the connection timed out";
            case UNKNOWN_HOST -> "Cannot reach " + t + ": the server name was not found";
            case NO_ROUTE -> "Cannot reach " + t + ": no route to the server (network unreachable)";
            case NO_ANSWER -> T + " accepted the connection but did not answer in time";
            case CONNECTION_LOST -> "The connection to " + t + " broke while it was being set up" + detail;
            case SERVER_REFUSED -> T + " refuses to take mail from this computer" + detail;
            case SERVER_BUSY -> T + " is busy and closed the connection" + detail;
            case TLS_FAILED -> "The secure connection to " + t + " failed (TLS handshake)";
            case CERTIFICATE -> "The certificate of " + t + " is not trusted";
            case TLS_MISSING -> T + " did not set up a secure connection (STARTTLS); no password was sent";
            case AUTHENTICATION -> T + " refused the login of account " + account + detail;
        };
    }

    private static String advice(String account, SessionException.Failure failure) {
        String a = "account " + account;
        return switch (failure) {
            case REFUSED -> "Check the server and port of " + a + ", or your firewall.";
            case TIMED_OUT -> "Check the server and port of " + a + "; a firewall may be blocking the port.";
            case UNKNOWN_HOST -> "Check the spelling of the server of " + a + " and your internet connection.";
            case NO_ROUTE -> "Check your network connection (and VPN) and the server of " + a + ".";
            case NO_ANSWER, CONNECTION_LOST, TLS_FAILED ->
                    "Check the port and security of " + a + ": SSL goes with port 465, STARTTLS with port 587.";
            case SERVER_REFUSED -> "Check the server of " + a + "; ask its provider whether this computer's address is blocked.";
            case SERVER_BUSY -> busyAdvice(account);
            case CERTIFICATE -> "Check the server name of " + a + "; if you trust this server, use Test connection and then "
                    + "Trust this certificate in Accounts.";
            case TLS_MISSING -> "Set the security of " + a + " to what the server offers (SSL on port 465), or to none only on a network you trust.";
            case AUTHENTICATION -> "Check the user name and password of " + a + " in Accounts; providers with two-step login need an app password.";
        };
    }

    private static String busyAdvice(String account) {
        return "Broadside waits and tries again; if this keeps happening, lower the connections of account " + account + ".";
    }
}
