package org.broadside.delivery.smtp;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;

/** SHA-256 certificate fingerprints in the "AB:CD:..." form users compare and pin. */
public final class Fingerprints {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private Fingerprints() {
    }

    public static String sha256(X509Certificate cert) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(cert.getEncoded());
            StringBuilder sb = new StringBuilder(digest.length * 3);
            for (byte b : digest) {
                if (sb.length() > 0) {
                    sb.append(':');
                }
                sb.append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
            }
            return sb.toString();
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new IllegalStateException("cannot fingerprint certificate", e);
        }
    }

    /** Lower-case hex without separators, so "ab:CD" and "abcd" compare equal. */
    public static String normalise(String fingerprint) {
        StringBuilder sb = new StringBuilder(64);
        for (int i = 0; i < fingerprint.length(); i++) {
            char c = Character.toLowerCase(fingerprint.charAt(i));
            if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')) {
                sb.append(c);
            } else if (c != ':' && c != ' ' && c != '-') {
                return "";
            }
        }
        return sb.toString();
    }

    public static boolean matches(X509Certificate cert, String pinned) {
        return normalise(sha256(cert)).equals(normalise(pinned));
    }
}
