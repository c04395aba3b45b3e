package org.broadside.deliverability.dkim;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.Signature;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.broadside.delivery.OutgoingMessage;

/**
 * Signs messages with DKIM (RFC 6376, relaxed/relaxed, SHA-256; RSA or Ed25519 per RFC 8463). Thread-safe:
 * each thread keeps its own initialised {@link Signature} and digest, so signing costs two hashes and one
 * private-key operation per message.
 */
public final class DkimSigner {
    /** Signed when present; From is required. Covering List-Unsubscribe(-Post) is what makes one-click unsubscribe count. */
    public static final List<String> SIGNED_HEADERS = List.of("from", "to", "subject", "date", "message-id",
            "mime-version", "content-type", "content-transfer-encoding", "list-unsubscribe", "list-unsubscribe-post");

    private static final int FOLD = 72;

    private final DkimKey key;
    private final Clock clock;
    private final ThreadLocal<Signature> signatures;
    private final ThreadLocal<MessageDigest> digests = ThreadLocal.withInitial(DkimSigner::sha256);

    public DkimSigner(DkimKey key) {
        this(key, Clock.systemUTC());
    }

    public DkimSigner(DkimKey key, Clock clock) {
        this.key = key;
        this.clock = clock;
        this.signatures = ThreadLocal.withInitial(this::newSignature);
        newSignature();
    }

    public DkimKey key() {
        return key;
    }

    /** The message with bare LFs made CRLF and a DKIM-Signature field in front. */
    public byte[] sign(byte[] message) {
        byte[] msg = Canonical.crlf(message);
        byte[] header = signatureField(msg).getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[header.length + msg.length];
        System.arraycopy(header, 0, out, 0, header.length);
        System.arraycopy(msg, 0, out, header.length, msg.length);
        return out;
    }

    /** A body writer that buffers one message, signs it and writes the signed bytes (for {@link OutgoingMessage}). */
    public OutgoingMessage.Body signing(OutgoingMessage.Body body) {
        OutgoingMessage.Body signed = out -> {
            ByteArrayOutputStream buffer = new ByteArrayOutputStream(8192);
            body.writeTo(buffer);
            out.write(sign(buffer.toByteArray()));
        };
        // The signature field is CRLF-folded with leading tabs, so it keeps a wire-ready message wire-ready.
        return body.wireReady() ? OutgoingMessage.Body.wireReady(signed) : signed;
    }

    /** The complete "DKIM-Signature: ...\r\n" field for a CRLF message. */
    public String signatureField(byte[] crlfMessage) {
        HeaderBlock headers = HeaderBlock.parse(crlfMessage);
        if (headers.bottomUp("from").isEmpty()) {
            throw new IllegalArgumentException("a DKIM signature must cover From, and the message has none");
        }
        MessageDigest digest = digests.get();
        digest.reset();
        Canonical.body(crlfMessage, headers.bodyStart, crlfMessage.length, digest);
        String bodyHash = Base64.getEncoder().encodeToString(digest.digest());

        List<String> signedNames = new ArrayList<>();
        StringBuilder data = new StringBuilder(1024);
        for (String name : SIGNED_HEADERS) {
            for (String field : headers.bottomUp(name)) {
                signedNames.add(name);
                data.append(Canonical.header(field, true));
            }
        }
        // Naming From once more than it occurs ("over-signing") makes an added second From break the signature.
        signedNames.add("from");
        String unsigned = "DKIM-Signature: v=1; a=" + key.type().algorithm() + "; c=relaxed/relaxed; d=" + key.domain()
                + "; s=" + key.selector() + ";\r\n\tt=" + clock.instant().getEpochSecond() + "; h="
                + String.join(":", signedNames) + ";\r\n\tbh=" + bodyHash + ";\r\n\tb=";
        data.append(Canonical.header(unsigned, false));
        String b = Base64.getEncoder().encodeToString(signature(data.toString().getBytes(StandardCharsets.ISO_8859_1)));
        return unsigned + fold(b) + "\r\n";
    }

    private byte[] signature(byte[] data) {
        Signature s = signatures.get();
        try {
            if (key.type() == DkimKeyType.ED25519) {
                // RFC 8463: Ed25519 signs the SHA-256 hash of the header data, not the data itself.
                MessageDigest d = digests.get();
                d.reset();
                s.update(d.digest(data));
            } else {
                s.update(data);
            }
            return s.sign();
        } catch (GeneralSecurityException e) {
            signatures.remove();
            throw new IllegalStateException("DKIM signing failed: " + e.getMessage(), e);
        }
    }

    private static String fold(String b64) {
        StringBuilder sb = new StringBuilder(b64.length() + b64.length() / FOLD * 3);
        for (int i = 0; i < b64.length(); i += FOLD) {
            if (i > 0) {
                sb.append("\r\n\t ");
            }
            sb.append(b64, i, Math.min(b64.length(), i + FOLD));
        }
        return sb.toString();
    }

    private Signature newSignature() {
        try {
            Signature s = Signature.getInstance(key.type() == DkimKeyType.RSA ? "SHA256withRSA" : "Ed25519");
            s.initSign(key.privateKey());
            return s;
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("the DKIM key cannot sign: " + e.getMessage(), e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }
}
