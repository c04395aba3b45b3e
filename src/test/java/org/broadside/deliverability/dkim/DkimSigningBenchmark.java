package org.broadside.deliverability.dkim;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;

/**
 * Manual benchmark (not a test: Surefire does not pick it up): signatures per second on one thread for a
 * 5 KB message. Run with {@code java -cp target/classes:target/test-classes org.broadside.deliverability.dkim.DkimSigningBenchmark}.
 */
public final class DkimSigningBenchmark {
    private DkimSigningBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        byte[] body = ("x".repeat(76) + "\r\n").repeat(64).getBytes(StandardCharsets.US_ASCII);
        byte[] message = concat(DkimFixtures.message("\r\n"), body);
        for (DkimKeyType type : DkimKeyType.values()) {
            KeyPair pair = DkimKeys.newKeyPair(type);
            DkimSigner signer = new DkimSigner(new DkimKey("example.test", "bench", type, pair.getPrivate(), pair.getPublic()));
            for (int i = 0; i < 2000; i++) {
                signer.sign(message);
            }
            int n = 5000;
            long start = System.nanoTime();
            for (int i = 0; i < n; i++) {
                signer.sign(message);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            java.security.Signature raw = java.security.Signature.getInstance(type == DkimKeyType.RSA ? "SHA256withRSA" : "Ed25519");
            raw.initSign(pair.getPrivate());
            byte[] header = new byte[600];
            long rawStart = System.nanoTime();
            for (int i = 0; i < n; i++) {
                raw.update(header);
                raw.sign();
            }
            double rawSeconds = (System.nanoTime() - rawStart) / 1e9;
            System.out.printf("%s: %,.0f signed messages/s on one thread (%d bytes); the bare private-key operation alone: %,.0f/s%n",
                    type, n / seconds, message.length, n / rawSeconds);
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
