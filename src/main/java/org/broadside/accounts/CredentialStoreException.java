package org.broadside.accounts;

import org.broadside.store.StoreException;

/** A credential store that cannot be opened or used, described in one sentence (the CLI prints it and exits with 2). */
public class CredentialStoreException extends StoreException {
    public CredentialStoreException(String message) { super(message); }
    public CredentialStoreException(String message, Throwable cause) { super(message, cause); }
}
