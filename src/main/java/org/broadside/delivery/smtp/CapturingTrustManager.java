package org.broadside.delivery.smtp;

import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Checks the server's chain (JDK PKIX plus host name, or exactly the pinned leaf) and remembers a rejected
 * leaf, so the user sees the fingerprint they could pin instead of a bare handshake error.
 */
final class CapturingTrustManager extends X509ExtendedTrustManager {
    private final X509ExtendedTrustManager delegate;
    private final String pinnedSha256;
    private volatile X509Certificate rejected;
    private volatile String reason;

    CapturingTrustManager(X509ExtendedTrustManager delegate, String pinnedSha256) {
        this.delegate = delegate;
        this.pinnedSha256 = pinnedSha256;
    }

    X509Certificate rejected() {
        return rejected;
    }

    String reason() {
        return reason;
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        if (pinnedSha256 != null) {
            checkPinned(chain);
            return;
        }
        try {
            delegate.checkServerTrusted(chain, authType, socket);
        } catch (CertificateException e) {
            throw record(chain, e);
        }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        if (pinnedSha256 != null) {
            checkPinned(chain);
            return;
        }
        try {
            delegate.checkServerTrusted(chain, authType, engine);
        } catch (CertificateException e) {
            throw record(chain, e);
        }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        // Without a socket the host name cannot be checked: refuse rather than trust less.
        throw record(chain, new CertificateException("host name cannot be verified"));
    }

    private void checkPinned(X509Certificate[] chain) throws CertificateException {
        // A pin trusts exactly one leaf certificate, whatever its issuer or name, and nothing else.
        if (chain == null || chain.length == 0 || !Fingerprints.matches(chain[0], pinnedSha256)) {
            throw record(chain, new CertificateException("the certificate does not match the pinned fingerprint"));
        }
    }

    private CertificateException record(X509Certificate[] chain, CertificateException e) {
        if (chain != null && chain.length > 0) {
            rejected = chain[0];
        }
        reason = explain(e);
        return e;
    }

    private static String explain(CertificateException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof CertificateExpiredException) {
                return "the certificate has expired";
            }
        }
        String m = String.valueOf(e.getMessage());
        if (m.contains("No subject alternative") || m.contains("No name matching")) {
            return "the certificate was issued for a different host name";
        }
        if (m.contains("PKIX path") || m.contains("certification path")) {
            return "the certificate is not signed by a trusted authority (self-signed or unknown issuer)";
        }
        return m;
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        throw new CertificateException("not a server");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        throw new CertificateException("not a server");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("not a server");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return delegate.getAcceptedIssuers();
    }
}
