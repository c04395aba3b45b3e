package org.broadside.delivery.smtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.Socket;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;
import org.junit.jupiter.api.Test;

/**
 * Why a certificate was refused is read from exception types and a re-check, never from the JDK's wording: each
 * refusal here is worded in a way the old text tests ("PKIX path", "No subject alternative") did not know.
 */
class CertificateReasonsTest {

    /** A JDK-like trust manager: the chain check (two arguments) and the host check (with a socket) fail as told. */
    private static final class Refusing extends X509ExtendedTrustManager {
        private final CertificateException chainFailure;
        private final CertificateException hostFailure;

        Refusing(CertificateException chainFailure, CertificateException hostFailure) {
            this.chainFailure = chainFailure;
            this.hostFailure = hostFailure;
        }

        @Override public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            if (chainFailure != null) throw chainFailure;
        }
        @Override public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
            checkServerTrusted(chain, authType);
            if (hostFailure != null) throw hostFailure;
        }
        @Override public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
            checkServerTrusted(chain, authType, (Socket) null);
        }
        @Override public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {}
        @Override public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}
        @Override public void checkClientTrusted(X509Certificate[] chain, String authType) {}
        @Override public X509Certificate[] getAcceptedIssuers() { return new X509Certificate[0]; }
    }

    private static String reasonFor(Refusing delegate) {
        var capture = new CapturingTrustManager(delegate, null);
        assertThatThrownBy(() -> capture.checkServerTrusted(new X509Certificate[0], "RSA", (Socket) null))
                .isInstanceOf(CertificateException.class);
        return capture.reason();
    }

    @Test
    void anUnknownIssuerIsToldByTheCertPathFailureInTheCauseChain() {
        var untrusted = new CertificateException("Validierung fehlgeschlagen", new CertPathBuilderException("kein Pfad"));
        assertThat(reasonFor(new Refusing(untrusted, null))).contains("not signed by a trusted authority");
    }

    @Test
    void anExpiredCertificateIsToldByItsType() {
        var expired = new CertificateException("Gültigkeit", new CertificateExpiredException("abgelaufen"));
        assertThat(reasonFor(new Refusing(expired, null))).isEqualTo("the certificate has expired");
    }

    @Test
    void aGoodChainRefusedOnlyWithTheHostIsAWrongHostName() {
        var host = new CertificateException("Kein passender Name");
        assertThat(reasonFor(new Refusing(null, host))).isEqualTo("the certificate was issued for a different host name");
    }

    @Test
    void anythingElseKeepsItsOwnWords() {
        var other = new CertificateException("algorithm constraints check failed");
        assertThat(reasonFor(new Refusing(other, null))).isEqualTo("algorithm constraints check failed");
    }
}
