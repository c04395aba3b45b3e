package org.broadside.accounts;

/**
 * How an account delivers. RELAY submits everything to one server; DIRECT looks up each recipient domain's MX
 * and delivers there itself (no host of its own; security NONE means opportunistic STARTTLS, STARTTLS requires it).
 */
public enum AccountKind {
    RELAY,
    DIRECT
}
