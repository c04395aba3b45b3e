package org.broadside.accounts;

import java.util.regex.Pattern;

/** The rules an account must satisfy; each failure is one sentence the user can act on. */
final class AccountValidation {
    static final int MAX_CONNECTIONS = 64;
    // ASCII only: SQLite's NOCASE folds ASCII only, and the name is part of the credential key.
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 ._@+-]{0,63}");
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9._:\\[\\]-]{1,253}");
    private static final Pattern EHLO = Pattern.compile("[A-Za-z0-9._:\\[\\]-]{1,255}");
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    private AccountValidation() {}

    static void check(Account a) {
        noLineBreaks("name", a.name());
        noLineBreaks("host", a.host());
        noLineBreaks("user name", a.username());
        noLineBreaks("EHLO name", a.ehloName());
        noLineBreaks("pinned fingerprint", a.pinnedSha256());
        if (a.name() == null || !NAME.matcher(a.name()).matches() || a.name().endsWith(" "))
            fail("The account name must be 1 to 64 letters, digits, spaces or . _ @ + - characters, starting with a letter or digit and not ending with a space.");
        boolean direct = a.kind() == AccountKind.DIRECT;
        if (!direct && (a.host() == null || a.host().isBlank())) fail("The host of account " + a.name() + " must not be empty.");
        if (!direct && !HOST.matcher(a.host()).matches()) fail("The host \"" + a.host() + "\" is not a valid host name or IP address.");
        if (direct && a.auth() != AccountAuth.NONE) fail("Direct delivery does not log in: remove the authentication of account " + a.name() + ".");
        if (a.port() < 1 || a.port() > 65535) fail("The port must be between 1 and 65535, not " + a.port() + ".");
        if (a.security() == null) fail("The security of an account must be none, starttls or ssl.");
        if (a.auth() == null) fail("The authentication of an account must be none, plain, login, cram-md5 or xoauth2.");
        if (a.kind() == null) fail("The kind of an account must be given.");
        if (a.auth() != AccountAuth.NONE && (a.username() == null || a.username().isBlank()))
            fail("A user name is needed to log in with " + a.auth().name().toLowerCase().replace('_', '-') + ".");
        if (a.ehloName() != null && !EHLO.matcher(a.ehloName()).matches())
            fail("The EHLO name \"" + a.ehloName() + "\" must be a domain name or an address literal.");
        if (a.connections() < 1 || a.connections() > MAX_CONNECTIONS)
            fail("The number of connections must be between 1 and " + MAX_CONNECTIONS + ", not " + a.connections() + ".");
        nonNegative("messages per connection", a.messagesPerConnection());
        nonNegative("group size", a.groupSize());
        nonNegative("group interval", a.groupIntervalMillis());
        nonNegative("maximum per hour", a.maxPerHour());
        nonNegative("maximum per day", a.maxPerDay());
        if ((a.groupSize() > 0) != (a.groupIntervalMillis() > 0))
            fail("A group size and a group interval go together: give both or neither.");
        if (a.maxConnectionFailures() < 1 || a.maxConnectionFailures() > Account.MAX_CONNECTION_FAILURES_LIMIT)
            fail("The failed connections in a row before giving up must be between 1 and " + Account.MAX_CONNECTION_FAILURES_LIMIT
                    + ", not " + a.maxConnectionFailures() + ".");
        if (a.chunkingWindow() < 0 || a.chunkingWindow() > Account.MAX_CHUNKING_WINDOW)
            fail("The messages in flight per connection (CHUNKING) must be between 0 (off) and " + Account.MAX_CHUNKING_WINDOW
                    + ", not " + a.chunkingWindow() + ".");
        if (a.pinnedSha256() != null && !SHA256.matcher(a.pinnedSha256()).matches())
            fail("The pinned fingerprint must be a SHA-256 hash: 64 hexadecimal digits, colons allowed.");
    }

    private static void noLineBreaks(String what, String value) {
        // A CR, LF or NUL in a host, user or EHLO name would let a value inject SMTP commands.
        if (value != null && (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0 || value.indexOf('\0') >= 0))
            fail("The " + what + " must not contain a line break or NUL character.");
    }

    private static void nonNegative(String what, long value) {
        if (value < 0) fail("The " + what + " must not be negative (0 means no limit).");
    }

    private static void fail(String message) {
        throw new InvalidAccountException(message);
    }
}
