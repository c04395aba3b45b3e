package org.broadside.deliverability.dkim;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

/** PKCS#8 PEM reading and writing; "BEGIN RSA PRIVATE KEY" (PKCS#1) is refused with the conversion to run. */
final class Pem {
    private static final String BEGIN = "-----BEGIN PRIVATE KEY-----";
    private static final String END = "-----END PRIVATE KEY-----";

    private Pem() {
    }

    static PrivateKey readPrivateKey(String pem) throws GeneralSecurityException {
        if (pem.contains("BEGIN RSA PRIVATE KEY")) {
            throw new InvalidKeySpecException("this is a PKCS#1 key; convert it with "
                    + "\"openssl pkcs8 -topk8 -nocrypt -in key.pem -out key.pk8.pem\"");
        }
        int b = pem.indexOf(BEGIN);
        int e = pem.indexOf(END);
        if (b < 0 || e < b) {
            throw new InvalidKeySpecException("no \"" + BEGIN + "\" block found (an encrypted key must be decrypted first)");
        }
        byte[] der;
        try {
            der = Base64.getMimeDecoder().decode(pem.substring(b + BEGIN.length(), e).getBytes(StandardCharsets.US_ASCII));
        } catch (IllegalArgumentException ex) {
            throw new InvalidKeySpecException("the PEM block is not valid base64", ex);
        }
        PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(der);
        for (String algorithm : new String[] {"RSA", "Ed25519"}) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(spec);
            } catch (InvalidKeySpecException ignored) {
                // Try the next algorithm; the PEM header does not say which one it is.
            }
        }
        throw new InvalidKeySpecException("the key is neither RSA nor Ed25519");
    }

    static String writePrivateKey(PrivateKey key) {
        String b64 = Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(key.getEncoded());
        return BEGIN + "\n" + b64 + "\n" + END + "\n";
    }
}
