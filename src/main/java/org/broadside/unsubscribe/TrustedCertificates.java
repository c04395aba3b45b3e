package org.broadside.unsubscribe;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;

/**
 * A TLS context that trusts exactly the certificates of a PEM file (a server with a self-signed certificate),
 * still verifying the chain and the host name. Without it, pulls use the system's trust store. A desktop keeps the
 * file it was given for a server in its data directory ({@value #FOLDER}), so the app's timed pulls trust it too;
 * a certificate is public, unlike the server's key, which stays in the credential store.
 */
public final class TrustedCertificates {
    static final String FOLDER = "server-certificates";

    private TrustedCertificates() {}

    /** Checks that the file holds certificates, then keeps a copy for this server (replacing an earlier one). */
    public static void remember(Path dataDirectory, String serverUrl, Path pemFile) throws IOException {
        of(pemFile);
        Path target = fileFor(dataDirectory, serverUrl);
        Files.createDirectories(target.getParent());
        Files.copy(pemFile, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    /** The TLS context for pulls from this server: its kept certificate, else empty (the system's trust store). */
    public static java.util.Optional<SSLContext> forServer(Path dataDirectory, String serverUrl) throws IOException {
        Path file = fileFor(dataDirectory, serverUrl);
        return Files.exists(file) ? java.util.Optional.of(of(file)) : java.util.Optional.empty();
    }

    /** Forgets the kept certificate of this server, if any. */
    public static void forget(Path dataDirectory, String serverUrl) throws IOException {
        Files.deleteIfExists(fileFor(dataDirectory, serverUrl));
    }

    /** One file per origin, named after it ("https_news.acme.example_8443.pem"). */
    static Path fileFor(Path dataDirectory, String serverUrl) {
        String origin = ServerKeys.origin(serverUrl);
        return dataDirectory.resolve(FOLDER).resolve(origin.replace("://", "_").replaceAll("[^A-Za-z0-9._-]", "_") + ".pem");
    }

    public static SSLContext of(Path pemFile) throws IOException {
        try (InputStream in = Files.newInputStream(pemFile)) {
            KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
            ks.load(null, null);
            int i = 0;
            for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) ks.setCertificateEntry("trusted-" + i++, c);
            if (i == 0) throw new IOException(pemFile + " holds no certificate");
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(ks);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, tmf.getTrustManagers(), null);
            return ctx;
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot read " + pemFile + " as PEM certificates: " + e.getMessage(), e);
        }
    }
}
