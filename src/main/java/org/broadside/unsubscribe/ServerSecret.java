package org.broadside.unsubscribe;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

/**
 * The one secret of a Broadside server, created by {@code broadside serve --init}. Token keys and the pull key are
 * derived from it (HMAC-SHA256 with a label), so the desktop that holds it can mint tokens the server resolves and
 * authenticate its pulls. Kept in the server's data directory ({@value #FILE_NAME}, owner-only) and, on a desktop,
 * in the credential store; shown to people as {@code bss1.<base64url>}.
 */
public final class ServerSecret {
    public static final String FILE_NAME = "server.key";
    private static final String PREFIX = "bss1.";
    private static final int LENGTH = 32;

    private final byte[] secret;

    private ServerSecret(byte[] secret) {
        this.secret = secret.clone();
    }

    /** A new random secret. */
    public static ServerSecret generate() {
        byte[] b = new byte[LENGTH];
        new SecureRandom().nextBytes(b);
        return new ServerSecret(b);
    }

    /** Reads the text form ({@code bss1.} and 43 base64url characters). */
    public static ServerSecret parse(String text) {
        String t = text == null ? "" : text.strip();
        if (!t.startsWith(PREFIX)) throw new InvalidServerSecretException("a server key starts with \"" + PREFIX + "\"");
        byte[] b;
        try {
            b = Base64.getUrlDecoder().decode(t.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            throw new InvalidServerSecretException("the server key is not base64url after \"" + PREFIX + "\"");
        }
        if (b.length != LENGTH) throw new InvalidServerSecretException("the server key must hold " + LENGTH + " bytes, not " + b.length);
        return new ServerSecret(b);
    }

    /** The secret of this data directory, if {@code serve --init} made one. */
    public static Optional<ServerSecret> load(Path dataDirectory) throws IOException {
        Path file = dataDirectory.resolve(FILE_NAME);
        if (!Files.exists(file)) return Optional.empty();
        return Optional.of(parse(Files.readString(file, StandardCharsets.US_ASCII)));
    }

    /** Writes a new secret to the data directory, readable by its owner only; refuses to replace an existing one. */
    public static ServerSecret create(Path dataDirectory) throws IOException {
        Files.createDirectories(dataDirectory);
        Path file = dataDirectory.resolve(FILE_NAME);
        if (Files.exists(file)) throw new FileAlreadyExistsException(file.toString(), null, "a server key already exists; delete it to make a new one (old links stop working)");
        ServerSecret s = generate();
        Files.writeString(file, s.text() + "\n", StandardCharsets.US_ASCII);
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system (Windows): the data directory's own permissions protect it.
        }
        return s;
    }

    /** The text form, for showing once and for the credential store. */
    public String text() {
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    /** A key for one purpose: HMAC-SHA256(secret, label). */
    byte[] derive(String label) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(label.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    /** The bearer key a desktop sends with its pulls (derived, so the secret itself never travels). */
    public String pullKey() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(derive("broadside pull v1"));
    }

    /** The key that binds the landing page's form fields to their token (CSRF defence). */
    public byte[] formKey() {
        return derive("broadside form v1");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ServerSecret s && java.security.MessageDigest.isEqual(secret, s.secret);
    }

    @Override
    public int hashCode() { return Arrays.hashCode(secret); }

    @Override
    public String toString() { return "ServerSecret[hidden]"; }
}
