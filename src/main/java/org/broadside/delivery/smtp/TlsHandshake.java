package org.broadside.delivery.smtp;

import java.io.IOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/** Layers TLS 1.2+ over a connected socket with chain and host-name verification (or an exact pin). */
final class TlsHandshake {
    private TlsHandshake() {
    }

    static SSLSocket upgrade(Socket plain, SmtpEndpoint e, TrustSource trust, int timeoutMs, Stage stage)
            throws SmtpException {
        CapturingTrustManager capture = null;
        SSLSocket socket;
        try {
            SSLContext ctx;
            if (trust.context != null) {
                ctx = trust.context;
            } else {
                capture = new CapturingTrustManager(defaultTrustManager(trust), e.pinnedSha256());
                ctx = SSLContext.getInstance("TLS");
                ctx.init(null, new TrustManager[] {capture}, null);
            }
            socket = (SSLSocket) ctx.getSocketFactory().createSocket(plain, e.host(), e.port(), true);
            SSLParameters params = socket.getSSLParameters();
            // SMTP uses the same DNS-name matching as HTTPS (RFC 6125); a pin replaces name checks.
            params.setEndpointIdentificationAlgorithm(e.pinnedSha256() == null ? "HTTPS" : null);
            params.setProtocols(modernProtocols(socket.getSupportedProtocols()));
            socket.setSSLParameters(params);
            socket.setSoTimeout(timeoutMs);
            socket.startHandshake();
            return socket;
        } catch (GeneralSecurityException ex) {
            throw new SmtpConnectionLostException("TLS could not be set up: " + ex.getMessage(), stage, false, null, ex);
        } catch (SocketTimeoutException ex) {
            throw new SmtpTimeoutException("the TLS handshake did not finish within " + timeoutMs / 1000 + " s",
                    stage, false, null, ex);
        } catch (SSLHandshakeException ex) {
            X509Certificate leaf = capture == null ? null : capture.rejected();
            if (leaf != null) {
                throw new CertificateRejectedException(stage, Fingerprints.sha256(leaf),
                        leaf.getSubjectX500Principal().getName(), leaf.getIssuerX500Principal().getName(),
                        capture.reason(), ex);
            }
            if (trust.context != null && TlsFailures.causedBy(ex, java.security.cert.CertificateException.class)) {
                throw new CertificateRejectedException(stage, "unknown", "unknown", "unknown", ex.getMessage(), ex);
            }
            throw new SmtpConnectionLostException("the TLS handshake failed: " + ex.getMessage(), stage, false, null, ex);
        } catch (IOException ex) {
            throw new SmtpConnectionLostException("the TLS handshake failed: " + ex.getMessage(), stage, false, null, ex);
        }
    }

    static TlsInfo describe(SSLSocket socket) {
        SSLSession s = socket.getSession();
        try {
            X509Certificate leaf = (X509Certificate) s.getPeerCertificates()[0];
            return new TlsInfo(s.getProtocol(), s.getCipherSuite(), leaf.getSubjectX500Principal().getName(),
                    leaf.getIssuerX500Principal().getName(), leaf.getNotAfter().toInstant(), Fingerprints.sha256(leaf));
        } catch (IOException e) {
            return new TlsInfo(s.getProtocol(), s.getCipherSuite(), null, null, null, null);
        }
    }

    private static X509ExtendedTrustManager defaultTrustManager(TrustSource trust) throws GeneralSecurityException {
        TrustManagerFactory f = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        f.init(trust.trustStore);
        for (TrustManager tm : f.getTrustManagers()) {
            if (tm instanceof X509ExtendedTrustManager x) {
                return x;
            }
        }
        throw new GeneralSecurityException("no X509 trust manager available");
    }

    private static String[] modernProtocols(String[] supported) {
        List<String> ok = new ArrayList<>();
        for (String p : supported) {
            if (p.equals("TLSv1.3") || p.equals("TLSv1.2")) {
                ok.add(p);
            }
        }
        return ok.toArray(new String[0]);
    }
}
