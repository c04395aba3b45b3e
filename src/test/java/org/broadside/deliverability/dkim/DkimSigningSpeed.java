package org.broadside.deliverability.dkim;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.util.function.Supplier;

/**
 * DKIM signing of a 10 KB message, in CPU time per operation on one thread: its per-byte work (the CRLF check, the
 * header scan, the relaxed body canonicalisation with its SHA-256) and the whole signature field with an RSA-2048 and
 * an Ed25519 key. CPU time, not wall time, because the machine is shared. bench/dkim-jit.sh runs it under the JIT
 * policy's directives and under C1 only for Broadside (how the policy compiled these loops before issue 14).
 * It lives in this package because {@link Canonical} and {@link HeaderBlock} are package-private.
 */
public final class DkimSigningSpeed {
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();
    private static volatile Object sink;

    private DkimSigningSpeed() {}

    public static void main(String[] args) throws GeneralSecurityException {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 3;
        byte[] message = message();
        int bodyStart = HeaderBlock.parse(message).bodyStart;
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        DkimSigner rsa = signer(DkimKeyType.RSA);
        DkimSigner ed25519 = signer(DkimKeyType.ED25519);
        System.out.printf("%-16s %14s %10s%n", "operation", "CPU µs/op", "ops");
        measure("crlf check", seconds, () -> Canonical.crlf(message));
        measure("header scan", seconds, () -> HeaderBlock.parse(message));
        measure("relaxed body", seconds, () -> {
            digest.reset();
            Canonical.body(message, bodyStart, message.length, digest);
            return digest.digest();
        });
        measure("sign rsa-2048", seconds, () -> rsa.signatureField(message));
        measure("sign ed25519", seconds, () -> ed25519.signatureField(message));
    }

    /** A wire-ready message like the benchmark campaign's: headers, then quoted-printable lines of 76 characters. */
    static byte[] message() {
        StringBuilder m = new StringBuilder("From: Bench <bench@example.org>\r\nTo: user1@example.com\r\n"
                + "Subject: Hello First1\r\nDate: Sun, 6 Dec 2026 03:00:00 +0000\r\nMessage-ID: <1.bench@example.org>\r\n"
                + "MIME-Version: 1.0\r\nContent-Type: text/html; charset=UTF-8\r\n"
                + "Content-Transfer-Encoding: quoted-printable\r\n\r\n");
        String line = "<p>Paragraph: lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod=";
        for (int i = 0; m.length() < 10 * 1024; i++) {
            m.append(line, 0, 76).append(i % 5 == 0 ? "  \t" : "").append("\r\n");
        }
        return m.append("\r\n\r\n").toString().getBytes(StandardCharsets.US_ASCII);
    }

    private static DkimSigner signer(DkimKeyType type) throws GeneralSecurityException {
        KeyPair pair = DkimKeys.newKeyPair(type);
        return new DkimSigner(new DkimKey("example.org", "bench", type, pair.getPrivate(), pair.getPublic()));
    }

    /** A warm-up as long as the measurement (the JIT compiles the loops in it), then CPU time per operation. */
    private static void measure(String name, double seconds, Supplier<Object> operation) {
        run(seconds, operation);
        long[] result = run(seconds, operation);
        System.out.printf("%-16s %14.2f %10d%n", name, result[0] / 1000.0 / result[1], result[1]);
    }

    /** Runs the operation for this much CPU time of the thread; returns {CPU nanoseconds, operations}. */
    private static long[] run(double seconds, Supplier<Object> operation) {
        long budget = (long) (seconds * 1e9);
        long start = CPU.getCurrentThreadCpuTime();
        long ops = 0;
        long used;
        do {
            for (int i = 0; i < 16; i++) sink = operation.get();
            ops += 16;
            used = CPU.getCurrentThreadCpuTime() - start;
        } while (used < budget);
        return new long[] {used, ops};
    }
}
