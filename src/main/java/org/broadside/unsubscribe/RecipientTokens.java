package org.broadside.unsubscribe;

import org.broadside.contacts.EmailKeys;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

/**
 * Seals a recipient into a URL token and opens it again, deterministically (the same recipient always gets the same
 * token) and authenticated (ADR 0020). The construction is SIV: the IV is an HMAC of the plaintext, the plaintext is
 * AES-CTR-encrypted under that IV, and opening recomputes the HMAC and compares in constant time. So a token reveals
 * no address, cannot be forged or altered without the server secret, and a guessed token is found out without any
 * lookup (an enumeration costs 2^128 tries per hit).
 */
public final class RecipientTokens {
    private static final byte VERSION = 1;
    /** Link tokens are sealed under another first byte, so one can never be used as the other. */
    private static final byte LINK = 2;
    private static final int IV = 16;
    private static final String NO_LANGUAGE = "--";

    private final SecretKeySpec macKey;
    private final SecretKeySpec encKey;
    /** A Mac and a Cipher per thread: creating one costs more than sealing a token. */
    private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::newMac);
    private final ThreadLocal<Cipher> ciphers = ThreadLocal.withInitial(RecipientTokens::newCipher);

    public RecipientTokens(ServerSecret secret) {
        this.macKey = new SecretKeySpec(secret.derive("broadside token mac v1"), "HmacSHA256");
        this.encKey = new SecretKeySpec(Arrays.copyOf(secret.derive("broadside token enc v1"), 16), "AES");
    }

    /** The token of this recipient: base64url, about 100 characters for a typical address. */
    public String seal(RecipientToken t) {
        return seal(VERSION, plainText(t));
    }

    /**
     * A click token: this recipient, the link's number in their message and its URL, sealed together. The server
     * redirects only to a URL in such a token, which only the holder of the server secret can make: the links
     * Broadside itself put into the campaign's message (no open redirect).
     */
    public String sealLink(RecipientToken t, int index, String url) {
        return seal(LINK, plainText(t) + '\n' + index + '\n' + url);
    }

    /** The recipient, link number and URL of a click token; empty for anything this server did not seal as one. */
    public Optional<TrackedLink> openLink(String token) {
        return openPlain(LINK, token, 4000).flatMap(s -> {
            int nl1 = s.indexOf('\n');
            int nl2 = nl1 < 0 ? -1 : s.indexOf('\n', nl1 + 1);
            int nl3 = nl2 < 0 ? -1 : s.indexOf('\n', nl2 + 1);
            if (nl3 < 0) return Optional.empty();
            try {
                RecipientToken who = recipient(s.substring(0, nl2));
                return Optional.of(new TrackedLink(who, Integer.parseInt(s.substring(nl2 + 1, nl3)), s.substring(nl3 + 1)));
            } catch (RuntimeException e) {
                return Optional.empty();
            }
        });
    }

    /** A recipient's tracked link. */
    public record TrackedLink(RecipientToken who, int index, String url) {}

    private static String plainText(RecipientToken t) {
        String language = t.language() == null || t.language().length() != 2 ? NO_LANGUAGE : t.language();
        return language + t.campaignUid() + '\n' + t.email();
    }

    private static RecipientToken recipient(String s) {
        int nl = s.indexOf('\n');
        if (nl < 2) throw new IllegalArgumentException("no recipient");
        String language = s.substring(0, 2);
        return new RecipientToken(s.substring(2, nl), s.substring(nl + 1), NO_LANGUAGE.equals(language) ? null : language);
    }

    private String seal(byte version, String text) {
        byte[] plain = text.getBytes(StandardCharsets.UTF_8);
        byte[] iv = Arrays.copyOf(macs.get().doFinal(plain), IV);
        byte[] out = new byte[1 + IV + plain.length];
        out[0] = version;
        System.arraycopy(iv, 0, out, 1, IV);
        try {
            Cipher c = ciphers.get();
            c.init(Cipher.ENCRYPT_MODE, encKey, new IvParameterSpec(iv));
            c.doFinal(plain, 0, plain.length, out, 1 + IV);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-CTR is part of every JDK", e);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(out);
    }

    /** The recipient of a token; empty for anything this server did not seal (forged, altered, truncated, garbage). */
    public Optional<RecipientToken> open(String token) {
        return openPlain(VERSION, token, 700).flatMap(s -> {
            try {
                return Optional.of(recipient(s));
            } catch (RuntimeException e) {
                return Optional.empty();
            }
        });
    }

    private Optional<String> openPlain(byte version, String token, int maxLength) {
        if (token == null || token.length() < 24 || token.length() > maxLength) return Optional.empty();
        byte[] raw;
        try {
            raw = Base64.getUrlDecoder().decode(token);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        // The decoder ignores the unused low bits of the last character, so several spellings decode alike; only the
        // one seal() writes is a token (a changed character is refused wherever it is).
        if (!Base64.getUrlEncoder().withoutPadding().encodeToString(raw).equals(token)) return Optional.empty();
        if (raw.length < 1 + IV + 4 || raw[0] != version) return Optional.empty();
        byte[] iv = Arrays.copyOfRange(raw, 1, 1 + IV);
        byte[] plain;
        try {
            Cipher c = ciphers.get();
            c.init(Cipher.DECRYPT_MODE, encKey, new IvParameterSpec(iv));
            plain = c.doFinal(raw, 1 + IV, raw.length - 1 - IV);
        } catch (GeneralSecurityException e) {
            return Optional.empty();
        }
        byte[] expected = Arrays.copyOf(macs.get().doFinal(plain), IV);
        if (!MessageDigest.isEqual(expected, iv)) return Optional.empty();
        return Optional.of(new String(plain, StandardCharsets.UTF_8));
    }

    /** The key under which a recipient's events are grouped on the server (the address as the store compares it). */
    public static String emailKey(String email) {
        return EmailKeys.key(email);
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(macKey);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private static Cipher newCipher() {
        try {
            return Cipher.getInstance("AES/CTR/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-CTR is part of every JDK", e);
        }
    }
}
