package org.broadside.accounts;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * The format of credentials.enc: a header (magic, PBKDF2 iterations, salt, key check, nonce) followed by
 * AES-256-GCM ciphertext whose tag also covers the header. The key check tells a wrong passphrase apart
 * from a damaged or altered file, which GCM alone cannot.
 */
final class CredentialCipher {
    /** OWASP's 2023 figure for PBKDF2-HMAC-SHA256; the floor below is the older 310,000. */
    static final int DEFAULT_ITERATIONS = 600_000;
    static final int MIN_ITERATIONS = 310_000;
    // A file claiming more would make opening it hang; treat it as damaged.
    private static final int MAX_ITERATIONS = 10_000_000;
    private static final byte[] MAGIC = "BRSDCRD1".getBytes(StandardCharsets.US_ASCII);
    private static final int SALT_BYTES = 16;
    private static final int CHECK_BYTES = 16;
    private static final int NONCE_BYTES = 12;
    private static final int HEADER_BYTES = MAGIC.length + 4 + 1 + SALT_BYTES + CHECK_BYTES + NONCE_BYTES;
    static final String WRONG_PASSPHRASE = "The passphrase does not unlock the credential file.";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final int iterations;
    private final byte[] salt;
    private final SecretKeySpec key;
    private final byte[] check;

    private CredentialCipher(int iterations, byte[] salt, SecretKeySpec key, byte[] check) {
        this.iterations = iterations;
        this.salt = salt;
        this.key = key;
        this.check = check;
    }

    /** A key for a new file: fresh random salt. */
    static CredentialCipher create(char[] passphrase, int iterations) {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        return derive(passphrase, salt, iterations);
    }

    /** The key for an existing file, verified against its key check (wrong passphrase fails here). */
    static CredentialCipher forFile(char[] passphrase, byte[] file, String fileName) {
        ByteBuffer header = header(file, fileName);
        int iterations = header.getInt();
        if (iterations < MIN_ITERATIONS || iterations > MAX_ITERATIONS || header.get() != SALT_BYTES) throw damaged(fileName, null);
        byte[] salt = new byte[SALT_BYTES];
        header.get(salt);
        byte[] storedCheck = new byte[CHECK_BYTES];
        header.get(storedCheck);
        CredentialCipher cipher = derive(passphrase, salt, iterations);
        if (!MessageDigest.isEqual(storedCheck, cipher.check)) throw new CredentialStoreException(WRONG_PASSPHRASE);
        return cipher;
    }

    /** Whether this key was derived for the file as it is now (another process may have recreated it). */
    boolean matches(byte[] file) {
        if (file.length < HEADER_BYTES) return false;
        ByteBuffer header = ByteBuffer.wrap(file, MAGIC.length, HEADER_BYTES - MAGIC.length);
        if (header.getInt() != iterations || header.get() != SALT_BYTES) return false;
        byte[] s = new byte[SALT_BYTES];
        header.get(s);
        return Arrays.equals(s, salt);
    }

    /** The whole file for this plaintext, with a fresh random nonce: GCM must never reuse one under the same key. */
    byte[] seal(byte[] plaintext) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES)
                .put(MAGIC).putInt(iterations).put((byte) SALT_BYTES).put(salt).put(check).put(nonce);
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
            c.updateAAD(header.array());
            byte[] sealed = c.doFinal(plaintext);
            return ByteBuffer.allocate(HEADER_BYTES + sealed.length).put(header.array()).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new CredentialStoreException("Encrypting the credential file failed: " + e.getMessage(), e);
        }
    }

    /** The plaintext of a file; a file whose tag does not match was damaged or altered. */
    byte[] open(byte[] file, String fileName) {
        if (!matches(file)) throw damaged(fileName, null);
        byte[] nonce = Arrays.copyOfRange(file, HEADER_BYTES - NONCE_BYTES, HEADER_BYTES);
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, nonce));
            c.updateAAD(file, 0, HEADER_BYTES);
            return c.doFinal(file, HEADER_BYTES, file.length - HEADER_BYTES);
        } catch (AEADBadTagException e) {
            throw damaged(fileName, e);
        } catch (GeneralSecurityException e) {
            throw new CredentialStoreException("Decrypting the credential file failed: " + e.getMessage(), e);
        }
    }

    private static ByteBuffer header(byte[] file, String fileName) {
        if (file.length < HEADER_BYTES + 16 || !Arrays.equals(file, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) throw damaged(fileName, null);
        return ByteBuffer.wrap(file, MAGIC.length, HEADER_BYTES - MAGIC.length);
    }

    private static CredentialStoreException damaged(String fileName, Throwable cause) {
        return new CredentialStoreException("The credential file " + fileName + " is damaged or was altered; restore it from a backup or delete it and enter the passwords again.", cause);
    }

    private static CredentialCipher derive(char[] passphrase, byte[] salt, int iterations) {
        byte[] master = null;
        PBEKeySpec spec = new PBEKeySpec(passphrase, salt, iterations, 256);
        try {
            master = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
            // Two keys from one derivation: the check value must not be computable from the encryption key's output.
            byte[] encryption = hmac(master, "broadside credential file encryption key");
            byte[] check = Arrays.copyOf(hmac(master, "broadside credential file key check"), CHECK_BYTES);
            SecretKeySpec key = new SecretKeySpec(encryption, "AES");
            Secrets.wipe(encryption);
            return new CredentialCipher(iterations, salt, key, check);
        } catch (GeneralSecurityException e) {
            throw new CredentialStoreException("Deriving the key of the credential file failed: " + e.getMessage(), e);
        } finally {
            spec.clearPassword();
            Secrets.wipe(master);
        }
    }

    private static byte[] hmac(byte[] key, String label) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(label.getBytes(StandardCharsets.US_ASCII));
    }
}
