package org.broadside.accounts;

import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;

/**
 * Hides the secrets in play, and their base64 forms, in any text before it is logged or stored. AUTH PLAIN,
 * LOGIN and XOAUTH2 send secrets base64-encoded, often inside a longer encoded string, so every byte alignment
 * of the encoding is covered. Holds the secrets as char arrays; {@link #close()} wipes them.
 */
public final class RedactingSecrets implements AutoCloseable {
    public static final String MASK = "<credentials hidden>";
    // Shorter base64 cores would match ordinary text and mangle logs; the secret itself is always hidden.
    private static final int MIN_ENCODED_LENGTH = 4;

    private final List<char[]> needles = new ArrayList<>();

    /** Redacts these secrets (copied; the caller still owns and wipes its arrays). */
    public RedactingSecrets(List<char[]> secrets) {
        for (char[] secret : secrets) add(secret);
    }

    public static RedactingSecrets of(char[]... secrets) {
        return new RedactingSecrets(List.of(secrets));
    }

    /** Also hides a user's SASL PLAIN and XOAUTH2 strings, which encode user and secret together. */
    public RedactingSecrets withLogin(String username, char[] secret) {
        if (username == null || secret == null || secret.length == 0) return this;
        char[] plain = concat(("\0" + username + "\0").toCharArray(), secret, new char[0]);
        char[] xoauth = concat(("user=" + username + "\u0001auth=Bearer ").toCharArray(), secret, "\u0001\u0001".toCharArray());
        addEncoded(plain);
        addEncoded(xoauth);
        Secrets.wipe(plain);
        Secrets.wipe(xoauth);
        sort();
        return this;
    }

    /** The text with every secret and every encoded form replaced by {@value #MASK}. */
    public String redact(String text) {
        if (text == null || needles.isEmpty()) return text;
        StringBuilder out = null;
        int i = 0, copied = 0;
        while (i < text.length()) {
            char[] hit = match(text, i);
            if (hit == null) {
                i++;
                continue;
            }
            if (out == null) out = new StringBuilder(text.length());
            out.append(text, copied, i).append(MASK);
            i += hit.length;
            copied = i;
        }
        if (out == null) return text;
        return out.append(text, copied, text.length()).toString();
    }

    /** Whether any secret or encoded form occurs in the text (tests grep files with this). */
    public boolean revealsAny(String text) {
        for (int i = 0; i < text.length(); i++) if (match(text, i) != null) return true;
        return false;
    }

    @Override
    public void close() {
        needles.forEach(Secrets::wipe);
        needles.clear();
    }

    private void add(char[] secret) {
        if (secret == null || secret.length == 0) return;
        needles.add(secret.clone());
        addEncoded(secret);
        sort();
    }

    /** The base64 of the secret at each of the three byte offsets inside a longer string, minus the partial edge characters. */
    private void addEncoded(char[] secret) {
        byte[] bytes = Secrets.utf8(secret);
        try {
            for (Base64.Encoder encoder : List.of(Base64.getEncoder(), Base64.getUrlEncoder())) {
                addAscii(encoder.encode(bytes), 0, 0);
                for (int offset = 0; offset < 3; offset++) {
                    byte[] shifted = new byte[offset + bytes.length];
                    System.arraycopy(bytes, 0, shifted, offset, bytes.length);
                    byte[] encoded = encoder.withoutPadding().encode(shifted);
                    // Characters that mix in the unknown bytes before or after the secret are not stable; skip them.
                    int skipStart = offset == 0 ? 0 : offset + 1;
                    int trailing = (offset + bytes.length) % 3;
                    int skipEnd = trailing == 0 ? 0 : 1;
                    addAscii(encoded, skipStart, skipEnd);
                    Secrets.wipe(shifted);
                    Secrets.wipe(encoded);
                }
            }
        } finally {
            Secrets.wipe(bytes);
        }
    }

    private void addAscii(byte[] encoded, int skipStart, int skipEnd) {
        int length = encoded.length - skipStart - skipEnd;
        if (length < MIN_ENCODED_LENGTH) return;
        char[] needle = new char[length];
        for (int i = 0; i < length; i++) needle[i] = (char) encoded[skipStart + i];
        for (char[] existing : needles) {
            if (java.util.Arrays.equals(existing, needle)) {
                Secrets.wipe(needle);
                return;
            }
        }
        needles.add(needle);
    }

    private void sort() {
        // Longest first, so a full encoding is masked whole rather than around a shorter core.
        needles.sort(Comparator.comparingInt((char[] n) -> n.length).reversed());
    }

    private char[] match(String text, int at) {
        for (char[] needle : needles) {
            if (text.length() - at < needle.length) continue;
            boolean equal = true;
            for (int j = 0; j < needle.length && equal; j++) equal = text.charAt(at + j) == needle[j];
            if (equal) return needle;
        }
        return null;
    }

    private static char[] concat(char[] a, char[] b, char[] c) {
        char[] out = new char[a.length + b.length + c.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        System.arraycopy(c, 0, out, a.length + b.length, c.length);
        return out;
    }
}
