package org.broadside.compose;

import org.broadside.contacts.EmailKeys;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Opaque per-recipient unsubscribe tokens: an HMAC of (campaign, address) under a key kept in the data
 * directory, so a token reveals nothing and cannot be forged for another address.
 */
public final class UnsubscribeTokens {
    private static final String TOKEN = "[token]";
    private final byte[] key;
    private final String campaignUid;
    /** A Mac per sending thread: creating one costs more than computing a token. */
    private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::newMac);

    public UnsubscribeTokens(byte[] key, String campaignUid) {
        this.key = key.clone();
        this.campaignUid = campaignUid;
    }

    /** The installation's token key, created on first use. */
    public static byte[] loadOrCreateKey(Path dataDirectory) throws IOException {
        Path file = dataDirectory.resolve("token.key");
        if (Files.exists(file)) return Files.readAllBytes(file);
        byte[] k = new byte[32];
        new SecureRandom().nextBytes(k);
        Files.createDirectories(dataDirectory);
        Files.write(file, k);
        return k;
    }

    public String token(String email) {
        byte[] d = macs.get().doFinal((campaignUid + '\0' + EmailKeys.key(email)).getBytes(StandardCharsets.UTF_8));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(d, 18));
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    /** The URL template with [Token] (any case) replaced by this recipient's token. */
    public String url(String template, String email) {
        // A plain scan instead of a regex: it runs once per message and is the only regex left on that path.
        int at = indexOfToken(template, 0);
        if (at < 0) return template;
        String token = token(email);
        StringBuilder sb = new StringBuilder(template.length() + token.length());
        int from = 0;
        while (at >= 0) {
            sb.append(template, from, at).append(token);
            from = at + TOKEN.length();
            at = indexOfToken(template, from);
        }
        return sb.append(template, from, template.length()).toString();
    }

    private static int indexOfToken(String s, int from) {
        for (int i = s.indexOf('[', from); i >= 0; i = s.indexOf('[', i + 1)) {
            if (s.regionMatches(true, i, TOKEN, 0, TOKEN.length())) return i;
        }
        return -1;
    }
}
