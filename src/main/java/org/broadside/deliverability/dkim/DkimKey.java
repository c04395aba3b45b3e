package org.broadside.deliverability.dkim;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Locale;
import java.util.Objects;

/** The signing identity of one sending domain: d= domain, s= selector and the key pair. */
public record DkimKey(String domain, String selector, DkimKeyType type, PrivateKey privateKey, PublicKey publicKey) {
    public DkimKey {
        domain = Objects.requireNonNull(domain, "domain").toLowerCase(Locale.ROOT);
        Objects.requireNonNull(selector, "selector");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(privateKey, "privateKey");
        Objects.requireNonNull(publicKey, "publicKey");
        if (!selector.matches("[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*")) {
            throw new IllegalArgumentException("a DKIM selector is one or more DNS labels: " + selector);
        }
    }

    /** Reads a PKCS#8 PEM ("BEGIN PRIVATE KEY", RSA or Ed25519) and derives the public key. */
    public static DkimKey fromPem(String domain, String selector, String pem) throws GeneralSecurityException {
        PrivateKey key = Pem.readPrivateKey(pem);
        return new DkimKey(domain, selector, DkimKeys.typeOf(key), key, DkimKeys.publicKeyOf(key));
    }

    public static DkimKey load(String domain, String selector, Path pemFile) throws IOException, GeneralSecurityException {
        return fromPem(domain, selector, Files.readString(pemFile));
    }

    /** Where the public key is published: selector._domainkey.domain. */
    public String recordName() {
        return selector + "._domainkey." + domain;
    }

    @Override
    public String toString() {
        return "DkimKey[" + type + " " + recordName() + "]";
    }
}
