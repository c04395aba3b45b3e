package org.broadside.delivery.smtp;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.broadside.testing.smtp.ScriptedSmtpServer;

/** Shared helpers: endpoints for the scripted server, short timeouts, a recording listener. */
final class SmtpTestSupport {
    static final String EHLO = "client.broadside.test";
    static final SmtpTimeouts FAST = SmtpTimeouts.rfc5321().cappedAt(Duration.ofSeconds(5));

    private SmtpTestSupport() {
    }

    static SmtpEndpoint plain(ScriptedSmtpServer server) {
        return SmtpEndpoint.plain("localhost", server.port(), EHLO);
    }

    static MessageBody body(String text) {
        return MessageBody.of(text.getBytes(StandardCharsets.UTF_8));
    }

    static MessageBody simpleBody() {
        return body("From: a@example.com\nTo: b@example.com\nSubject: hi\n\nHello\n");
    }

    /** Collects every protocol line as "CLIENT: text". */
    static final class RecordingListener implements ProtocolListener {
        final List<String> lines = new ArrayList<>();

        @Override
        public synchronized void line(Direction d, String text) {
            lines.add(d + ": " + text);
        }

        synchronized String all() {
            return String.join("\n", lines);
        }
    }
}
