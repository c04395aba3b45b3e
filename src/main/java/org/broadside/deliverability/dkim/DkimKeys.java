package org.broadside.deliverability.dkim;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.interfaces.EdECPrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.NamedParameterSpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Arrays;
import java.util.Base64;

/** Generating DKIM keys and the DNS TXT record that publishes them (the "generate key" action). */
public final class DkimKeys {
    /** The length of a raw Ed25519 public key, which is what RFC 8463 puts in p=. */
    static final int ED25519_RAW = 32;

    private DkimKeys() {
    }

    /** A new key written to {@code pemFile} (PKCS#8, owner-only where the file system allows) and the record to publish. */
    public static GeneratedKey generate(String domain, String selector, DkimKeyType type, Path pemFile)
            throws IOException, GeneralSecurityException {
        KeyPair pair = newKeyPair(type);
        DkimKey key = new DkimKey(domain, selector, type, pair.getPrivate(), pair.getPublic());
        writePem(pemFile, Pem.writePrivateKey(pair.getPrivate()));
        return new GeneratedKey(key, pemFile, key.recordName(), recordText(pair.getPublic()));
    }

    static KeyPair newKeyPair(DkimKeyType type) throws GeneralSecurityException {
        if (type == DkimKeyType.RSA) {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            return g.generateKeyPair();
        }
        return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    }

    /** The TXT record text, e.g. {@code v=DKIM1; k=rsa; p=MIIBIjAN...}. */
    public static String recordText(PublicKey key) {
        DkimKeyType type = typeOf(key);
        return "v=DKIM1; k=" + type.keyTag() + "; p=" + Base64.getEncoder().encodeToString(publicKeyBytes(key));
    }

    /** The p= bytes: SubjectPublicKeyInfo DER for RSA, the raw 32-byte key for Ed25519 (RFC 8463 section 4.2). */
    public static byte[] publicKeyBytes(PublicKey key) {
        byte[] spki = key.getEncoded();
        return typeOf(key) == DkimKeyType.ED25519 ? Arrays.copyOfRange(spki, spki.length - ED25519_RAW, spki.length) : spki;
    }

    /**
     * The record as zone-file text: DNS character-strings hold at most 255 bytes, so a 2048-bit key is split
     * into several quoted strings that receivers join again.
     */
    public static String zoneFileValue(String recordText) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < recordText.length(); i += 255) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append('"').append(recordText, i, Math.min(recordText.length(), i + 255)).append('"');
        }
        return sb.toString();
    }

    static DkimKeyType typeOf(java.security.Key key) {
        return switch (key.getAlgorithm()) {
            case "RSA" -> DkimKeyType.RSA;
            case "Ed25519", "EdDSA" -> DkimKeyType.ED25519;
            default -> throw new IllegalArgumentException("DKIM keys are RSA or Ed25519, not " + key.getAlgorithm());
        };
    }

    /** The public half of a private key (a PEM file holds only the private key). */
    static PublicKey publicKeyOf(PrivateKey key) throws GeneralSecurityException {
        if (key instanceof RSAPrivateCrtKey rsa) {
            return KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(rsa.getModulus(), rsa.getPublicExponent()));
        }
        if (key instanceof EdECPrivateKey ed) {
            byte[] seed = ed.getBytes().orElseThrow(() -> new InvalidKeySpecException("the Ed25519 key hides its bytes"));
            // The JDK has no "public from private" call; its generator derives the public key from the random
            // bytes it draws, so handing it the seed reproduces exactly this pair.
            KeyPairGenerator g = KeyPairGenerator.getInstance("Ed25519");
            g.initialize(NamedParameterSpec.ED25519, new FixedSeed(seed));
            KeyPair pair = g.generateKeyPair();
            if (!Arrays.equals(((EdECPrivateKey) pair.getPrivate()).getBytes().orElseThrow(), seed)) {
                throw new InvalidKeySpecException("could not derive the Ed25519 public key");
            }
            return pair.getPublic();
        }
        throw new InvalidKeySpecException("need an RSA (CRT) or Ed25519 private key, got " + key.getAlgorithm());
    }

    private static void writePem(Path file, String pem) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(file);
        }
        Files.writeString(file, pem, StandardOpenOption.TRUNCATE_EXISTING);
    }

    /** The result of {@link #generate}: publish {@code recordText} as TXT at {@code recordName}. */
    public record GeneratedKey(DkimKey key, Path pemFile, String recordName, String recordText) {
    }

    /** Hands out exactly the given bytes (see {@link #publicKeyOf}). */
    private static final class FixedSeed extends SecureRandom {
        private static final long serialVersionUID = 1L;
        private final byte[] seed;

        FixedSeed(byte[] seed) {
            this.seed = seed.clone();
        }

        @Override
        public void nextBytes(byte[] bytes) {
            System.arraycopy(seed, 0, bytes, 0, Math.min(seed.length, bytes.length));
        }
    }
}
