package org.broadside.delivery;

import org.broadside.testing.smtp.ScriptedSmtpServer;
import org.broadside.testing.smtp.ScriptedSmtpServer.ReceivedCommand;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.broadside.delivery.RecipientState.*;

/**
 * The engine writes the next recipient's MAIL/RCPT/DATA right behind the current message's "." when the server offers
 * PIPELINING: one round trip per message instead of two. These tests pin what must not change because of it: each
 * outcome lands on the right recipient, a recipient whose envelope was written ahead is never lost, never UNKNOWN and
 * never sent twice when the connection ends under it, and the connection log files every line under its transaction.
 */
class PipelinedDeliveryTest {
    private final EngineFixture f = new EngineFixture();
    private ScriptedSmtpServer server;

    @BeforeEach
    void start() throws Exception {
        server = ScriptedSmtpServer.start();
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    private AccountLane lane() {
        return EngineFixture.scriptedLane(server, 1);
    }

    @Test
    void theNextEnvelopeTravelsInTheSameWriteAsTheEndOfData() throws Exception {
        f.withContacts("a@example.com", "b@example.com", "c@example.com").frozen();
        f.run(lane());
        assertThat(List.of(f.state("a@example.com"), f.state("b@example.com"), f.state("c@example.com"))).containsOnly(SENT);
        List<ReceivedCommand> commands = server.receivedCommands();
        List<Integer> dots = new ArrayList<>();
        for (int i = 0; i < commands.size(); i++) if (commands.get(i).line().equals(".")) dots.add(i);
        assertThat(dots).hasSize(3);
        // The first two "." are each followed by the next MAIL that arrived in the very same read; the last is not.
        for (int d : dots.subList(0, 2)) {
            ReceivedCommand dot = commands.get(d), next = commands.get(d + 1);
            assertThat(next.line()).startsWith("MAIL FROM:");
            assertThat(next.read()).as("MAIL after the \".\" came in the same read").isEqualTo(dot.read());
        }
        assertThat(server.messages()).hasSize(3);
    }

    @Test
    void withoutPipeliningEveryMessageWaitsForItsReplies() throws Exception {
        server.pipelining(false);
        f.withContacts("a@example.com", "b@example.com").frozen();
        f.run(lane());
        assertThat(List.of(f.state("a@example.com"), f.state("b@example.com"))).containsOnly(SENT);
        List<ReceivedCommand> commands = server.receivedCommands();
        for (int i = 0; i + 1 < commands.size(); i++) {
            if (commands.get(i).line().equals(".")) assertThat(commands.get(i + 1).read()).isNotEqualTo(commands.get(i).read());
        }
    }

    @Test
    void eachRecipientsLogHoldsItsOwnCommandsAndReplies() throws Exception {
        f.withContacts("a@example.com", "b@example.com").frozen();
        f.run(lane());
        Map<Long, String> byRecipient = new java.util.HashMap<>();
        f.campaigns.forEachLogLine(f.campaign.id(), 0, 0, l -> byRecipient.merge(l.recipientId(), l.direction() + " " + l.text() + "\n", String::concat));
        String a = byRecipient.get(f.row("a@example.com").id());
        String b = byRecipient.get(f.row("b@example.com").id());
        assertThat(a).contains("RCPT TO:<a@example.com>", "CLIENT .", "queued as Q1").doesNotContain("b@example.com");
        assertThat(b).contains("MAIL FROM:", "RCPT TO:<b@example.com>", "DATA", "354", "queued as Q2").doesNotContain("a@example.com");
    }

    @Test
    void aServerClosingAtTheEndOfDataGivesTheEnvelopeWrittenAheadBackUnsent() throws Exception {
        f.withContacts("a@example.com", "b@example.com", "c@example.com").frozen();
        server.onEndOfDataFor("a@example.com").reply("421 4.3.2 Service shutting down");
        RunResult r = f.run(lane());
        assertThat(f.state("a@example.com")).isEqualTo(DEFERRED);
        assertThat(f.row("a@example.com").code()).isEqualTo(421);
        // b's MAIL/RCPT/DATA went out behind a's "." on the connection that closed: b was not attempted there.
        assertThat(f.state("b@example.com")).isEqualTo(SENT);
        assertThat(f.row("b@example.com").attempts()).isEqualTo(1);
        assertThat(f.state("c@example.com")).isEqualTo(SENT);
        assertThat(deliveredTo()).containsExactlyInAnyOrder("b@example.com", "c@example.com");
        assertThat(r.progress().count(UNKNOWN)).isZero();
    }

    @Test
    void aConnectionLostAfterTheEndOfDataLeavesOnlyThatRecipientUnknown() throws Exception {
        f.withContacts("a@example.com", "b@example.com", "c@example.com").frozen();
        server.onEndOfDataFor("a@example.com").disconnect();
        f.run(lane());
        assertThat(f.state("a@example.com")).isEqualTo(UNKNOWN);
        assertThat(f.state("b@example.com")).isEqualTo(SENT);
        assertThat(f.state("c@example.com")).isEqualTo(SENT);
        assertThat(deliveredTo()).containsExactlyInAnyOrder("b@example.com", "c@example.com");
    }

    @Test
    void aRejectedEndOfDataDoesNotDisturbTheNextTransaction() throws Exception {
        f.withContacts("a@example.com", "b@example.com").frozen();
        server.onEndOfDataFor("a@example.com").reply("554 5.7.1 Message rejected as spam");
        f.run(lane());
        assertThat(f.state("a@example.com")).isEqualTo(FAILED);
        assertThat(f.row("a@example.com").enhancedCode()).isEqualTo("5.7.1");
        assertThat(f.state("b@example.com")).isEqualTo(SENT);
        assertThat(f.row("b@example.com").queueId()).isNotBlank();
    }

    private List<String> deliveredTo() {
        return server.messages().stream().flatMap(m -> m.recipients().stream()).collect(Collectors.toList());
    }
}
