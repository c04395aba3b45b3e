package org.broadside.unsubscribe;

import org.broadside.accounts.CredentialStore;
import org.broadside.store.Database;

import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * Adding and removing a server this desktop pulls from, as the app does it: the address in the store, the key in
 * the credential store (as {@code unsubscribes pull --save-key} keeps it; never in the store or a log), a certificate
 * to trust in the data directory. A server is added only once it has answered with the key.
 */
public final class KnownServers {
    private final Database db;
    private final Supplier<CredentialStore> credentials;
    private final UnsubscribeServerRepository servers;

    /** @param credentials opened only when a key is saved or removed */
    public KnownServers(Database db, Supplier<CredentialStore> credentials) {
        this.db = db;
        this.credentials = credentials;
        this.servers = new UnsubscribeServerRepository(db);
    }

    /**
     * Tests the server with the key (nothing is applied or acknowledged), then saves all three. Talks to the network:
     * call it off the UI thread.
     *
     * @param url         checked by {@link ServerAddress#check}
     * @param certificate a PEM file to trust for a self-signed server; null: the system's trust store
     * @throws IOException   the certificate file cannot be read as certificates
     * @throws PullException the server cannot be reached, is not trusted or refuses the key; nothing was saved
     */
    public void add(String url, ServerSecret secret, Path certificate) throws IOException, PullException {
        String address = ServerAddress.check(url);
        SSLContext tls = certificate == null ? null : TrustedCertificates.of(certificate);
        new UnsubscribePull(db, tls).check(address, secret);
        if (certificate != null) TrustedCertificates.remember(db.directory(), address, certificate);
        else TrustedCertificates.forget(db.directory(), address);
        ServerKeys.remember(credentials.get(), address, secret);
        servers.add(address);
    }

    /** Forgets the server, its key and its certificate. */
    public void remove(String url) throws IOException {
        ServerKeys.forget(credentials.get(), url);
        TrustedCertificates.forget(db.directory(), url);
        servers.remove(url);
    }
}
