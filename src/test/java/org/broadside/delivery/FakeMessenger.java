package org.broadside.delivery;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/** A messenger without sockets: each recipient's outcome comes from a script; what was "sent" is recorded. */
final class FakeMessenger implements Messenger {
    final Map<String, Function<Integer, Attempt>> script = new ConcurrentHashMap<>();
    final List<String> delivered = new CopyOnWriteArrayList<>();
    final List<String> messageIds = new CopyOnWriteArrayList<>();
    final AtomicInteger opened = new AtomicInteger();
    volatile SessionException openFailure;
    volatile Runnable afterHook = () -> { };

    static Attempt sent(String queueId) {
        return new Attempt(RecipientState.SENT, 250, "2.0.0", "2.0.0 Ok: queued as " + queueId, queueId, false, false);
    }

    static Attempt reply(RecipientState outcome, int code, String enhanced, String text) {
        return new Attempt(outcome, code, enhanced, text, null, code == 421, code == 421);
    }

    @Override
    public MessengerSession open(ConnectionId id, SessionLog log) throws SessionException {
        if (openFailure != null) throw openFailure;
        opened.incrementAndGet();
        log.line(LineDirection.SERVER, "220 fake ESMTP");
        return new MessengerSession() {
            boolean usable = true;
            final Map<String, Integer> attempts = new ConcurrentHashMap<>();

            @Override
            public String greeting() { return "220 fake ESMTP"; }

            @Override
            public Attempt send(OutgoingMessage message, EndOfDataHook hook) throws InterruptedException {
                log.line(LineDirection.CLIENT, "MAIL FROM:<" + message.mailFrom() + ">");
                ByteArrayOutputStream body = new ByteArrayOutputStream();
                try {
                    message.body().writeTo(body);
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
                int n = FakeMessenger.this.attemptOf(message.recipient());
                Attempt a = script.getOrDefault(message.recipient(), i -> sent("Q" + message.recipientId())).apply(n);
                if (a.code() >= 400 && a.code() < 600 && a.outcome() != RecipientState.UNKNOWN && a.reply().startsWith("RCPT")) {
                    return a; // refused before DATA: the hook never runs
                }
                hook.beforeEndOfData();
                afterHook.run();
                if (a.outcome() == RecipientState.SENT || a.outcome() == RecipientState.UNKNOWN) {
                    delivered.add(message.recipient());
                    messageIds.add(message.messageId());
                }
                if (a.connectionLost()) usable = false;
                log.line(LineDirection.SERVER, a.code() + " " + a.reply());
                return a;
            }

            @Override
            public boolean usable() { return usable; }

            @Override
            public void close() { usable = false; }
        };
    }

    private final Map<String, AtomicInteger> tries = new ConcurrentHashMap<>();

    int attemptOf(String recipient) {
        return tries.computeIfAbsent(recipient, r -> new AtomicInteger()).incrementAndGet();
    }
}
