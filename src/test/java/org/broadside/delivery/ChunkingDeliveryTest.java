package org.broadside.delivery;

import org.broadside.campaign.DeliveryOptions;
import org.broadside.delivery.smtp.SmtpEndpoint;
import org.broadside.delivery.smtp.SmtpTimeouts;
import org.broadside.testing.smtp.ReceivedMessage;
import org.broadside.testing.smtp.ScriptedSmtpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.broadside.delivery.RecipientState.*;

/**
 * The engine with a CHUNKING window (ADR 0021) against the scripted server: several messages per round trip, each
 * receipt recorded on its own recipient, every recipient durably UNKNOWN before its chunk reaches the server, and a
 * connection lost mid-window leaves at most the window UNKNOWN.
 */
class ChunkingDeliveryTest {
    private static final int WINDOW = 4;
    private final EngineFixture f = new EngineFixture();
    private ScriptedSmtpServer server;

    @BeforeEach
    void start() throws Exception {
        server = ScriptedSmtpServer.start().chunking(true);
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    private AccountLane lane(int window) {
        SmtpTimeouts timeouts = SmtpTimeouts.rfc5321().cappedAt(Duration.ofSeconds(5));
        return EngineFixture.lane("scripted", new SmtpMessenger(SmtpEndpoint.plain("127.0.0.1", server.port(), "example.org"),
                timeouts, null, window), 1);
    }

    private static String[] contacts(int n) {
        String[] out = new String[n];
        for (int i = 0; i < n; i++) out[i] = "r" + i + "@example.com";
        return out;
    }

    @Test
    void messagesTravelSeveralPerRoundTripAndEachReceiptIsRecordedOnItsRecipient() throws Exception {
        server.bdatReplyDelay(Duration.ofMillis(20));
        String[] to = contacts(10);
        f.withContacts(to).frozen();
        f.run(lane(WINDOW));
        for (String r : to) assertThat(f.state(r)).as(r).isEqualTo(SENT);
        // The server numbers its messages Q1, Q2, ... in arrival order: each recipient holds its own message's number.
        List<ReceivedMessage> got = server.messages();
        assertThat(got).hasSize(10);
        for (int i = 0; i < got.size(); i++) {
            String r = got.get(i).recipients().get(0);
            assertThat(f.row(r).queueId()).as(r).isEqualTo("Q" + (i + 1));
            assertThat(got.get(i).contentText()).contains("Hello " + r);
        }
        assertThat(server.commandLines()).noneMatch(l -> l.equals("DATA"));
        assertThat(server.bdatAnsweredWithMoreWaiting()).as("the next message was on the wire before the receipt")
                .filteredOn(b -> b).hasSizeGreaterThanOrEqualTo(5);
    }

    @ParameterizedTest
    @ValueSource(strings = {"power-safe", "crash-safe"})
    void everyRecipientIsDurablyUnknownBeforeItsChunkReachesTheServer(String durability) throws Exception {
        String[] to = contacts(6);
        f.withContacts(to).frozen();
        Map<String, RecipientState> atArrival = new ConcurrentHashMap<>();
        server.onChunkReceived(r -> atArrival.put(r, f.stateAfterAKillNow(r)));
        f.run(new DeliveryOptions(null, null, null, null, null, null, null, null, durability, null), false, lane(WINDOW));
        assertThat(atArrival).hasSize(6);
        assertThat(atArrival.values()).as("what a kill at the moment the chunk arrived would leave").containsOnly(UNKNOWN);
        for (String r : to) assertThat(f.state(r)).isEqualTo(SENT);
    }

    @Test
    void aRefusedChunkFailsItsRecipientAndTheOthersInTheWindowAreSent() throws Exception {
        String[] to = contacts(6);
        f.withContacts(to).frozen();
        server.onEndOfDataFor("r1@example.com").reply("554 5.7.1 Message rejected as spam");
        server.onEndOfDataFor("r2@example.com").reply("452 4.2.2 Mailbox full");
        f.run(lane(WINDOW));
        assertThat(f.state("r1@example.com")).isEqualTo(FAILED);
        assertThat(f.row("r1@example.com").code()).isEqualTo(554);
        assertThat(f.state("r2@example.com")).isEqualTo(DEFERRED);
        assertThat(f.row("r2@example.com").code()).isEqualTo(452);
        for (String r : List.of("r0@example.com", "r3@example.com", "r4@example.com", "r5@example.com")) {
            assertThat(f.state(r)).as(r).isEqualTo(SENT);
        }
    }

    @org.junit.jupiter.api.RepeatedTest(5)
    void aConnectionLostMidWindowLeavesAtMostTheWindowUnknownAndTheRestIsSent() throws Exception {
        String[] to = contacts(12);
        f.withContacts(to).frozen();
        // The server hangs up on receiving r2's chunk: r2 and whatever followed it in the window are in doubt.
        server.onEndOfDataFor("r2@example.com").hangUp();
        RunResult result = f.run(lane(WINDOW));
        List<String> unknown = new ArrayList<>();
        for (String r : to) if (f.state(r) == UNKNOWN) unknown.add(r);
        assertThat(unknown).contains("r2@example.com").hasSizeLessThanOrEqualTo(WINDOW);
        assertThat(result.progress().count(UNKNOWN)).isEqualTo(unknown.size());
        List<String> delivered = new ArrayList<>();
        for (ReceivedMessage m : server.messages()) delivered.addAll(m.recipients());
        for (String r : to) {
            if (!unknown.contains(r)) {
                assertThat(f.state(r)).as(r).isEqualTo(SENT);
                assertThat(delivered).as(r + " delivered once").containsOnlyOnce(r);
            }
        }
    }

    @Test
    void aServerClosingWith421MidWindowDefersTheRestWithoutDoubt() throws Exception {
        String[] to = contacts(4);
        f.withContacts(to).frozen();
        server.onEndOfDataFor("r1@example.com").reply("421 4.3.2 Service shutting down");
        RunResult result = f.run(lane(WINDOW));
        assertThat(f.state("r0@example.com")).isEqualTo(SENT);
        assertThat(f.state("r1@example.com")).isEqualTo(DEFERRED);
        assertThat(f.row("r1@example.com").code()).isEqualTo(421);
        for (String r : List.of("r2@example.com", "r3@example.com")) {
            // Sent behind r1 and never answered: the server closed first, so it did not take them.
            assertThat(f.state(r)).as(r).isEqualTo(DEFERRED);
            assertThat(f.row(r).reply()).as(r).contains("before answering this message");
        }
        assertThat(result.progress().count(UNKNOWN)).isZero();
    }

    @Test
    void anAccountWithTheWindowOffSendsWithData() throws Exception {
        f.withContacts(contacts(3)).frozen();
        f.run(lane(0));
        for (String r : contacts(3)) assertThat(f.state(r)).isEqualTo(SENT);
        assertThat(server.commandLines()).contains("DATA").noneMatch(l -> l.startsWith("BDAT"));
    }

    @Test
    void aServerWithoutPipeliningGetsDataEvenWithTheWindowOn() throws Exception {
        server.pipelining(false);
        f.withContacts(contacts(3)).frozen();
        f.run(lane(WINDOW));
        for (String r : contacts(3)) assertThat(f.state(r)).isEqualTo(SENT);
        assertThat(server.commandLines()).contains("DATA").noneMatch(l -> l.startsWith("BDAT"));
    }

    @Test
    void eachRecipientsLogHoldsItsOwnCommandsAndReceipt() throws Exception {
        f.withContacts("a@example.com", "b@example.com", "c@example.com").frozen();
        f.run(lane(WINDOW));
        Map<Long, String> byRecipient = new java.util.HashMap<>();
        f.campaigns.forEachLogLine(f.campaign.id(), 0, 0, l -> byRecipient.merge(l.recipientId(), l.direction() + " " + l.text() + "\n", String::concat));
        for (String r : List.of("a@example.com", "b@example.com", "c@example.com")) {
            String lines = byRecipient.get(f.row(r).id());
            assertThat(lines).as(r).contains("RCPT TO:<" + r + ">", "BDAT", "queued as");
            for (String other : List.of("a@example.com", "b@example.com", "c@example.com")) {
                if (!other.equals(r)) assertThat(lines).doesNotContain(other);
            }
        }
    }
}
