package org.broadside.unsubscribe;

import org.broadside.accounts.CredentialStore;
import org.broadside.store.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Pulls every server this desktop knows ({@link UnsubscribeServerRepository}) once, for the app's timer and its
 * menu item. A server without a key here, or one that cannot be reached, is noted and skipped; the others still run.
 */
public final class ServerPulls {
    private static final Logger LOG = LoggerFactory.getLogger(ServerPulls.class);

    private final Database db;
    private final Supplier<CredentialStore> credentials;
    private final UnsubscribeServerRepository servers;

    /** @param credentials opened only when a server needs its key from the credential store */
    public ServerPulls(Database db, Supplier<CredentialStore> credentials) {
        this.db = db;
        this.credentials = credentials;
        this.servers = new UnsubscribeServerRepository(db);
    }

    /** One sentence per server: what the pull did, or why it did not. Empty when no server is set up. */
    public List<String> pullAll() {
        List<String> out = new ArrayList<>();
        for (UnsubscribeServerRepository.PulledServer s : servers.list()) out.add(s.url() + ": " + pull(s.url()));
        return out;
    }

    /**
     * Pulls one known server (with its kept certificate, if one was given for it) and notes the outcome: the
     * sentence saying what the pull did, or "Failed: " and why.
     */
    public String pull(String url) {
        String result;
        try {
            Optional<ServerSecret> secret = ServerKeys.find(db.directory(), credentials, url);
            if (secret.isEmpty()) {
                result = "no key saved for this server";
            } else {
                result = new UnsubscribePull(db, TrustedCertificates.forServer(db.directory(), url).orElse(null)).pull(url, secret.get()).describe();
            }
        } catch (PullException | IOException | RuntimeException e) {
            result = "Failed: " + e.getMessage();
            LOG.warn("Pulling unsubscribes from {} failed: {}", url, e.getMessage());
        }
        servers.recordPull(url, result);
        return result;
    }
}
