package org.broadside.compose;

import org.broadside.accounts.Account;
import org.broadside.accounts.AccountAuth;
import org.broadside.accounts.AccountKind;
import org.broadside.deliverability.dns.DnsjavaLookup;
import org.broadside.delivery.direct.DirectMessenger;
import org.broadside.delivery.direct.DirectOptions;
import org.broadside.delivery.direct.TlsPolicy;
import org.broadside.accounts.AccountSecurity;
import org.broadside.accounts.CredentialKeys;
import org.broadside.accounts.CredentialStore;
import org.broadside.delivery.AccountLane;
import org.broadside.delivery.Messenger;
import org.broadside.delivery.SmtpMessenger;
import org.broadside.delivery.smtp.AuthMechanism;
import org.broadside.delivery.smtp.Security;
import org.broadside.delivery.smtp.SmtpEndpoint;
import org.broadside.delivery.smtp.SmtpTimeouts;

import java.util.Optional;

/** Turns a stored account and its secret into what the engine drives. */
public final class AccountLanes {
    /** One resolver for the application, made on first direct use: its cache and limits are shared by every session. */
    private static final class Dns {
        static final DnsjavaLookup LOOKUP = DnsjavaLookup.system();
    }

    private AccountLanes() {}

    /**
     * @param fromDomain the campaign's From domain: the EHLO name when the account sets none (never the desktop's host name)
     */
    public static AccountLane lane(Account account, CredentialStore credentials, String fromDomain, int weight) throws ComposeException {
        boolean direct = account.kind() == AccountKind.DIRECT;
        return new AccountLane(account.name(), messenger(account, credentials, fromDomain), account.connections(),
                // A direct session pools one connection per destination; closing it after N messages would drop them all.
                direct ? 0 : account.messagesPerConnection(), account.groupSize(), account.groupIntervalMillis(), account.maxPerHour(),
                account.maxPerDay(), weight, account.maxConnectionFailures(), 0);
    }

    public static Messenger messenger(Account account, CredentialStore credentials, String fromDomain) throws ComposeException {
        if (account.kind() == AccountKind.DIRECT) {
            String ehlo = account.ehloName() != null ? account.ehloName() : fromDomain;
            DirectOptions options = DirectOptions.defaults(ehlo);
            if (account.security() != AccountSecurity.NONE) options = options.withTls(TlsPolicy.REQUIRED);
            return new DirectMessenger(Dns.LOOKUP, options);
        }
        return new SmtpMessenger(endpoint(account, credentials, fromDomain), SmtpTimeouts.rfc5321(), null, account.chunkingWindow());
    }

    public static SmtpEndpoint endpoint(Account account, CredentialStore credentials, String fromDomain) throws ComposeException {
        String ehlo = account.ehloName() != null ? account.ehloName() : fromDomain;
        SmtpEndpoint endpoint;
        try {
            endpoint = new SmtpEndpoint(account.host(), account.port(), security(account.security()), ehlo, AuthMechanism.NONE,
                    null, null, account.pinnedSha256());
        } catch (IllegalArgumentException e) {
            throw new ComposeException("Account " + account.name() + " cannot be used: " + e.getMessage(), e);
        }
        if (account.auth() == AccountAuth.NONE) return endpoint;
        if (credentials == null) throw new ComposeException("Account " + account.name() + " logs in, but no credential store is open.");
        String key = CredentialKeys.account(account.name());
        Optional<char[]> probe = credentials.get(key);
        if (probe.isEmpty()) {
            throw new ComposeException("No password is stored for account " + account.name()
                    + "; set it with 'broadside account add " + account.name() + " ... --password-env VAR' or in the account manager.");
        }
        java.util.Arrays.fill(probe.get(), '\0');
        // Fetched again for each connection at AUTH time, so the secret is held only for the moment it is used.
        return endpoint.withAuth(mechanism(account.auth()), account.username(), () -> credentials.get(key).orElse(new char[0]));
    }

    static Security security(AccountSecurity s) {
        return switch (s) {
            case NONE -> Security.NONE;
            case STARTTLS -> Security.STARTTLS;
            case SSL -> Security.SSL;
        };
    }

    static AuthMechanism mechanism(AccountAuth a) {
        return switch (a) {
            case NONE -> AuthMechanism.NONE;
            case PLAIN -> AuthMechanism.PLAIN;
            case LOGIN -> AuthMechanism.LOGIN;
            case CRAM_MD5 -> AuthMechanism.CRAM_MD5;
            case XOAUTH2 -> AuthMechanism.XOAUTH2;
        };
    }
}
