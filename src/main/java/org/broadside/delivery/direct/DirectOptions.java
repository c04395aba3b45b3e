package org.broadside.delivery.direct;

import java.security.KeyStore;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.function.ToIntFunction;
import org.broadside.delivery.smtp.SmtpTimeouts;

/**
 * Settings of direct delivery. {@code portForHost} and a loopback-allowing {@link TargetPolicy} exist for tests
 * only (scripted servers stand in for MX hosts); {@code trustStore} null means the JDK's CA certificates.
 *
 * @param maxConnectionsPerDestination open connections to one recipient domain across all sessions of the run
 * @param openDestinationsPerSession   idle connections one session keeps for recently used domains
 */
public record DirectOptions(String ehloName, TlsPolicy tls, int maxConnectionsPerDestination,
                            int openDestinationsPerSession, Duration firstBackoff, Duration maxBackoff,
                            SmtpTimeouts timeouts, TargetPolicy targetPolicy, ToIntFunction<String> portForHost,
                            KeyStore trustStore) {
    public static final int SMTP_PORT = 25;

    public DirectOptions {
        Objects.requireNonNull(ehloName, "ehloName");
        Objects.requireNonNull(tls, "tls");
        Objects.requireNonNull(timeouts, "timeouts");
        Objects.requireNonNull(targetPolicy, "targetPolicy");
        Objects.requireNonNull(portForHost, "portForHost");
        if (maxConnectionsPerDestination < 1 || openDestinationsPerSession < 1) {
            throw new IllegalArgumentException("connection limits must be at least 1");
        }
    }

    /** Port 25, opportunistic TLS, 2 connections per destination, 16 open destinations per session, 1 min to 1 h back-off. */
    public static DirectOptions defaults(String ehloName) {
        return new DirectOptions(ehloName, TlsPolicy.OPPORTUNISTIC, 2, 16, Duration.ofMinutes(1), Duration.ofHours(1),
                SmtpTimeouts.rfc5321(), TargetPolicy.standard(), host -> SMTP_PORT, null);
    }

    public DirectOptions withTls(TlsPolicy policy) {
        return new DirectOptions(ehloName, policy, maxConnectionsPerDestination, openDestinationsPerSession, firstBackoff,
                maxBackoff, timeouts, targetPolicy, portForHost, trustStore);
    }

    public DirectOptions withLimits(int perDestination, int openPerSession) {
        return new DirectOptions(ehloName, tls, perDestination, openPerSession, firstBackoff, maxBackoff, timeouts,
                targetPolicy, portForHost, trustStore);
    }

    public DirectOptions withBackoff(Duration first, Duration max) {
        return new DirectOptions(ehloName, tls, maxConnectionsPerDestination, openDestinationsPerSession, first, max,
                timeouts, targetPolicy, portForHost, trustStore);
    }

    public DirectOptions withTimeouts(SmtpTimeouts t) {
        return new DirectOptions(ehloName, tls, maxConnectionsPerDestination, openDestinationsPerSession, firstBackoff,
                maxBackoff, t, targetPolicy, portForHost, trustStore);
    }

    /**
     * Tests only: loopback targets allowed, MX host names mapped to the ports of scripted servers (others get 25),
     * certificates trusted from {@code trust} (may be null).
     */
    public DirectOptions forTests(Map<String, Integer> portByMxHost, KeyStore trust) {
        Map<String, Integer> ports = Map.copyOf(portByMxHost);
        return new DirectOptions(ehloName, tls, maxConnectionsPerDestination, openDestinationsPerSession, firstBackoff,
                maxBackoff, timeouts, TargetPolicy.allowingLoopbackForTests(), host -> ports.getOrDefault(host, SMTP_PORT),
                trust);
    }
}
