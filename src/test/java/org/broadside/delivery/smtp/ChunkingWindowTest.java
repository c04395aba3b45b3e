package org.broadside.delivery.smtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.broadside.delivery.smtp.SmtpTestSupport.FAST;
import static org.broadside.delivery.smtp.SmtpTestSupport.plain;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.broadside.testing.smtp.ReceivedMessage;
import org.broadside.testing.smtp.ScriptedSmtpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * RFC 3030 CHUNKING with a pipelined window against the scripted server: messages go out as BDAT n LAST without
 * waiting for each other's receipts, every receipt lands on its own message, and each fault leaves in doubt exactly
 * the messages whose chunk went out unanswered, never one that was answered and never one that was not sent.
 */
class ChunkingWindowTest {
    private ScriptedSmtpServer server;
    private final SmtpTestSupport.RecordingListener log = new SmtpTestSupport.RecordingListener();

    @BeforeEach
    void start() throws Exception {
        server = ScriptedSmtpServer.start().chunking(true);
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    /** One message's outcome: the result, or the exception its send or its receipt threw. */
    private record Outcome(String rcpt, TransactionResult result, SmtpException failure) {
        boolean accepted() {
            return result != null && result.accepted();
        }

        boolean inDoubt() {
            return failure != null && failure.endOfDataSent() && !(failure instanceof ServerClosingException);
        }

        int code() {
            return result.decisiveReply().code();
        }
    }

    /** Sends to each recipient through a window of {@code size}, reading receipts only when the window is full. */
    private List<Outcome> sendAll(SmtpConnection c, int size, String... rcpts) {
        ChunkingWindow w = c.chunkingWindow(size);
        assertThat(w).as("CHUNKING and PIPELINING offered").isNotNull();
        List<Outcome> out = new ArrayList<>();
        List<String> pending = new ArrayList<>();
        for (String rcpt : rcpts) {
            if (w.full()) out.add(receipt(w, pending.remove(0)));
            try {
                w.send(new Envelope("sender@example.org", List.of(rcpt)), body(rcpt), EndOfDataHook.NONE);
                pending.add(rcpt);
            } catch (SmtpException e) {
                out.add(new Outcome(rcpt, null, e));
            }
        }
        while (!pending.isEmpty()) out.add(receipt(w, pending.remove(0)));
        return out;
    }

    private static Outcome receipt(ChunkingWindow w, String rcpt) {
        try {
            return new Outcome(rcpt, w.receipt(), null);
        } catch (SmtpException e) {
            return new Outcome(rcpt, null, e);
        }
    }

    private static MessageBody body(String rcpt) {
        return SmtpTestSupport.body("From: a@example.org\nTo: " + rcpt + "\nSubject: hi\n\nHello " + rcpt + "\n");
    }

    private SmtpConnection open() throws SmtpException {
        return SmtpConnection.open(plain(server), FAST, log);
    }

    private List<String> delivered() {
        List<String> out = new ArrayList<>();
        for (ReceivedMessage m : server.messages()) out.addAll(m.recipients());
        return out;
    }

    @Test
    void severalMessagesTravelPerRoundTripAndEachReceiptLandsOnItsMessage() throws Exception {
        // The server answers each BDAT LAST only after 50 ms: a client that waited for it would never have the next
        // MAIL waiting at the server when the reply is written.
        server.bdatReplyDelay(Duration.ofMillis(50));
        try (SmtpConnection c = open()) {
            List<Outcome> out = sendAll(c, 4, "a@x.test", "b@x.test", "c@x.test", "d@x.test", "e@x.test", "f@x.test");
            assertThat(out).allMatch(Outcome::accepted);
            // "queued as Qn" is the server's n-th message: receipt i belongs to message i.
            for (int i = 0; i < out.size(); i++) {
                assertThat(out.get(i).result().endOfDataReply().queueId()).isEqualTo("Q" + (i + 1));
            }
        }
        assertThat(delivered()).containsExactly("a@x.test", "b@x.test", "c@x.test", "d@x.test", "e@x.test", "f@x.test");
        assertThat(server.commandLines()).noneMatch(l -> l.equals("DATA")).anyMatch(l -> l.matches("BDAT \\d+ LAST"));
        List<Boolean> ahead = server.bdatAnsweredWithMoreWaiting();
        assertThat(ahead).hasSize(6);
        // Messages 1 to 3 at least had the next message's commands already waiting when their receipt was written.
        assertThat(ahead.subList(0, 3)).containsOnly(true);
        assertThat(ahead.get(5)).as("nothing follows the last message").isFalse();
    }

    @Test
    void chunkContentGoesAsIsWithCrlfLineEndsAndNoDotStuffing() throws Exception {
        byte[] raw = "Subject: dots\n\n.leading dot\n..two\r\nbare CR\rend".getBytes(StandardCharsets.UTF_8);
        try (SmtpConnection c = open()) {
            ChunkingWindow w = c.chunkingWindow(2);
            w.send(new Envelope("s@example.org", List.of("a@x.test")), MessageBody.of(raw), EndOfDataHook.NONE);
            assertThat(w.receipt().accepted()).isTrue();
        }
        String expected = "Subject: dots\r\n\r\n.leading dot\r\n..two\r\nbare CR\r\nend\r\n";
        assertThat(server.messages().get(0).contentText()).isEqualTo(expected);
        assertThat(server.commandLines()).contains("BDAT " + expected.getBytes(StandardCharsets.UTF_8).length + " LAST");
    }

    @Test
    void theHookRunsBeforeTheChunkIsWritten() throws Exception {
        try (SmtpConnection c = open()) {
            ChunkingWindow w = c.chunkingWindow(2);
            List<Integer> bdatsSeenAtHook = new ArrayList<>();
            w.send(new Envelope("s@example.org", List.of("a@x.test")), body("a@x.test"),
                    () -> bdatsSeenAtHook.add((int) log.lines.stream().filter(l -> l.startsWith("CLIENT: BDAT")).count()));
            assertThat(w.receipt().accepted()).isTrue();
            assertThat(bdatsSeenAtHook).containsExactly(0);
        }
    }

    @org.junit.jupiter.api.RepeatedTest(5)
    void aPermanentRefusalOfOneChunkFailsOnlyThatMessage() throws Exception {
        server.onEndOfDataFor("b@x.test").reply("554 5.7.1 Message rejected as spam");
        try (SmtpConnection c = open()) {
            List<Outcome> out = sendAll(c, 4, "a@x.test", "b@x.test", "c@x.test", "d@x.test", "e@x.test", "f@x.test");
            assertThat(out.get(0).accepted()).isTrue();
            assertThat(out.get(1).accepted()).isFalse();
            assertThat(out.get(1).code()).isEqualTo(554);
            assertThat(out.get(1).result().decisiveReply().enhancedCode()).isEqualTo("5.7.1");
            assertThat(out.subList(2, 6)).allMatch(Outcome::accepted);
        }
        assertThat(delivered()).containsExactly("a@x.test", "c@x.test", "d@x.test", "e@x.test", "f@x.test");
        // The message written after the refusal was known starts with RSET, in the same pipeline.
        List<String> lines = server.commandLines();
        int rset = lines.indexOf("RSET");
        assertThat(rset).isPositive();
        assertThat(lines.get(rset + 1)).startsWith("MAIL FROM:");
    }

    @Test
    void aTemporaryRefusalOfOneChunkDefersOnlyThatMessage() throws Exception {
        server.onEndOfDataFor("b@x.test").reply("451 4.3.0 Try again later");
        try (SmtpConnection c = open()) {
            List<Outcome> out = sendAll(c, 4, "a@x.test", "b@x.test", "c@x.test");
            assertThat(out.get(1).result().decisiveReply().transientFailure()).isTrue();
            assertThat(out.get(0).accepted()).isTrue();
            assertThat(out.get(2).accepted()).isTrue();
        }
        assertThat(delivered()).containsExactly("a@x.test", "c@x.test");
    }

    @Test
    void aRefusedRecipientInTheWindowFailsAtRcptAndTheChunkIsDiscarded() throws Exception {
        server.onRcpt("b@x.test").reply("550 5.1.1 No such user");
        try (SmtpConnection c = open()) {
            List<Outcome> out = sendAll(c, 4, "a@x.test", "b@x.test", "c@x.test");
            assertThat(out.get(1).result().failedAt()).isEqualTo(Stage.RCPT);
            assertThat(out.get(1).code()).isEqualTo(550);
            assertThat(out.get(0).accepted()).isTrue();
            assertThat(out.get(2).accepted()).isTrue();
        }
        assertThat(delivered()).containsExactly("a@x.test", "c@x.test");
    }

    @Test
    void aServerThatWantsRsetAfterARefusalRecoversAndTheMessagesBehindAreRetriedNotFailed() throws Exception {
        server.resetAfterRefusedBdat(false).onEndOfDataFor("b@x.test").reply("554 5.7.1 Message rejected");
        try (SmtpConnection c = open()) {
            // b is refused; c, d and e were already in the pipeline behind it and meet "503 send RSET first".
            List<Outcome> out = sendAll(c, 4, "a@x.test", "b@x.test", "c@x.test", "d@x.test", "e@x.test", "f@x.test");
            assertThat(out.get(0).accepted()).isTrue();
            assertThat(out.get(1).code()).isEqualTo(554);
            for (Outcome o : out.subList(2, 5)) {
                assertThat(o.accepted()).isFalse();
                assertThat(o.result().decisiveReply().transientFailure()).as(o.rcpt() + " is retried, not failed").isTrue();
                assertThat(o.result().decisiveReply().text()).contains("503");
            }
            assertThat(out.get(5).accepted()).as("f went out after an RSET").isTrue();
            assertThat(c.isUsable()).isTrue();
        }
        assertThat(delivered()).containsExactly("a@x.test", "f@x.test");
    }

    @org.junit.jupiter.api.RepeatedTest(5)
    void aConnectionLostRightAfterABdatLastReplyLeavesOnlyTheUnansweredInDoubt() throws Exception {
        server.onEndOfDataFor("b@x.test").thenClose();
        try (SmtpConnection c = open()) {
            List<Outcome> out = sendAll(c, 4, "a@x.test", "b@x.test", "c@x.test", "d@x.test");
            assertThat(out.get(0).accepted()).isTrue();
            assertThat(out.get(1).accepted()).as("its receipt arrived before the connection closed").isTrue();
            assertThat(out.subList(2, 4)).as("chunk sent, no receipt").allMatch(Outcome::inDoubt);
        }
        assertThat(delivered()).containsExactly("a@x.test", "b@x.test");
    }

    @org.junit.jupiter.api.RepeatedTest(5)
    void aConnectionLostMidWindowLeavesEveryUnansweredMessageInDoubtAndNoMore() throws Exception {
        // The server hangs up on receiving b's chunk without answering it: b, c and d went out, a was answered.
        server.onEndOfDataFor("b@x.test").hangUp();
        try (SmtpConnection c = open()) {
            List<Outcome> out = sendAll(c, 4, "a@x.test", "b@x.test", "c@x.test", "d@x.test");
            assertThat(out.get(0).accepted()).isTrue();
            assertThat(out.subList(1, 4)).allMatch(Outcome::inDoubt);
            assertThat(c.isUsable()).isFalse();
            // A message after the window was read to its end is never written, so it is not in doubt.
            SmtpException e = org.junit.jupiter.api.Assertions.assertThrows(SmtpException.class, () -> c.chunkingWindow(4)
                    .send(new Envelope("s@example.org", List.of("e@x.test")), body("e@x.test"), EndOfDataHook.NONE));
            assertThat(e.endOfDataSent()).isFalse();
        }
        assertThat(delivered()).containsExactly("a@x.test");
    }

    @Test
    void aConnectionLostInTheMiddleOfAChunkLeavesTheWindowInDoubt() throws Exception {
        server.on(Stage.BODY).hangUp();
        try (SmtpConnection c = open()) {
            List<Outcome> out = sendAll(c, 3, "a@x.test", "b@x.test", "c@x.test");
            assertThat(out).allMatch(Outcome::inDoubt);
        }
        assertThat(delivered()).isEmpty();
    }

    @org.junit.jupiter.api.RepeatedTest(5)
    void aServerClosingWith421DefersTheRestOfTheWindowWithoutDoubt() throws Exception {
        server.onEndOfDataFor("b@x.test").reply("421 4.3.2 Service shutting down");
        try (SmtpConnection c = open()) {
            List<Outcome> out = sendAll(c, 4, "a@x.test", "b@x.test", "c@x.test", "d@x.test");
            assertThat(out.get(0).accepted()).isTrue();
            assertThat(out.get(1).failure()).isInstanceOf(ServerClosingException.class);
            assertThat(out.get(1).failure().reply().code()).isEqualTo(421);
            // The ones behind it were never answered: not taken, and not a 421 of their own (one back-off, not three).
            for (Outcome o : out.subList(2, 4)) {
                assertThat(o.failure()).as(o.rcpt()).isInstanceOf(ClosedBeforeAnswerException.class);
                assertThat(o.failure().endOfDataSent()).isFalse();
            }
        }
    }

    @Test
    void chunkingWithoutPipeliningSendsWithData() throws Exception {
        server.pipelining(false);
        try (SmtpConnection c = open()) {
            assertThat(c.capabilities().chunking()).isTrue();
            assertThat(c.chunkingWindow(4)).isNull();
            assertThat(c.send(new Envelope("s@example.org", List.of("a@x.test")), body("a@x.test"), EndOfDataHook.NONE).accepted()).isTrue();
        }
        assertThat(server.commandLines()).contains("DATA").noneMatch(l -> l.startsWith("BDAT"));
    }

    @Test
    void aServerWithoutChunkingGetsNoWindow() throws Exception {
        server.chunking(false);
        try (SmtpConnection c = open()) {
            assertThat(c.capabilities().chunking()).isFalse();
            assertThat(c.chunkingWindow(4)).isNull();
        }
    }

    @Test
    void anUnsolicitedLineAfterTheLastReceiptIsAProtocolError() throws Exception {
        server.onEndOfDataFor("a@x.test").reply("250 2.0.0 Ok: queued as Q1").thenSend("250 2.0.0 Ok: extra");
        try (SmtpConnection c = open()) {
            List<Outcome> out = sendAll(c, 2, "a@x.test");
            assertThat(out.get(0).failure()).isInstanceOf(SmtpProtocolException.class);
            assertThat(out.get(0).inDoubt()).isTrue();
        }
    }
}
