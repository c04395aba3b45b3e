package org.broadside.accounts;

/** The SASL mechanism an account logs in with; XOAUTH2 uses an access token as its secret. */
public enum AccountAuth {
    NONE, PLAIN, LOGIN, CRAM_MD5, XOAUTH2
}
