package org.broadside.delivery.smtp;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * Where and how to connect. The secret (password or OAuth token) is fetched only when AUTH runs and wiped
 * after use. {@code pinnedSha256} (hex, colons optional) trusts exactly that leaf certificate.
 */
public record SmtpEndpoint(String host, int port, Security security, String ehloName, AuthMechanism auth,
                           String username, Supplier<char[]> secret, String pinnedSha256) {
    public SmtpEndpoint {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(security, "security");
        auth = auth == null ? AuthMechanism.NONE : auth;
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        if (!validEhloName(ehloName)) {
            // The desktop's own host name leaks and hurts reputation; the caller must give a real domain.
            throw new IllegalArgumentException("the EHLO name must be a domain or address literal: " + ehloName);
        }
        if (auth != AuthMechanism.NONE && (username == null || secret == null)) {
            throw new IllegalArgumentException("AUTH " + auth.keyword() + " needs a username and a secret");
        }
        if (pinnedSha256 != null && Fingerprints.normalise(pinnedSha256).length() != 64) {
            throw new IllegalArgumentException("a pinned SHA-256 fingerprint has 64 hex digits");
        }
    }

    /** A plain endpoint without AUTH (loopback relays and tests). */
    public static SmtpEndpoint plain(String host, int port, String ehloName) {
        return new SmtpEndpoint(host, port, Security.NONE, ehloName, AuthMechanism.NONE, null, null, null);
    }

    public SmtpEndpoint withSecurity(Security s) {
        return new SmtpEndpoint(host, port, s, ehloName, auth, username, secret, pinnedSha256);
    }

    public SmtpEndpoint withAuth(AuthMechanism mechanism, String user, Supplier<char[]> secretSupplier) {
        return new SmtpEndpoint(host, port, security, ehloName, mechanism, user, secretSupplier, pinnedSha256);
    }

    public SmtpEndpoint withPin(String sha256) {
        return new SmtpEndpoint(host, port, security, ehloName, auth, username, secret, sha256);
    }

    @Override
    public String toString() {
        // Never print the secret supplier's contents.
        return "SmtpEndpoint[" + host + ":" + port + ", " + security + ", auth=" + auth + ", user=" + username + "]";
    }

    private static boolean validEhloName(String name) {
        if (name == null || name.isEmpty() || name.length() > 255) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.' || c == '[' || c == ']' || c == ':';
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
