package org.broadside.mime;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** RFC 4648 base32 of SHA-256 digests: stable, case-insensitive identifiers for ids and boundaries. */
final class Base32 {
    private static final char[] ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();

    private Base32() {}

    static String sha256(String input, int length) {
        return encode(digest(input), length);
    }

    static String encode(byte[] data, int length) {
        StringBuilder sb = new StringBuilder(length);
        int buffer = 0;
        int bits = 0;
        for (int i = 0; i < data.length && sb.length() < length; i++) {
            buffer = (buffer << 8) | (data[i] & 0xFF);
            bits += 8;
            while (bits >= 5 && sb.length() < length) {
                sb.append(ALPHABET[(buffer >> (bits - 5)) & 0x1F]);
                bits -= 5;
            }
        }
        if (bits > 0 && sb.length() < length) {
            sb.append(ALPHABET[(buffer << (5 - bits)) & 0x1F]);
        }
        return sb.toString();
    }

    /** One digest per thread: looking one up through the security providers cost more than hashing an id. */
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java runtime", e);
        }
    });

    private static byte[] digest(String input) {
        MessageDigest d = SHA256.get();
        d.reset();
        return d.digest(input.getBytes(StandardCharsets.UTF_8));
    }
}
