package org.broadside.delivery.smtp;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Runs AUTH with the mechanism the account chose. The secret is fetched only here, kept in byte arrays that
 * are wiped after use, and every line carrying it is logged as "&lt;credentials hidden&gt;".
 */
final class Authenticator {
    static final String HIDDEN = "<credentials hidden>";

    private final SmtpConnection conn;
    private final SmtpEndpoint endpoint;

    Authenticator(SmtpConnection conn, SmtpEndpoint endpoint) {
        this.conn = conn;
        this.endpoint = endpoint;
    }

    void run(Capabilities caps) throws SmtpException {
        AuthMechanism m = endpoint.auth();
        if (!caps.authMechanisms().contains(m.keyword())) {
            String offered = caps.authMechanisms().isEmpty() ? "no AUTH at all" : String.join(" ", caps.authMechanisms());
            throw new AuthenticationFailedException("the server does not offer AUTH " + m.keyword() + " (it offers "
                    + offered + "); choose another login method", null);
        }
        Reply r = switch (m) {
            case PLAIN -> plain();
            case LOGIN -> login();
            case CRAM_MD5 -> cramMd5();
            case XOAUTH2 -> xoauth2();
            case NONE -> throw new IllegalStateException("no mechanism");
        };
        if (r.code() != 235) {
            throw new AuthenticationFailedException("the server rejected the login (" + r + ")", r);
        }
    }

    private Reply plain() throws SmtpException {
        byte[] user = utf8(endpoint.username());
        byte[] pass = secret();
        byte[] raw = new byte[user.length + pass.length + 2];
        raw[0] = 0;
        System.arraycopy(user, 0, raw, 1, user.length);
        raw[user.length + 1] = 0;
        System.arraycopy(pass, 0, raw, user.length + 2, pass.length);
        wipe(pass);
        return conn.secretExchange("AUTH PLAIN ", base64AndWipe(raw), "AUTH PLAIN " + HIDDEN);
    }

    private Reply login() throws SmtpException {
        Reply r = conn.authCommand("AUTH LOGIN");
        if (r.code() != 334) {
            return r;
        }
        r = conn.secretExchange("", base64AndWipe(utf8(endpoint.username())), HIDDEN);
        if (r.code() != 334) {
            return r;
        }
        return conn.secretExchange("", base64AndWipe(secret()), HIDDEN);
    }

    private Reply cramMd5() throws SmtpException {
        Reply r = conn.authCommand("AUTH CRAM-MD5");
        if (r.code() != 334) {
            return r;
        }
        byte[] challenge;
        try {
            challenge = Base64.getDecoder().decode(r.text().trim());
        } catch (IllegalArgumentException e) {
            throw conn.protocolError("the CRAM-MD5 challenge is not base64", Stage.AUTH);
        }
        byte[] key = secret();
        byte[] digest;
        try {
            Mac mac = Mac.getInstance("HmacMD5");
            mac.init(new SecretKeySpec(key.length == 0 ? new byte[1] : key, "HmacMD5"));
            digest = mac.doFinal(challenge);
        } catch (GeneralSecurityException e) {
            throw new AuthenticationFailedException("CRAM-MD5 is not available in this Java runtime", null);
        } finally {
            wipe(key);
        }
        byte[] user = utf8(endpoint.username());
        byte[] response = new byte[user.length + 1 + digest.length * 2];
        System.arraycopy(user, 0, response, 0, user.length);
        response[user.length] = ' ';
        for (int i = 0; i < digest.length; i++) {
            response[user.length + 1 + 2 * i] = (byte) Character.forDigit((digest[i] >> 4) & 0xF, 16);
            response[user.length + 2 + 2 * i] = (byte) Character.forDigit(digest[i] & 0xF, 16);
        }
        wipe(digest);
        return conn.secretExchange("", base64AndWipe(response), HIDDEN);
    }

    private Reply xoauth2() throws SmtpException {
        byte[] head = utf8("user=" + endpoint.username() + "\u0001auth=Bearer ");
        byte[] token = secret();
        byte[] raw = new byte[head.length + token.length + 2];
        System.arraycopy(head, 0, raw, 0, head.length);
        System.arraycopy(token, 0, raw, head.length, token.length);
        raw[raw.length - 2] = 1;
        raw[raw.length - 1] = 1;
        wipe(token);
        Reply r = conn.secretExchange("AUTH XOAUTH2 ", base64AndWipe(raw), "AUTH XOAUTH2 " + HIDDEN);
        if (r.code() == 334) {
            // The server sent a base64 JSON error; an empty line asks for the final 535 (RFC 7628 style).
            r = conn.secretExchange("", new byte[0], "");
        }
        return r;
    }

    private byte[] secret() {
        char[] chars = endpoint.secret().get();
        if (chars == null) {
            chars = new char[0];
        }
        ByteBuffer bb = StandardCharsets.UTF_8.encode(CharBuffer.wrap(chars));
        byte[] out = new byte[bb.remaining()];
        bb.get(out);
        Arrays.fill(chars, '\0');
        if (bb.hasArray()) {
            Arrays.fill(bb.array(), (byte) 0);
        }
        return out;
    }

    private static byte[] base64AndWipe(byte[] raw) {
        byte[] encoded = Base64.getEncoder().encode(raw);
        wipe(raw);
        return encoded;
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static void wipe(byte[] b) {
        Arrays.fill(b, (byte) 0);
    }
}
