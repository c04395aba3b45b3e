package org.broadside.accounts;

import java.util.Locale;

/**
 * A sending account: where to connect, how to log in and how fast to send. Holds no secret; the
 * password or token lives in a {@link CredentialStore} under {@link CredentialKeys#account(String)}.
 *
 * @param ehloName            the name given in EHLO, or null to use the From domain (never the desktop's host name)
 * @param connections         parallel connections, 1 to 64
 * @param messagesPerConnection messages sent before a connection is closed and reopened; 0 = no limit
 * @param groupSize           after this many messages through the account, pause (MaxBulk's Group); 0 = never
 * @param groupIntervalMillis the length of that pause (MaxBulk's Interval)
 * @param maxPerHour          0 = unlimited
 * @param maxPerDay           0 = unlimited
 * @param pinnedSha256        SHA-256 of a certificate the user confirmed (lower-case hex), or null to rely on the trust store
 * @param maxConnectionFailures failed connections in a row after which a run stops trying this account (and pauses
 *                            when no account is left), 1 to {@link #MAX_CONNECTION_FAILURES_LIMIT}
 * @param chunkingWindow      messages kept in flight per connection with BDAT when the server offers CHUNKING and
 *                            PIPELINING (ADR 0021), 1 to {@link #MAX_CHUNKING_WINDOW}; 0 sends every message with DATA
 */
public record Account(String name, String host, int port, AccountSecurity security, AccountAuth auth,
                      String username, String ehloName, int connections, int messagesPerConnection,
                      int groupSize, long groupIntervalMillis, int maxPerHour, int maxPerDay,
                      String pinnedSha256, AccountKind kind, int maxConnectionFailures, int chunkingWindow) {
    /** The default of {@link #chunkingWindow()}: four messages per round trip, at most four in doubt after a kill. */
    public static final int DEFAULT_CHUNKING_WINDOW = 4;
    public static final int MAX_CHUNKING_WINDOW = 32;
    /** The default of {@link #maxConnectionFailures()}: with back-off doubling from 1 s, about 15 s of trying. */
    public static final int DEFAULT_MAX_CONNECTION_FAILURES = 5;
    public static final int MAX_CONNECTION_FAILURES_LIMIT = 100;

    /** Validates; throws {@link InvalidAccountException} with a sentence for the user. */
    public Account(String name, String host, int port, AccountSecurity security, AccountAuth auth,
                   String username, String ehloName, int connections, int messagesPerConnection,
                   int groupSize, long groupIntervalMillis, int maxPerHour, int maxPerDay,
                   String pinnedSha256, AccountKind kind, int maxConnectionFailures, int chunkingWindow) {
        // Not a compact constructor: validation reads the finished record through its accessors.
        this.name = name;
        this.host = host;
        this.port = port;
        this.security = security;
        this.auth = auth;
        this.username = emptyToNull(username);
        this.ehloName = emptyToNull(ehloName);
        this.connections = connections;
        this.messagesPerConnection = messagesPerConnection;
        this.groupSize = groupSize;
        this.groupIntervalMillis = groupIntervalMillis;
        this.maxPerHour = maxPerHour;
        this.maxPerDay = maxPerDay;
        this.pinnedSha256 = normalizeFingerprint(pinnedSha256);
        this.kind = kind;
        this.maxConnectionFailures = maxConnectionFailures;
        this.chunkingWindow = chunkingWindow;
        AccountValidation.check(this);
    }

    public static Builder builder(String name) { return new Builder().name(name); }

    public Builder toBuilder() {
        return new Builder().name(name).host(host).port(port).security(security).auth(auth).username(username)
                .ehloName(ehloName).connections(connections).messagesPerConnection(messagesPerConnection)
                .group(groupSize, groupIntervalMillis).maxPerHour(maxPerHour).maxPerDay(maxPerDay)
                .pinnedSha256(pinnedSha256).kind(kind).maxConnectionFailures(maxConnectionFailures).chunkingWindow(chunkingWindow);
    }

    /** "AA:BB:..." as shown by browsers and openssl becomes "aabb..."; anything else is left for validation to reject. */
    static String normalizeFingerprint(String value) {
        if (value == null || value.isBlank()) return null;
        return value.strip().replace(":", "").toLowerCase(Locale.ROOT);
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    /** Collects settings step by step (presets, the CLI, the GUI form); {@link #build()} validates. */
    public static final class Builder {
        private String name;
        private String host;
        private int port = 587;
        private AccountSecurity security = AccountSecurity.STARTTLS;
        private AccountAuth auth = AccountAuth.NONE;
        private String username;
        private String ehloName;
        private int connections = 1;
        private int messagesPerConnection = 100;
        private int groupSize;
        private long groupIntervalMillis;
        private int maxPerHour;
        private int maxPerDay;
        private String pinnedSha256;
        private AccountKind kind = AccountKind.RELAY;
        private int maxConnectionFailures = DEFAULT_MAX_CONNECTION_FAILURES;
        private int chunkingWindow = DEFAULT_CHUNKING_WINDOW;

        public Builder name(String v) { name = v; return this; }
        public Builder host(String v) { host = v; return this; }
        public Builder port(int v) { port = v; return this; }
        public Builder security(AccountSecurity v) { security = v; return this; }
        public Builder auth(AccountAuth v) { auth = v; return this; }
        public Builder username(String v) { username = v; return this; }
        public Builder ehloName(String v) { ehloName = v; return this; }
        public Builder connections(int v) { connections = v; return this; }
        public Builder messagesPerConnection(int v) { messagesPerConnection = v; return this; }
        public Builder group(int size, long intervalMillis) { groupSize = size; groupIntervalMillis = intervalMillis; return this; }
        public Builder groupSize(int v) { groupSize = v; return this; }
        public Builder groupIntervalMillis(long v) { groupIntervalMillis = v; return this; }
        public Builder maxPerHour(int v) { maxPerHour = v; return this; }
        public Builder maxPerDay(int v) { maxPerDay = v; return this; }
        public Builder pinnedSha256(String v) { pinnedSha256 = v; return this; }
        public Builder kind(AccountKind v) { kind = v; return this; }
        public Builder maxConnectionFailures(int v) { maxConnectionFailures = v; return this; }
        public Builder chunkingWindow(int v) { chunkingWindow = v; return this; }

        public String host() { return host; }
        public AccountAuth auth() { return auth; }

        public Account build() {
            return new Account(name, host, port, security, auth, username, ehloName, connections, messagesPerConnection,
                    groupSize, groupIntervalMillis, maxPerHour, maxPerDay, pinnedSha256, kind, maxConnectionFailures,
                    chunkingWindow);
        }
    }
}
