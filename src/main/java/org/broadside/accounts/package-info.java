/**
 * Sending accounts and their secrets.
 *
 * <p>An {@link org.broadside.accounts.Account} is settings only and is stored as JSON in the {@code accounts} table
 * by {@link org.broadside.accounts.AccountRepository}. Passwords and tokens never go there: they live in a
 * {@link org.broadside.accounts.CredentialStore} under {@link org.broadside.accounts.CredentialKeys}, chosen by
 * {@link org.broadside.accounts.CredentialStores}: the operating system's keyring when one answers within a time
 * limit, else {@code credentials.enc} in the data directory (AES-256-GCM, key from the user's passphrase by
 * PBKDF2-HMAC-SHA256). Once that file exists it stays the store (unless BROADSIDE_CREDENTIALS says otherwise), so
 * secrets are never split between two places. {@link org.broadside.accounts.RedactingSecrets} hides the secrets in
 * play, and their base64 forms, from anything that is logged or stored.
 *
 * <p>Nothing here depends on the SMTP client or on JavaFX; the delivery layer maps {@code AccountSecurity} and
 * {@code AccountAuth} onto its own types.
 */
package org.broadside.accounts;
