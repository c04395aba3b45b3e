package org.broadside.bench;

import org.broadside.campaign.Campaign;
import org.broadside.campaign.CampaignDocument;
import org.broadside.campaign.CampaignFiles;
import org.broadside.compose.CampaignComposer;
import org.broadside.delivery.ComposedMessage;
import org.broadside.delivery.RecipientRow;
import org.broadside.delivery.RecipientState;

import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;

/**
 * Merge + MIME serialisation speed on one thread: a 5 KB HTML campaign with 5 fields and one IF, the same path the
 * engine takes per recipient (fields from the stored JSON, compose, write the bytes). Run by bench/compose.sh.
 */
public final class ComposeSpeed {
    private ComposeSpeed() {}

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        StringBuilder html = new StringBuilder("<html><body><p>Dear [First Name] [Last Name],</p>");
        for (int i = 0; i < 28; i++) {
            html.append("<p>Paragraph ").append(i).append(": lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et dolore magna aliqua. Ut enim ad minim veniam.</p>");
        }
        html.append("<p>Your city: [City], code [Code].</p><IF [[Plan]] = \"gold\"><p>Thanks for being gold!</p><ELSE><p>Upgrade today.</p></IF>")
                .append("<p><a href=\"[Unsubscribe]\">Unsubscribe</a></p></body></html>");
        String text = html.toString().replaceAll("<[^>]+>", "\n");
        Campaign c = CampaignFiles.parse("{\"id\":\"bench\",\"name\":\"Bench\",\"list\":\"Bench\",\"from\":\"Bench <bench@example.org>\","
                + "\"subject\":\"Hello [First Name]\",\"unsubscribe\":{\"url\":\"https://example.org/u/[Token]\"}}", "bench");
        boolean generateText = args.length > 1 && args[1].equals("generated-text");
        c = c.withMessage(c.from(), null, c.subject(), generateText ? null : text, html.toString());
        CampaignComposer composer = CampaignComposer.prepare(new CampaignDocument(c, Path.of("bench.json").toAbsolutePath()), new byte[32], null);
        OutputStream sink = OutputStream.nullOutputStream();
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        System.out.printf("HTML %d bytes, text part %s%n", html.length(), generateText ? "generated from the HTML" : "given");
        run(composer, sink, 3, "warm-up", cpu);
        run(composer, sink, seconds, "measured", cpu);
    }

    /**
     * Runs for {@code seconds} of this thread's CPU time (at most ten times that on the wall clock): on a shared
     * machine a wall-clock warm-up can end before the JIT has compiled the loop, which measured the interpreter.
     */
    private static void run(CampaignComposer composer, OutputStream sink, int seconds, String label, ThreadMXBean cpu) throws Exception {
        long start = System.nanoTime();
        long wallEnd = start + seconds * 10_000_000_000L;
        long cpuStart = cpu.getCurrentThreadCpuTime();
        long cpuEnd = cpuStart + seconds * 1_000_000_000L;
        long n = 0;
        CountingStream counter = new CountingStream(sink);
        while (cpu.getCurrentThreadCpuTime() < cpuEnd && System.nanoTime() < wallEnd) {
            for (int i = 0; i < 1000; i++, n++) {
                String json = "{\"First Name\":\"First" + n + "\",\"Last Name\":\"Last" + n + "\",\"City\":\"City" + (n % 100)
                        + "\",\"Code\":\"" + n + "\",\"Plan\":\"" + (n % 3 == 0 ? "gold" : "basic") + "\"}";
                RecipientRow row = new RecipientRow(n + 1, n + 1, "user" + n + "@example.com", json, RecipientState.PENDING, 0, null, 0,
                        null, null, null, null, null, 0, null);
                ComposedMessage m = composer.compose(row);
                m.message().body().writeTo(counter);
            }
        }
        double wall = (System.nanoTime() - start) / 1e9;
        double cpuSeconds = (cpu.getCurrentThreadCpuTime() - cpuStart) / 1e9;
        System.out.printf("%s: %d messages in %.2f s wall (%.2f s CPU): %.0f msg/s wall, %.0f msg/s per CPU second, %.0f bytes/message%n",
                label, n, wall, cpuSeconds, n / wall, n / cpuSeconds, counter.count / (double) n);
    }

    private static final class CountingStream extends OutputStream {
        private final OutputStream out;
        long count;

        CountingStream(OutputStream out) { this.out = out; }

        @Override
        public void write(int b) { count++; }

        @Override
        public void write(byte[] b, int off, int len) { count += len; }
    }
}
