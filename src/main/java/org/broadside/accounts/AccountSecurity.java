package org.broadside.accounts;

/** How a connection is protected: NONE (plain, loopback only in practice), STARTTLS (required, never optional), SSL (implicit TLS, port 465). */
public enum AccountSecurity {
    NONE, STARTTLS, SSL
}
