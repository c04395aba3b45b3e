package org.broadside.accounts;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Small helpers that keep secrets in arrays we can wipe, instead of Strings that linger until garbage collection. */
public final class Secrets {
    private Secrets() {}

    public static void wipe(char[] secret) {
        if (secret != null) Arrays.fill(secret, '\0');
    }

    public static void wipe(byte[] secret) {
        if (secret != null) Arrays.fill(secret, (byte) 0);
    }

    /** UTF-8 bytes of the secret without creating a String; the caller wipes the result. */
    public static byte[] utf8(char[] secret) {
        ByteBuffer buffer = StandardCharsets.UTF_8.encode(CharBuffer.wrap(secret));
        byte[] bytes = Arrays.copyOfRange(buffer.array(), buffer.position(), buffer.limit());
        Arrays.fill(buffer.array(), (byte) 0);
        return bytes;
    }

    /** Chars of UTF-8 bytes without creating a String; the caller wipes the result. */
    public static char[] chars(byte[] utf8, int offset, int length) {
        CharBuffer buffer = StandardCharsets.UTF_8.decode(ByteBuffer.wrap(utf8, offset, length));
        char[] chars = Arrays.copyOfRange(buffer.array(), buffer.position(), buffer.limit());
        Arrays.fill(buffer.array(), '\0');
        return chars;
    }
}
