package org.broadside.server;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Collection;

/** A certificate chain and a PKCS#8 private key in PEM files, as a key store for the TLS connector. */
final class PemTls {
    static final char[] PASSWORD = "broadside".toCharArray();

    private PemTls() {}

    static KeyStore keyStore(Path certFile, Path keyFile) throws IOException {
        try {
            Collection<? extends Certificate> chain = CertificateFactory.getInstance("X.509")
                    .generateCertificates(new ByteArrayInputStream(Files.readAllBytes(certFile)));
            if (chain.isEmpty()) throw new InvalidTlsFilesException(certFile + " holds no certificate");
            PrivateKey key = privateKey(keyFile, chain.iterator().next().getPublicKey().getAlgorithm());
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setKeyEntry("server", key, PASSWORD, chain.toArray(new Certificate[0]));
            return ks;
        } catch (GeneralSecurityException e) {
            throw new InvalidTlsFilesException("cannot read " + certFile + " and " + keyFile + " as a certificate and its key: " + e.getMessage());
        }
    }

    private static PrivateKey privateKey(Path file, String algorithm) throws IOException, GeneralSecurityException {
        String pem = Files.readString(file, StandardCharsets.US_ASCII);
        if (pem.contains("BEGIN RSA PRIVATE KEY") || pem.contains("BEGIN EC PRIVATE KEY") || pem.contains("BEGIN ENCRYPTED PRIVATE KEY"))
            throw new InvalidTlsFilesException(file + " must hold an unencrypted PKCS#8 key (\"BEGIN PRIVATE KEY\"); convert it with: openssl pkcs8 -topk8 -nocrypt -in OLD -out NEW");
        int begin = pem.indexOf("-----BEGIN PRIVATE KEY-----");
        int end = pem.indexOf("-----END PRIVATE KEY-----");
        if (begin < 0 || end < begin) throw new InvalidTlsFilesException(file + " holds no \"BEGIN PRIVATE KEY\" block");
        byte[] der = Base64.getMimeDecoder().decode(pem.substring(begin + 27, end));
        return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
    }

    /** TLS files that cannot be used, with what is wrong. */
    static final class InvalidTlsFilesException extends IllegalArgumentException {
        InvalidTlsFilesException(String message) {
            super(message);
        }
    }
}
