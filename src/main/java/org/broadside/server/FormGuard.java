package org.broadside.server;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;

/**
 * CSRF defence of the landing page's forms (there are no cookies to steal, but a page elsewhere must not be able to
 * submit the form in someone's browser): each form carries a field bound to its token by an HMAC under a key only
 * the server holds, and a browser that says the post comes from another site (Sec-Fetch-Site, Origin) is refused.
 */
final class FormGuard {
    private final SecretKeySpec key;
    private final ThreadLocal<Mac> macs;

    FormGuard(byte[] key) {
        this.key = new SecretKeySpec(key, "HmacSHA256");
        this.macs = ThreadLocal.withInitial(this::newMac);
    }

    /** The form field's value for this token. */
    String fieldFor(String token) {
        byte[] d = macs.get().doFinal(("form\n" + token).getBytes(StandardCharsets.US_ASCII));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(d, 18));
    }

    boolean valid(String token, String field) {
        if (field == null) return false;
        return MessageDigest.isEqual(fieldFor(token).getBytes(StandardCharsets.US_ASCII), field.getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * False when the browser tells us the form was posted from another site. Browsers without these headers (old
     * ones, or clients that are not browsers) pass: the form field still has to be right.
     */
    static boolean sameSite(String secFetchSite, String origin, String host) {
        // Browsers that send Sec-Fetch-Site say exactly this; with Referrer-Policy no-referrer their Origin is "null".
        if (secFetchSite != null) return secFetchSite.equals("same-origin") || secFetchSite.equals("none");
        if (origin == null || origin.equals("null")) return true;
        if (host == null) return false;
        int scheme = origin.indexOf("://");
        return scheme > 0 && origin.substring(scheme + 3).equalsIgnoreCase(host);
    }

    private Mac newMac() {
        try {
            Mac m = Mac.getInstance("HmacSHA256");
            m.init(key);
            return m;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
