package org.broadside.deliverability.dkim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.james.jdkim.api.SignatureRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DkimSignerTest {
    private static final KeyPair RSA = keyPair(DkimKeyType.RSA);
    private static final KeyPair ED = keyPair(DkimKeyType.ED25519);

    private final DkimKey rsaKey = new DkimKey("example.test", "s2026", DkimKeyType.RSA, RSA.getPrivate(), RSA.getPublic());
    private final DkimKey edKey = new DkimKey("example.test", "ed2026", DkimKeyType.ED25519, ED.getPrivate(), ED.getPublic());
    private final Map<String, String> dns = Map.of(
            rsaKey.recordName(), DkimKeys.recordText(RSA.getPublic()),
            edKey.recordName(), DkimKeys.recordText(ED.getPublic()));

    @Test
    void rsaSignatureVerifiesWithJdkim() throws Exception {
        byte[] signed = new DkimSigner(rsaKey).sign(DkimFixtures.message("\r\n"));

        List<SignatureRecord> verified = IndependentVerifier.verifyRsa(signed, dns);

        assertThat(verified).hasSize(1);
        assertThat(verified.get(0).getDToken().toString()).isEqualTo("example.test");
    }

    @Test
    void ed25519SignatureVerifiesWithJdkimCanonicalizationAndBouncyCastle() throws Exception {
        byte[] signed = new DkimSigner(edKey).sign(DkimFixtures.message("\r\n"));

        assertThat(IndependentVerifier.verifyEd25519(signed, dns.get(edKey.recordName()))).isTrue();
        assertThat(IndependentVerifier.text(signed)).contains("a=ed25519-sha256");
    }

    @Test
    void bareLineFeedsAreSignedAsTheyWillBeSentWithCrLf() throws Exception {
        byte[] signed = new DkimSigner(rsaKey).sign(DkimFixtures.message("\n"));

        assertThat(IndependentVerifier.text(signed)).doesNotContainPattern("[^\r]\n");
        assertThat(IndependentVerifier.verifyRsa(signed, dns)).hasSize(1);
    }

    @Test
    void changedSubjectFailsVerification() throws Exception {
        String signed = IndependentVerifier.text(new DkimSigner(rsaKey).sign(DkimFixtures.message("\r\n")));
        byte[] tampered = signed.replace("Weekly", "Daily").getBytes(StandardCharsets.ISO_8859_1);

        assertThatThrownBy(() -> IndependentVerifier.verifyRsa(tampered, dns)).isInstanceOf(Exception.class);
    }

    @Test
    void changedBodyFailsEd25519Verification() throws Exception {
        String signed = IndependentVerifier.text(new DkimSigner(edKey).sign(DkimFixtures.message("\r\n")));
        byte[] tampered = signed.replace("Bye", "Buy now").getBytes(StandardCharsets.ISO_8859_1);

        assertThat(IndependentVerifier.verifyEd25519(tampered, dns.get(edKey.recordName()))).isFalse();
    }

    @Test
    void changedListUnsubscribeFailsVerification() throws Exception {
        String signed = IndependentVerifier.text(new DkimSigner(edKey).sign(DkimFixtures.message("\r\n")));
        byte[] tampered = signed.replace("OPAQUETOKEN>,", "OTHERTOKEN>,").getBytes(StandardCharsets.ISO_8859_1);

        assertThat(IndependentVerifier.verifyEd25519(tampered, dns.get(edKey.recordName()))).isFalse();
    }

    @Test
    void addedSecondFromHeaderFailsVerification() throws Exception {
        String signed = IndependentVerifier.text(new DkimSigner(rsaKey).sign(DkimFixtures.message("\r\n")));
        byte[] tampered = signed.replace("X-Mailer: Broadside\r\n", "X-Mailer: Broadside\r\nFrom: ceo@example.test\r\n")
                .getBytes(StandardCharsets.ISO_8859_1);

        assertThatThrownBy(() -> IndependentVerifier.verifyRsa(tampered, dns)).isInstanceOf(Exception.class);
    }

    @Test
    void signatureCoversTheOneClickUnsubscribeHeadersButNotOthers() {
        String field = new DkimSigner(rsaKey).signatureField(DkimFixtures.message("\r\n"));

        assertThat(field.replaceAll("\\s", "")).contains("h=from:to:subject:date:message-id:mime-version:content-type:"
                + "content-transfer-encoding:list-unsubscribe:list-unsubscribe-post:from;");
        assertThat(field).doesNotContain("x-mailer").contains("c=relaxed/relaxed").contains("d=example.test; s=s2026");
    }

    @Test
    void messageWithoutFromIsRefused() {
        byte[] noFrom = "To: a@b.test\r\nSubject: x\r\n\r\nbody\r\n".getBytes(StandardCharsets.US_ASCII);

        assertThatThrownBy(() -> new DkimSigner(rsaKey).sign(noFrom)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("From");
    }

    @Test
    void emptyBodyHashIsTheRfc6376RelaxedValue() {
        // RFC 6376 3.4.4: a relaxed empty body is the empty string (jDKIM 0.5 hashes a CRLF here, so it is not used).
        byte[] m = "From: a@example.test\r\nSubject: empty\r\n\r\n\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

        String field = new DkimSigner(rsaKey).signatureField(m);

        assertThat(field).contains("bh=47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=;");
    }

    @Test
    void oneSignerUsedFromManyThreadsGivesValidSignatures() throws Exception {
        DkimSigner signer = new DkimSigner(edKey);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<byte[]>> results = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                int n = i;
                results.add(pool.submit(() -> signer.sign(
                        ("From: a@example.test\r\nTo: r" + n + "@x.test\r\nSubject: n" + n + "\r\n\r\nbody " + n + "\r\n")
                                .getBytes(StandardCharsets.US_ASCII))));
            }
            for (Future<byte[]> f : results) {
                assertThat(IndependentVerifier.verifyEd25519(f.get(), dns.get(edKey.recordName()))).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void signingBodyWriterBuffersAndSignsTheWholeMessage() throws Exception {
        var out = new java.io.ByteArrayOutputStream();
        new DkimSigner(rsaKey).signing(o -> o.write(DkimFixtures.message("\n"))).writeTo(out);

        assertThat(IndependentVerifier.verifyRsa(out.toByteArray(), dns)).hasSize(1);
    }

    @Test
    void keyLoadedFromGeneratedPemSignsVerifiably(@TempDir Path dir) throws Exception {
        var generated = DkimKeys.generate("example.test", "gen", DkimKeyType.ED25519, dir.resolve("gen.pem"));
        DkimKey loaded = DkimKey.load("example.test", "gen", dir.resolve("gen.pem"));

        byte[] signed = new DkimSigner(loaded).sign(DkimFixtures.message("\r\n"));

        assertThat(IndependentVerifier.verifyEd25519(signed, generated.recordText())).isTrue();
    }

    private static KeyPair keyPair(DkimKeyType type) {
        try {
            return DkimKeys.newKeyPair(type);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
