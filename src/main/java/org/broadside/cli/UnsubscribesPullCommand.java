package org.broadside.cli;

import org.broadside.accounts.CredentialStore;
import org.broadside.unsubscribe.InvalidServerSecretException;
import org.broadside.unsubscribe.PullException;
import org.broadside.unsubscribe.PullResult;
import org.broadside.unsubscribe.ServerKeys;
import org.broadside.unsubscribe.ServerSecret;
import org.broadside.unsubscribe.TrustedCertificates;
import org.broadside.unsubscribe.UnsubscribePull;
import org.broadside.unsubscribe.UnsubscribeServerRepository;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import javax.net.ssl.SSLContext;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;

/**
 * "broadside unsubscribes pull --from URL": fetches the server's new events over HTTPS, applies them by the bounce
 * rules and acknowledges them. Pulling twice applies nothing twice.
 */
@Command(name = "pull", mixinStandardHelpOptions = true,
        description = {"Fetches new unsubscribes (and undos) from a Broadside server, applies them by the bounce rules, and acknowledges them.",
                "With --save-key, first reads the key \"broadside serve --init\" showed (from BROADSIDE_SERVER_KEY or standard input) into the credential store."})
public final class UnsubscribesPullCommand extends CommandSupport implements Runnable {
    static final String KEY_ENV = "BROADSIDE_SERVER_KEY";

    @Option(names = "--from", required = true, paramLabel = "URL", description = "The server's public URL, e.g. https://news.acme.example.")
    String from;

    @Option(names = "--save-key", description = "Save the server key first (from " + KEY_ENV + ", else one line of standard input).")
    boolean saveKey;

    @Option(names = "--trust-cert", paramLabel = "FILE", description = "Trust this PEM certificate (a self-signed server) instead of the system's trust store.")
    Path trustCert;

    @Override
    public void run() {
        try {
            ServerKeys.credentialKey(from);
        } catch (IllegalArgumentException e) {
            throw new UserInputException("--from must be the server's URL, like https://news.acme.example, not \"" + from + "\".");
        }
        CredentialStore credentials = credentials();
        ServerSecret secret;
        try {
            if (saveKey) {
                secret = ServerSecret.parse(readKey());
                ServerKeys.remember(credentials, from, secret);
                new UnsubscribeServerRepository(database()).add(from);
                out().println("saved the key of " + from + " in " + credentials.description());
            } else {
                Optional<ServerSecret> found = ServerKeys.find(root().dataDirectory(), credentials, from);
                secret = found.orElseThrow(() -> new UserInputException("There is no key for " + from + " here: run this again with --save-key "
                        + "and give the key \"broadside serve --init\" showed."));
            }
        } catch (InvalidServerSecretException e) {
            throw new UserInputException("That is not a server key: " + e.getMessage() + ".", e);
        } catch (IOException e) {
            throw new UserInputException("Cannot read the server key: " + e.getMessage(), e);
        }
        SSLContext tls = null;
        if (trustCert != null) {
            try {
                tls = TrustedCertificates.of(trustCert);
                // Kept with the key, so the app's timed pulls of this self-signed server trust it too.
                if (saveKey) TrustedCertificates.remember(root().dataDirectory(), from, trustCert);
            } catch (IOException e) {
                throw new UserInputException(e.getMessage(), e);
            }
        }
        try {
            PullResult r = new UnsubscribePull(database(), tls).pull(from, secret);
            UnsubscribeServerRepository servers = new UnsubscribeServerRepository(database());
            servers.add(from);
            servers.recordPull(from, r.describe());
            out().println(r.describe());
        } catch (PullException e) {
            throw new UserInputException(e.getMessage(), e);
        }
    }

    private String readKey() throws IOException {
        String env = Environment.current().get(KEY_ENV);
        if (env != null && !env.isBlank()) return env;
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.US_ASCII));
        String line = in.readLine();
        if (line == null || line.isBlank()) throw new UserInputException("Give the server key in " + KEY_ENV + " or on standard input.");
        return line;
    }
}
