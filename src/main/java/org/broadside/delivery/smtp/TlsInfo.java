package org.broadside.delivery.smtp;

import java.time.Instant;

/** The negotiated TLS session and the server's leaf certificate, for the connection log and pinning. */
public record TlsInfo(String protocol, String cipherSuite, String peerSubject, String peerIssuer,
                      Instant peerNotAfter, String sha256Fingerprint) {
}
