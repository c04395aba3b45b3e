package org.broadside.deliverability.dkim;

/** The two DKIM key types receivers accept: RSA (RFC 6376, 2048 bits recommended) and Ed25519 (RFC 8463). */
public enum DkimKeyType {
    RSA("rsa", "rsa-sha256"),
    ED25519("ed25519", "ed25519-sha256");

    private final String keyTag;
    private final String algorithm;

    DkimKeyType(String keyTag, String algorithm) {
        this.keyTag = keyTag;
        this.algorithm = algorithm;
    }

    /** The k= value of the DNS record. */
    public String keyTag() {
        return keyTag;
    }

    /** The a= value of the signature. */
    public String algorithm() {
        return algorithm;
    }
}
