package org.broadside.deliverability.dkim;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.apache.james.jdkim.DKIMCommon;
import org.apache.james.jdkim.DKIMVerifier;
import org.apache.james.jdkim.api.SignatureRecord;
import org.apache.james.jdkim.canon.DigestOutputStream;
import org.apache.james.jdkim.canon.RelaxedBodyCanonicalizer;
import org.apache.james.jdkim.exceptions.PermFailException;
import org.apache.james.jdkim.impl.Message;
import org.apache.james.jdkim.tagvalue.SignatureRecordImpl;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/**
 * Verifies DKIM signatures with code that is not ours: Apache James jDKIM for RSA end to end; for Ed25519
 * (which jDKIM 0.5 does not know) jDKIM's message parser and canonicalization with BouncyCastle's Ed25519.
 */
final class IndependentVerifier extends DKIMCommon {
    private IndependentVerifier() {
    }

    /** Returns the verified signature records; throws when no signature verifies. */
    static List<SignatureRecord> verifyRsa(byte[] signed, Map<String, String> txtByName) throws Exception {
        DKIMVerifier verifier = new DKIMVerifier((method, selector, token) -> {
            String r = txtByName.get(selector + "._domainkey." + token);
            if (r == null) {
                throw new PermFailException("no key record for " + selector + "._domainkey." + token);
            }
            return List.of(r);
        });
        return verifier.verify(new ByteArrayInputStream(signed));
    }

    /** True when the first DKIM-Signature (a=ed25519-sha256) verifies against the raw public key of {@code record}. */
    static boolean verifyEd25519(byte[] signed, String record) throws Exception {
        Message message = new Message(new ByteArrayInputStream(signed));
        String field = message.getFields("DKIM-Signature").get(0);
        SignatureRecordImpl rec = new SignatureRecordImpl(field.substring(field.indexOf(':') + 1));
        if (!"ed25519".equals(String.valueOf(rec.getHashKeyType()))) {
            throw new IllegalArgumentException("not an Ed25519 signature: " + rec.getHashKeyType());
        }
        MessageDigest bodyDigest = MessageDigest.getInstance("SHA-256");
        DigestOutputStream digestOut = new DigestOutputStream(bodyDigest);
        try (RelaxedBodyCanonicalizer canon = new RelaxedBodyCanonicalizer(digestOut)) {
            message.getBodyInputStream().transferTo(canon);
        }
        if (!Arrays.equals(digestOut.getDigest(), rec.getBodyHash())) {
            return false;
        }
        String p = record.substring(record.indexOf("p=") + 2).replaceAll("[\\s;]", "");
        Sha256ThenEd25519 sig = new Sha256ThenEd25519(Base64.getDecoder().decode(p));
        sig.initVerify(new NoKey());
        try {
            // signatureCheck only feeds the canonical header data; verify() is the caller's job, as in DKIMVerifier.
            signatureCheck(message, rec, rec.getHeaders(), sig);
            return sig.verify(rec.getSignature());
        } catch (SignatureException | PermFailException e) {
            return false;
        }
    }

    static String text(byte[] b) {
        return new String(b, StandardCharsets.ISO_8859_1);
    }

    static byte[] readAll(InputStream in) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        in.transferTo(out);
        return out.toByteArray();
    }

    /** RFC 8463: the Ed25519 signature is over the SHA-256 of the canonical header data; jDKIM feeds that data. */
    private static final class Sha256ThenEd25519 extends Signature {
        private final MessageDigest digest;
        private final byte[] rawKey;

        Sha256ThenEd25519(byte[] rawKey) throws Exception {
            super("ed25519-sha256");
            this.digest = MessageDigest.getInstance("SHA-256");
            this.rawKey = rawKey;
        }

        @Override
        protected void engineInitVerify(PublicKey publicKey) throws InvalidKeyException {
            digest.reset();
        }

        @Override
        protected void engineInitSign(PrivateKey privateKey) throws InvalidKeyException {
            throw new InvalidKeyException("verify only");
        }

        @Override
        protected void engineUpdate(byte b) {
            digest.update(b);
        }

        @Override
        protected void engineUpdate(byte[] b, int off, int len) {
            digest.update(b, off, len);
        }

        @Override
        protected byte[] engineSign() throws SignatureException {
            throw new SignatureException("verify only");
        }

        @Override
        protected boolean engineVerify(byte[] sigBytes) {
            Ed25519Signer verifier = new Ed25519Signer();
            verifier.init(false, new Ed25519PublicKeyParameters(rawKey, 0));
            byte[] hash = digest.digest();
            verifier.update(hash, 0, hash.length);
            return verifier.verifySignature(sigBytes);
        }

        @Override
        @Deprecated
        protected void engineSetParameter(String param, Object value) {
        }

        @Override
        @Deprecated
        protected Object engineGetParameter(String param) {
            return null;
        }
    }

    private static final class NoKey implements PublicKey {
        private static final long serialVersionUID = 1L;

        @Override
        public String getAlgorithm() {
            return "raw";
        }

        @Override
        public String getFormat() {
            return null;
        }

        @Override
        public byte[] getEncoded() {
            return null;
        }
    }
}
