package org.broadside.delivery.direct;

import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * Certificate checks for a connection made to an IP literal: the chain against the CA store and the name against
 * the MX host name (the SMTP client would otherwise compare it with the IP). With {@link TlsPolicy#OPPORTUNISTIC}
 * a failure is reported but the encrypted session goes on; with REQUIRED it ends the handshake.
 */
final class MxTrust extends X509ExtendedTrustManager {
    private final X509TrustManager chain;
    private final String mxHost;
    private final boolean enforce;
    private final Consumer<String> report;

    private MxTrust(X509TrustManager chain, String mxHost, boolean enforce, Consumer<String> report) {
        this.chain = chain;
        this.mxHost = mxHost.toLowerCase(Locale.ROOT);
        this.enforce = enforce;
        this.report = report;
    }

    static SSLContext context(KeyStore trustStore, String mxHost, TlsPolicy policy, Consumer<String> report)
            throws GeneralSecurityException {
        TrustManagerFactory f = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        f.init(trustStore);
        X509TrustManager base = null;
        for (TrustManager tm : f.getTrustManagers()) {
            if (tm instanceof X509TrustManager x) {
                base = x;
            }
        }
        if (base == null) {
            throw new GeneralSecurityException("no X509 trust manager available");
        }
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, new TrustManager[] {new MxTrust(base, mxHost, policy == TlsPolicy.REQUIRED, report)}, null);
        return ctx;
    }

    @Override
    public void checkServerTrusted(X509Certificate[] certs, String authType) throws CertificateException {
        String problem;
        try {
            chain.checkServerTrusted(certs, authType);
            problem = matches(certs[0], mxHost) ? null : "certificate is not valid for " + mxHost;
        } catch (CertificateException e) {
            problem = "certificate chain not trusted: " + e.getMessage();
        }
        if (problem == null) {
            report.accept("TLS certificate verified for " + mxHost);
            return;
        }
        if (enforce) {
            throw new CertificateException(problem);
        }
        report.accept("TLS certificate NOT verified (" + problem + "); encrypting anyway (opportunistic TLS)");
    }

    @Override
    public void checkServerTrusted(X509Certificate[] certs, String authType, Socket socket) throws CertificateException {
        checkServerTrusted(certs, authType);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] certs, String authType, SSLEngine engine) throws CertificateException {
        checkServerTrusted(certs, authType);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] certs, String authType) throws CertificateException {
        throw new CertificateException("client certificates are not checked here");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] certs, String authType, Socket socket) throws CertificateException {
        checkClientTrusted(certs, authType);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] certs, String authType, SSLEngine engine) throws CertificateException {
        checkClientTrusted(certs, authType);
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return chain.getAcceptedIssuers();
    }

    /** RFC 6125 DNS-ID matching: subjectAltName dNSName, a wildcard only as the whole left-most label; CN when no SAN. */
    static boolean matches(X509Certificate cert, String host) {
        List<String> names = new ArrayList<>();
        try {
            Collection<List<?>> sans = cert.getSubjectAlternativeNames();
            if (sans != null) {
                for (List<?> san : sans) {
                    if (Integer.valueOf(2).equals(san.get(0))) {
                        names.add(String.valueOf(san.get(1)));
                    }
                }
            }
        } catch (CertificateParsingException e) {
            return false;
        }
        if (names.isEmpty()) {
            names.addAll(commonNames(cert));
        }
        for (String n : names) {
            if (nameMatches(n.toLowerCase(Locale.ROOT), host)) {
                return true;
            }
        }
        return false;
    }

    private static boolean nameMatches(String pattern, String host) {
        if (pattern.startsWith("*.")) {
            int dot = host.indexOf('.');
            return dot > 0 && host.substring(dot + 1).equals(pattern.substring(2));
        }
        return pattern.equals(host);
    }

    private static List<String> commonNames(X509Certificate cert) {
        List<String> out = new ArrayList<>();
        try {
            for (Rdn rdn : new LdapName(cert.getSubjectX500Principal().getName()).getRdns()) {
                if (rdn.getType().equalsIgnoreCase("CN")) {
                    out.add(String.valueOf(rdn.getValue()));
                }
            }
        } catch (InvalidNameException e) {
            return out;
        }
        return out;
    }
}
