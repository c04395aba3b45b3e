package org.broadside.delivery.smtp;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Manual throughput check against a local sink (not a unit test), for comparison with Postfix smtp-source:
 * {@code smtp-sink -c 127.0.0.1:2525 1000 &} then run with args: port connections messagesPerConnection sizeBytes
 * [ahead] ("ahead" writes each next message's commands behind the previous final dot).
 */
public final class SmtpThroughputBenchmark {
    private SmtpThroughputBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        int connections = Integer.parseInt(args[1]);
        int perConnection = Integer.parseInt(args[2]);
        int size = Integer.parseInt(args[3]);
        boolean ahead = args.length > 4 && args[4].equals("ahead");
        byte[] message = message(size);
        SmtpEndpoint endpoint = SmtpEndpoint.plain("127.0.0.1", port, "bench.broadside.test");
        SmtpTimeouts timeouts = SmtpTimeouts.rfc5321().cappedAt(Duration.ofSeconds(30));
        for (int round = 0; round < 2; round++) {
            AtomicLong sent = new AtomicLong();
            List<Thread> threads = new ArrayList<>();
            long start = System.nanoTime();
            for (int c = 0; c < connections; c++) {
                Thread t = new Thread(() -> {
                    try (SmtpConnection conn = SmtpConnection.open(endpoint, timeouts, null)) {
                        MessageBody body = MessageBody.of(message);
                        Envelope env = Envelope.of("bench@example.com", "sink@example.com");
                        for (int i = 0; i < perConnection; i++) {
                            boolean last = i == perConnection - 1;
                            TransactionResult r = ahead && !last
                                    ? conn.send(env, body, EndOfDataHook.NONE, env, body)
                                    : conn.send(env, body, EndOfDataHook.NONE);
                            if (r.accepted()) {
                                sent.incrementAndGet();
                            }
                        }
                        conn.quit();
                    } catch (SmtpException e) {
                        System.err.println(e.getMessage());
                    }
                });
                threads.add(t);
                t.start();
            }
            for (Thread t : threads) {
                t.join();
            }
            double secs = (System.nanoTime() - start) / 1e9;
            System.out.printf("round %d: %d messages in %.2f s = %.0f messages/s%n", round, sent.get(), secs, sent.get() / secs);
        }
    }

    private static byte[] message(int size) {
        StringBuilder sb = new StringBuilder("From: bench@example.com\r\nTo: sink@example.com\r\nSubject: bench\r\n\r\n");
        char[] line = new char[76];
        Arrays.fill(line, 'x');
        while (sb.length() < size) {
            sb.append(line).append("\r\n");
        }
        return sb.toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }
}
