package org.broadside.cli;

import org.broadside.accounts.Account;
import org.broadside.accounts.AccountAuth;
import org.broadside.accounts.AccountKind;
import org.broadside.accounts.AccountPreset;
import org.broadside.accounts.AccountPresets;
import org.broadside.accounts.AccountRepository;
import org.broadside.accounts.AccountSecurity;
import org.broadside.accounts.CredentialKeys;
import org.broadside.accounts.CredentialStore;
import org.broadside.accounts.InvalidAccountException;
import org.broadside.accounts.Secrets;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.TypeConversionException;

import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** "broadside account add NAME ...": adds an account or updates the one with that name; options not given keep their value. */
@Command(name = "add", sortOptions = false, mixinStandardHelpOptions = true,
        description = {"Adds a sending account, or updates the account with this name (options not given keep their value).",
                "The password comes from the environment variable named by --password-env, never from the command line: "
                        + "arguments are visible to other users of the computer (ps) and stay in the shell history."})
public final class AccountAddCommand extends CommandSupport implements Runnable {
    @Parameters(index = "0", paramLabel = "NAME", description = "Name of the account (letters, digits, spaces, . _ @ + -).")
    String name;

    @Option(names = "--direct", description = "Deliver straight to each recipient domain's MX (no relay; DKIM strongly advised). --security starttls then requires TLS; otherwise STARTTLS is used when offered.")
    boolean direct;

    @Option(names = "--preset", paramLabel = "PRESET", completionCandidates = PresetIds.class,
            description = "Fill in server, security, login and limits of a provider: ${COMPLETION-CANDIDATES}. Other options override it.")
    String preset;

    @Option(names = "--host", paramLabel = "HOST", description = "SMTP server.")
    String host;

    @Option(names = "--port", paramLabel = "PORT", description = "Port: 587 for starttls, 465 for ssl.")
    Integer port;

    @Option(names = "--security", paramLabel = "none|starttls|ssl", converter = SecurityConverter.class,
            description = "starttls is required when chosen (no fallback to plain text); ssl is implicit TLS.")
    AccountSecurity security;

    @Option(names = "--auth", paramLabel = "none|plain|login|cram-md5|xoauth2", converter = AuthConverter.class,
            description = "How to log in; xoauth2 takes an OAuth access token as its password.")
    AccountAuth auth;

    @Option(names = "--user", paramLabel = "USER", description = "User name for the login.")
    String user;

    @Option(names = "--password-env", paramLabel = "VAR",
            description = "Name of the environment variable holding the password or token, e.g. --password-env SMTP_PASSWORD. "
                    + "It is kept in the system keyring, or in the encrypted credential file (passphrase from BROADSIDE_PASSPHRASE).")
    String passwordEnv;

    @Option(names = "--ehlo", paramLabel = "NAME", description = "Name to give in EHLO (default: the domain of the From address).")
    String ehlo;

    @Option(names = "--connections", paramLabel = "N", description = "Parallel connections, 1 to 64.")
    Integer connections;

    @Option(names = "--per-connection", paramLabel = "N", description = "Messages per connection before reconnecting (0: no limit).")
    Integer perConnection;

    @Option(names = "--group", paramLabel = "N", description = "Pause after every N messages (with --interval-ms; 0: no pause).")
    Integer group;

    @Option(names = "--interval-ms", paramLabel = "N", description = "Length of that pause in milliseconds.")
    Long intervalMillis;

    @Option(names = "--max-per-hour", paramLabel = "N", description = "At most N messages an hour (0: unlimited).")
    Integer maxPerHour;

    @Option(names = "--max-per-day", paramLabel = "N", description = "At most N messages a day (0: unlimited).")
    Integer maxPerDay;

    @Option(names = "--max-connection-failures", paramLabel = "N",
            description = "Failed connections in a row after which a send stops trying this account and pauses when no account is left (default 5).")
    Integer maxConnectionFailures;

    @Option(names = "--chunking-window", paramLabel = "N",
            description = "Messages in flight per connection with BDAT when the server offers CHUNKING and PIPELINING (0: off, send with DATA; default 4).")
    Integer chunkingWindow;

    @Option(names = "--pin-fingerprint", paramLabel = "SHA256",
            description = "Accept only the server certificate with this SHA-256 fingerprint (for a self-signed server you checked).")
    String pinFingerprint;

    @Override
    public void run() {
        Map<String, String> env = Environment.current();
        AccountRepository repository = AccountCommand.repository(this);
        Optional<Account> existing = repository.find(name);
        Account account = build(existing);
        char[] secret = passwordEnv == null ? null : Environment.secret(env, passwordEnv);
        try {
            if (secret != null && account.auth() == AccountAuth.NONE)
                throw new UserInputException("--password-env needs a login: add --auth plain, login, cram-md5 or xoauth2.");
            boolean loginDropped = existing.isPresent() && existing.get().auth() != AccountAuth.NONE && account.auth() == AccountAuth.NONE;
            // The secret is stored before the settings: a failure leaves at worst an unused secret, never an account
            // whose password silently went missing.
            CredentialStore credentials = secret != null || loginDropped ? AccountCommand.credentials(this) : null;
            if (secret != null) credentials.put(CredentialKeys.account(account.name()), secret);
            if (loginDropped) credentials.delete(CredentialKeys.account(account.name()));
            boolean created = repository.save(account);
            out().println((created ? "added" : "updated") + " account " + account.name()
                    + (secret != null ? "; password kept in " + credentials.description() : ""));
            if (created && secret == null && account.auth() != AccountAuth.NONE)
                out().println("No password stored yet: run this again with --password-env VAR.");
        } finally {
            Secrets.wipe(secret);
        }
    }

    private Account build(Optional<Account> existing) {
        Account.Builder b;
        if (preset != null) {
            AccountPreset p = AccountPresets.find(preset).orElseThrow(() -> new UserInputException(
                    "Unknown preset \"" + preset + "\"; choose one of " + String.join(", ", AccountPresets.ids()) + "."));
            b = p.builder(name);
            // Switching an account to a preset keeps who logs in unless the provider fixes the user name.
            if (p.username() == null) existing.map(Account::username).ifPresent(b::username);
            existing.map(Account::maxConnectionFailures).ifPresent(b::maxConnectionFailures);
        } else {
            b = existing.map(Account::toBuilder).orElseGet(() -> Account.builder(name));
        }
        b.name(name);
        if (host != null) b.host(host);
        if (port != null) b.port(port);
        if (security != null) b.security(security);
        if (auth != null) b.auth(auth);
        if (user != null) b.username(user);
        if (ehlo != null) b.ehloName(ehlo);
        if (connections != null) b.connections(connections);
        if (perConnection != null) b.messagesPerConnection(perConnection);
        if (group != null) b.groupSize(group);
        if (intervalMillis != null) b.groupIntervalMillis(intervalMillis);
        if (maxPerHour != null) b.maxPerHour(maxPerHour);
        if (maxPerDay != null) b.maxPerDay(maxPerDay);
        if (pinFingerprint != null) b.pinnedSha256(pinFingerprint);
        if (maxConnectionFailures != null) b.maxConnectionFailures(maxConnectionFailures);
        if (chunkingWindow != null) b.chunkingWindow(chunkingWindow);
        if (direct) {
            b.kind(AccountKind.DIRECT).host("").port(25);
            if (security == null) b.security(AccountSecurity.NONE);
        }
        if (b.host() == null) throw new UserInputException("Give the SMTP server with --host, choose a --preset, or deliver --direct.");
        try {
            return b.build();
        } catch (InvalidAccountException e) {
            throw new UserInputException(e.getMessage(), e);
        }
    }


    /** The preset ids for help and completion. */
    static final class PresetIds implements Iterable<String> {
        @Override
        public Iterator<String> iterator() { return AccountPresets.ids().iterator(); }
    }

    /** "starttls" and friends. */
    static final class SecurityConverter implements ITypeConverter<AccountSecurity> {
        @Override
        public AccountSecurity convert(String value) {
            try {
                return AccountSecurity.valueOf(value.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException("security must be none, starttls or ssl, not '" + value + "'");
            }
        }
    }

    /** "cram-md5" as users type it. */
    static final class AuthConverter implements ITypeConverter<AccountAuth> {
        @Override
        public AccountAuth convert(String value) {
            try {
                return AccountAuth.valueOf(value.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException("auth must be none, plain, login, cram-md5 or xoauth2, not '" + value + "'");
            }
        }
    }
}
