package org.broadside.delivery;

import java.time.Instant;

/**
 * An account-level problem, pause or recovery during a run, in plain words: what happened, why, what to do, and
 * when the engine tries again. The Delivery panel shows it as a banner and on the account's badge; the command
 * line prints it as a line. Behaviour never depends on the wording: use {@link #kind()}.
 *
 * @param account  the account's name
 * @param kind     what kind of problem (or {@link Kind#RECOVERED} when the account works again)
 * @param cause    what happened, e.g. "Cannot reach smtp.acme.example:587: connection refused"
 * @param advice   what the user can do, e.g. "Check the host and port of account Work, or your firewall."
 * @param nextTry  when the engine tries again, or null when it does not retry by itself (account down, run paused)
 * @param attempt  the number of failed connections in a row so far (1 for the first), 0 for a pause, a 421 in a
 *                 session, or a recovery
 * @param at       when it happened
 */
public record AccountNotice(String account, Kind kind, String cause, String advice, Instant nextTry, int attempt, Instant at) {

    /** The kinds of notice; the UI picks its colour and the CLI its wording from this, never from the text. */
    public enum Kind {
        /** The server could not be reached: refused, timed out, name not found. */
        UNREACHABLE,
        /** TLS failed: certificate not trusted, STARTTLS not offered, handshake refused. */
        TLS,
        /** The server refused the login. */
        AUTHENTICATION,
        /** The server is busy: 421, too many connections. */
        BUSY,
        /** An hourly or daily quota of the account is reached; sending resumes when it frees. */
        QUOTA,
        /** A pacing pause (group interval) or adaptive slowing after temporary refusals. */
        PACING,
        /**
         * The run stopped trying this account after its maximum of failed connections in a row (the account's
         * maxConnectionFailures, default 5); when no account is left, the run pauses itself (statusChanged PAUSED
         * with the reason). The recipients stay PENDING/DEFERRED; Resume (a new run) tries again at once.
         */
        GAVE_UP,
        /**
         * A connection of the account worked again after a problem ({@link #isProblem()}): clear the banner and the
         * badge. Not sent after QUOTA or PACING: those end by themselves at {@code nextTry}.
         */
        RECOVERED;

        /** True for a problem the user should see as an error rather than as information. */
        public boolean isProblem() {
            return this != PACING && this != QUOTA && this != RECOVERED;
        }
    }

    /** One sentence with cause, advice and next try, e.g. for a banner or a command-line line. */
    public String sentence() {
        StringBuilder sb = new StringBuilder(cause);
        if (!cause.endsWith(".")) sb.append('.');
        if (advice != null && !advice.isBlank()) sb.append(' ').append(advice);
        if (nextTry != null) {
            long seconds = Math.max(0, (nextTry.toEpochMilli() - at.toEpochMilli() + 999) / 1000);
            sb.append(" Next try in ").append(seconds < 90 ? seconds + " s" : (seconds / 60) + " min");
            if (attempt > 1) sb.append(" (").append(ordinal(attempt + 1)).append(" try)");
            sb.append('.');
        }
        return sb.toString();
    }

    private static String ordinal(int n) {
        int mod100 = n % 100;
        String suffix = mod100 >= 11 && mod100 <= 13 ? "th" : switch (n % 10) {
            case 1 -> "st";
            case 2 -> "nd";
            case 3 -> "rd";
            default -> "th";
        };
        return n + suffix;
    }
}
