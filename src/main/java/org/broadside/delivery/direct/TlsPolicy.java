package org.broadside.delivery.direct;

/** TLS towards recipient MX hosts. */
public enum TlsPolicy {
    /**
     * STARTTLS whenever the server offers it (RFC 7435 opportunistic security). The certificate is checked
     * against the MX name and the result logged; an unverifiable certificate still gets an encrypted session
     * because the alternative would be clear text, and direct delivery sends no credentials.
     */
    OPPORTUNISTIC,
    /** STARTTLS with a certificate valid for the MX host name, or the destination is deferred: no clear text. */
    REQUIRED
}
