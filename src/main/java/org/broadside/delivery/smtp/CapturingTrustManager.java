package org.broadside.delivery.smtp;

import java.net.Socket;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
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
            throw record(chain, authType, e);
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
            throw record(chain, authType, e);
        }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        // Without a socket the host name cannot be checked: refuse rather than trust less.
        throw record(chain, null, new CertificateException("host name cannot be verified"));
    }

    private void checkPinned(X509Certificate[] chain) throws CertificateException {
        // A pin trusts exactly one leaf certificate, whatever its issuer or name, and nothing else.
        if (chain == null || chain.length == 0 || !Fingerprints.matches(chain[0], pinnedSha256)) {
            throw record(chain, null, new CertificateException("the certificate does not match the pinned fingerprint"));
        }
    }

    private CertificateException record(X509Certificate[] chain, String authType, CertificateException e) {
        if (chain != null && chain.length > 0) {
            rejected = chain[0];
        }
        reason = explain(chain, authType, e);
        return e;
    }

    /**
     * Why the chain was refused, read from the exception's types (and one re-check), never from its wording:
     * the JDK's messages change between releases and locales.
     */
    private String explain(X509Certificate[] chain, String authType, CertificateException e) {
        if (TlsFailures.causedBy(e, CertificateExpiredException.class)) {
            return "the certificate has expired";
        }
        if (TlsFailures.causedBy(e, CertPathBuilderException.class) || TlsFailures.causedBy(e, CertPathValidatorException.class)) {
            return "the certificate is not signed by a trusted authority (self-signed or unknown issuer)";
        }
        if (authType != null && trustedIgnoringHostName(chain, authType)) {
            // The chain is good on its own; what failed was the endpoint identification against the host name.
            return "the certificate was issued for a different host name";
        }
        return e.getMessage();
    }

    private boolean trustedIgnoringHostName(X509Certificate[] chain, String authType) {
        try {
            delegate.checkServerTrusted(chain, authType); // the two-argument form does no host name check
            return true;
        } catch (CertificateException | RuntimeException ignored) {
            return false;
        }
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
