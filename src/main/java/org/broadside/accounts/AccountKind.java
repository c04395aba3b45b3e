package org.broadside.accounts;

/**
 * How an account delivers. RELAY submits everything to one server; a later DIRECT kind (MX lookup per
 * domain) gets its own constant here, which is why the kind is stored with every account.
 */
public enum AccountKind {
    RELAY
}
