package org.broadside.delivery.smtp;

/** How the connection is protected: plain, STARTTLS (required, never falls back to clear), or implicit TLS (port 465). */
public enum Security {
    /** Plain text; never upgrades. Only for loopback relays and tests. */
    NONE,
    /** STARTTLS is required: if the server does not offer it, stop before AUTH and before any message. */
    STARTTLS,
    /** STARTTLS when the server offers it, plain otherwise (direct delivery to port 25). Certificates are still verified. */
    STARTTLS_IF_OFFERED,
    /** Implicit TLS from the first byte (RFC 8314, port 465). */
    SSL
}
