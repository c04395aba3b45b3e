package org.broadside.accounts;

import java.util.Locale;

/** Keys of secrets in a {@link CredentialStore}; names are lower-cased because account and source names are unique ignoring case. */
public final class CredentialKeys {
    private CredentialKeys() {}

    /** The password or token of a sending account. */
    public static String account(String accountName) { return "account:" + accountName.toLowerCase(Locale.ROOT); }

    /** The password of a saved contact import source (a database connection). */
    public static String importSource(String sourceName) { return "import:" + sourceName.toLowerCase(Locale.ROOT); }
}
