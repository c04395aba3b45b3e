package org.broadside.mime;

import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Microbenchmark without JMH: a 5 KB HTML message plus a generated text part, written per recipient.
 * Run: java -cp target/classes:target/test-classes:$(deps) org.broadside.mime.MimeTemplateSpeed [--angus]
 */
public final class MimeTemplateSpeed {
    private static final int RECIPIENTS = 1_000;
    private static final int WARMUP = Integer.getInteger("speed.warmup", 100_000);
    private static final int MEASURED = Integer.getInteger("speed.measured", 200_000);

    public static void main(String[] args) throws Exception {
        MessageLayout layout = new MessageLayout(false, true, true, List.of(), List.of(), StandardCharsets.UTF_8, "bench");
        List<RenderedMessage> messages = messages();
        System.out.println("HTML size: " + messages.get(0).html().getBytes(StandardCharsets.UTF_8).length + " bytes");
        MimeTemplate template = MimeTemplate.prepare(layout);
        CountingStream sink = new CountingStream();

        run("MimeTemplate.writeTo (text generated)", WARMUP, MEASURED, messages, m -> template.writeTo(m, sink));
        run("MimeTemplate.writeTo (text merged)", WARMUP, MEASURED, withText(messages), m -> template.writeTo(m, sink));
        run("  of which HtmlToText.convert", WARMUP, MEASURED, messages, m -> sink.count += HtmlToText.convert(m.html()).length());
        if (args.length > 0 && args[0].equals("--angus")) {
            run("Angus MimeMessage + writeTo", WARMUP / 10, MEASURED / 10, messages, m -> AngusMessageFactory.build(layout, m).writeTo(sink));
        }
        System.out.println("(bytes written: " + sink.count + ")");
    }

    interface Writer {
        void write(RenderedMessage m) throws Exception;
    }

    private static void run(String name, int warmup, int measured, List<RenderedMessage> messages, Writer writer) throws Exception {
        for (int i = 0; i < warmup; i++) {
            writer.write(messages.get(i % RECIPIENTS));
        }
        // CPU time of this thread as well as wall time: on a shared machine the wall clock includes waiting for a core.
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpuStart = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        for (int i = 0; i < measured; i++) {
            writer.write(messages.get(i % RECIPIENTS));
        }
        long nanos = System.nanoTime() - start;
        long cpu = threads.getCurrentThreadCpuTime() - cpuStart;
        System.out.printf("%-40s wall %,9.0f msg/s %7.2f us/msg | cpu %,9.0f msg/s %7.2f us/msg%n",
                name, measured * 1e9 / nanos, nanos / 1e3 / measured, measured * 1e9 / cpu, cpu / 1e3 / measured);
    }

    private static List<RenderedMessage> messages() {
        StringBuilder html = new StringBuilder("<html><head><style>p{font-family:Arial}</style></head><body>");
        html.append("<h1>Spring news for NAME</h1>");
        int i = 0;
        while (html.length() < 5000) {
            html.append("<p>Paragraph ").append(i++).append(": Dear NAME, our café has new offers – see ")
                    .append("<a href=\"https://example.com/offers/").append(i).append("?utm_source=mail&amp;id=ID\">the offer list</a>")
                    .append(" for details. Prices from 5&nbsp;€ only.</p>\n<ul><li>Grüße</li><li>Item two</li></ul>\n");
        }
        html.append("</body></html>");
        List<RenderedMessage> list = new ArrayList<>();
        MailAddress from = new MailAddress("Broadside News", "news@example.com");
        for (int r = 0; r < RECIPIENTS; r++) {
            String name = "Recipient" + r;
            String address = "r" + r + "@example.org";
            list.add(new RenderedMessage(from, null, new MailAddress(name, address), "Spring news for " + name,
                    null, html.toString().replace("NAME", name).replace("ID", Integer.toString(r)),
                    List.of(new Header("List-Unsubscribe", "<https://example.com/u/" + r + ">, <mailto:u+" + r + "@example.com>"),
                            new Header("List-Unsubscribe-Post", "List-Unsubscribe=One-Click")),
                    MessageIds.forRecipient("bench", address, "example.com"), Instant.parse("2026-11-22T03:00:00Z")));
        }
        return list;
    }

    private static List<RenderedMessage> withText(List<RenderedMessage> messages) {
        List<RenderedMessage> out = new ArrayList<>();
        for (RenderedMessage m : messages) {
            out.add(new RenderedMessage(m.from(), m.replyTo(), m.to(), m.subject(), HtmlToText.convert(m.html()), m.html(),
                    m.extraHeaders(), m.messageId(), m.date()));
        }
        return out;
    }

    /** Stands in for the SMTP socket; counting keeps the JIT from dropping the work. */
    private static final class CountingStream extends OutputStream {
        long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }
    }
}
