package org.broadside.delivery.direct;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.broadside.delivery.Attempt;
import org.broadside.delivery.DeliveryStoreException;
import org.broadside.delivery.MessengerSession;
import org.broadside.delivery.RecipientState;
import org.broadside.delivery.smtp.Stage;
import org.broadside.testing.smtp.ScriptedSmtpServer;
import org.broadside.testing.smtp.ScriptedSmtpServer.ReceivedCommand;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DirectMessengerTest {
    private final DirectFixture f = new DirectFixture();

    @AfterEach
    void tearDown() throws Exception {
        f.close();
    }

    @Test
    void deliversToTheMostPreferredMx() throws Exception {
        ScriptedSmtpServer backup = f.server("mx2.dest.test");
        ScriptedSmtpServer primary = f.server("mx1.dest.test");
        f.zone.mx("dest.test", 20, "mx2.dest.test").mx("dest.test", 10, "mx1.dest.test");

        Attempt a = f.session(f.options()).send(f.message("ann@dest.test"), () -> { });

        assertThat(a.outcome()).isEqualTo(RecipientState.SENT);
        assertThat(primary.messages()).hasSize(1);
        assertThat(primary.messages().get(0).recipients()).containsExactly("ann@dest.test");
        assertThat(backup.messages()).isEmpty();
    }

    @Test
    void fallsBackToTheNextMxWhenTheFirstRefusesConnections() throws Exception {
        f.deadHost("mx1.dest.test");
        ScriptedSmtpServer backup = f.server("mx2.dest.test");
        f.zone.mx("dest.test", 10, "mx1.dest.test").mx("dest.test", 20, "mx2.dest.test");

        Attempt a = f.session(f.options()).send(f.message("ann@dest.test"), () -> { });

        assertThat(a.outcome()).isEqualTo(RecipientState.SENT);
        assertThat(backup.messages()).hasSize(1);
    }

    @Test
    void fallsBackToTheNextMxWhenTheFirstGreetsWithRefusal() throws Exception {
        f.server("mx1.dest.test").greeting("554 5.3.2 no service here");
        ScriptedSmtpServer backup = f.server("mx2.dest.test");
        f.zone.mx("dest.test", 10, "mx1.dest.test").mx("dest.test", 20, "mx2.dest.test");

        Attempt a = f.session(f.options()).send(f.message("ann@dest.test"), () -> { });

        assertThat(a.outcome()).isEqualTo(RecipientState.SENT);
        assertThat(backup.messages()).hasSize(1);
    }

    @Test
    void domainWithoutMxIsDeliveredToItsOwnAddress() throws Exception {
        ScriptedSmtpServer server = f.server("plain.test");

        Attempt a = f.session(f.options()).send(f.message("bob@plain.test"), () -> { });

        assertThat(a.outcome()).isEqualTo(RecipientState.SENT);
        assertThat(server.messages()).hasSize(1);
    }

    @Test
    void nullMxFailsTheRecipientWithoutConnecting() throws Exception {
        f.zone.nullMx("nomail.test");

        Attempt a = f.session(f.options()).send(f.message("x@nomail.test"), () -> { });

        assertThat(a.outcome()).isEqualTo(RecipientState.FAILED);
        assertThat(a.reply()).isEqualTo("domain accepts no mail (null MX)");
    }

    @Test
    void nonexistentDomainFailsTheRecipient() throws Exception {
        Attempt a = f.session(f.options()).send(f.message("x@nowhere.test"), () -> { });

        assertThat(a.outcome()).isEqualTo(RecipientState.FAILED);
        assertThat(a.reply()).contains("does not exist");
    }

    @Test
    void dnsFailureDefersTheRecipient() throws Exception {
        f.zone.servfail("flaky.test");

        Attempt a = f.session(f.options()).send(f.message("x@flaky.test"), () -> { });

        assertThat(a.outcome()).isEqualTo(RecipientState.DEFERRED);
    }

    @Test
    void mxPointingIntoAPrivateNetworkIsRefused() throws Exception {
        f.zone.mx("evil.test", 10, "mx.evil.test").a("mx.evil.test", "10.1.2.3");

        Attempt a = f.session(f.options()).send(f.message("x@evil.test"), () -> { });

        assertThat(a.outcome()).isEqualTo(RecipientState.FAILED);
        assertThat(a.reply()).contains("10.1.2.3").contains("private network");
    }

    @Test
    void refusedAddressIsSkippedAndThePublicOneOfTheSameHostUsed() throws Exception {
        ScriptedSmtpServer server = f.server("mx.mixed.test");
        f.zone.a("mx.mixed.test", "169.254.169.254").mx("mixed.test", 10, "mx.mixed.test");

        Attempt a = f.session(f.options()).send(f.message("x@mixed.test"), () -> { });

        assertThat(a.outcome()).isEqualTo(RecipientState.SENT);
        assertThat(server.messages()).hasSize(1);
    }

    @Test
    void loopbackTargetsAreRefusedUnlessTestsAllowThem() throws Exception {
        f.server("mx.dest.test");
        f.zone.mx("dest.test", 10, "mx.dest.test");
        DirectOptions production = DirectOptions.defaults("mail.sender.test").withTimeouts(DirectFixture.FAST);

        Attempt a = f.session(production).send(f.message("x@dest.test"), () -> { });

        assertThat(a.outcome()).isEqualTo(RecipientState.FAILED);
        assertThat(a.reply()).contains("loopback");
    }

    @Test
    void oneConnectionCarriesSeveralMessagesToOneDestination() throws Exception {
        ScriptedSmtpServer server = f.server("mx.dest.test");
        f.zone.mx("dest.test", 10, "mx.dest.test");
        MessengerSession session = f.session(f.options());

        for (String r : List.of("a@dest.test", "b@dest.test", "c@DEST.test")) {
            assertThat(session.send(f.message(r), () -> { }).outcome()).isEqualTo(RecipientState.SENT);
        }

        assertThat(server.messages()).hasSize(3);
        assertThat(server.receivedCommands()).extracting(ReceivedCommand::connection).containsOnly(1);
        assertThat(server.commandLines()).filteredOn(l -> l.startsWith("EHLO")).containsExactly("EHLO mail.sender.test");
    }

    @Test
    void recipientsOfDifferentDomainsGoToTheirOwnServersInOneSession() throws Exception {
        ScriptedSmtpServer one = f.server("mx.one.test");
        ScriptedSmtpServer two = f.server("mx.two.test");
        f.zone.mx("one.test", 10, "mx.one.test").mx("two.test", 10, "mx.two.test");
        MessengerSession session = f.session(f.options());

        session.send(f.message("a@one.test"), () -> { });
        session.send(f.message("b@two.test"), () -> { });
        session.send(f.message("c@one.test"), () -> { });

        assertThat(one.messages()).extracting(m -> m.recipients().get(0)).containsExactly("a@one.test", "c@one.test");
        assertThat(two.messages()).extracting(m -> m.recipients().get(0)).containsExactly("b@two.test");
        assertThat(one.receivedCommands()).extracting(ReceivedCommand::connection).containsOnly(1);
    }

    @Test
    void unknownMailboxFailsAndTheConnectionGoesOn() throws Exception {
        ScriptedSmtpServer server = f.server("mx.dest.test");
        f.zone.mx("dest.test", 10, "mx.dest.test");
        server.onRcpt("ghost@dest.test").reply("550 5.1.1 No such user");
        MessengerSession session = f.session(f.options());

        Attempt ghost = session.send(f.message("ghost@dest.test"), () -> { });
        Attempt ann = session.send(f.message("ann@dest.test"), () -> { });

        assertThat(ghost.outcome()).isEqualTo(RecipientState.FAILED);
        assertThat(ghost.enhancedCode()).isEqualTo("5.1.1");
        assertThat(ann.outcome()).isEqualTo(RecipientState.SENT);
    }

    @Test
    void fullMailboxDefersOnlyThatRecipient() throws Exception {
        ScriptedSmtpServer server = f.server("mx.dest.test");
        f.zone.mx("dest.test", 10, "mx.dest.test");
        server.onRcpt("full@dest.test").reply("452 4.2.2 Mailbox full");
        MessengerSession session = f.session(f.options());

        Attempt full = session.send(f.message("full@dest.test"), () -> { });
        Attempt ann = session.send(f.message("ann@dest.test"), () -> { });

        assertThat(full.outcome()).isEqualTo(RecipientState.DEFERRED);
        assertThat(ann.outcome()).isEqualTo(RecipientState.SENT);
    }

    @Test
    void temporaryRefusalBacksOffTheDestinationButNotOthers() throws Exception {
        ScriptedSmtpServer busy = f.server("mx.busy.test");
        ScriptedSmtpServer other = f.server("mx.other.test");
        f.zone.mx("busy.test", 10, "mx.busy.test").mx("other.test", 10, "mx.other.test");
        busy.on(Stage.MAIL).reply("451 4.7.1 Try again later, too many messages");
        MessengerSession session = f.session(f.options());

        Attempt first = session.send(f.message("a@busy.test"), () -> { });
        Attempt second = session.send(f.message("b@busy.test"), () -> { });
        Attempt elsewhere = session.send(f.message("c@other.test"), () -> { });

        assertThat(first.outcome()).isEqualTo(RecipientState.DEFERRED);
        assertThat(first.code()).isEqualTo(451);
        assertThat(second.outcome()).isEqualTo(RecipientState.DEFERRED);
        assertThat(second.reply()).contains("backed off");
        assertThat(busy.commandLines()).filteredOn(l -> l.startsWith("MAIL")).hasSize(1);
        assertThat(elsewhere.outcome()).isEqualTo(RecipientState.SENT);
        assertThat(other.messages()).hasSize(1);
    }

    @Test
    void backOffSeenByOneSessionStopsTheOthersOpenConnection() throws Exception {
        ScriptedSmtpServer server = f.server("mx.dest.test");
        f.zone.mx("dest.test", 10, "mx.dest.test");
        DirectMessenger messenger = new DirectMessenger(f.zone.lookup(), f.options());
        MessengerSession first = f.session(messenger);
        MessengerSession second = f.session(messenger);
        first.send(f.message("a@dest.test"), () -> { });
        server.on(Stage.MAIL).reply("421 4.7.0 Too many connections, slow down");

        Attempt refused = second.send(f.message("b@dest.test"), () -> { });
        Attempt held = first.send(f.message("c@dest.test"), () -> { });

        assertThat(refused.outcome()).isEqualTo(RecipientState.DEFERRED);
        assertThat(held.outcome()).isEqualTo(RecipientState.DEFERRED);
        assertThat(held.reply()).contains("backed off");
        assertThat(server.messages()).hasSize(1);
    }

    @Test
    void noReachableMxDefersAndKeepsTheSessionUsable() throws Exception {
        f.deadHost("mx.down.test");
        f.zone.mx("down.test", 10, "mx.down.test");
        MessengerSession session = f.session(f.options());

        Attempt a = session.send(f.message("a@down.test"), () -> { });

        assertThat(a.outcome()).isEqualTo(RecipientState.DEFERRED);
        assertThat(a.connectionLost()).isFalse();
        assertThat(session.usable()).isTrue();
    }

    @Test
    void connectionLostAfterEndOfDataIsUnknownAndOnlyThatConnectionCloses() throws Exception {
        ScriptedSmtpServer server = f.server("mx.dest.test");
        f.zone.mx("dest.test", 10, "mx.dest.test");
        server.on(Stage.END_OF_DATA).disconnect();
        MessengerSession session = f.session(f.options());

        Attempt a = session.send(f.message("a@dest.test"), () -> { });

        assertThat(a.outcome()).isEqualTo(RecipientState.UNKNOWN);
        assertThat(a.connectionLost()).isFalse();
        assertThat(session.usable()).isTrue();
    }

    @Test
    void endOfDataHookRunsBeforeTheFinalDot() throws Exception {
        ScriptedSmtpServer server = f.server("mx.dest.test");
        f.zone.mx("dest.test", 10, "mx.dest.test");
        int[] messagesSeenByHook = {-1};

        f.session(f.options()).send(f.message("a@dest.test"), () -> messagesSeenByHook[0] = server.messages().size());

        assertThat(messagesSeenByHook[0]).isZero();
        assertThat(server.messages()).hasSize(1);
    }

    @Test
    void failureToRecordEndOfDataStopsBeforeTheFinalDot() throws Exception {
        ScriptedSmtpServer server = f.server("mx.dest.test");
        f.zone.mx("dest.test", 10, "mx.dest.test");
        MessengerSession session = f.session(f.options());

        assertThatThrownBy(() -> session.send(f.message("a@dest.test"), () -> {
            throw new IllegalStateException("disk full");
        })).isInstanceOf(DeliveryStoreException.class).hasMessageContaining("disk full");
        assertThat(server.messages()).isEmpty();
    }

    @Test
    void interruptionInTheEndOfDataHookIsPassedOn() throws Exception {
        ScriptedSmtpServer server = f.server("mx.dest.test");
        f.zone.mx("dest.test", 10, "mx.dest.test");
        MessengerSession session = f.session(f.options());

        assertThatThrownBy(() -> session.send(f.message("a@dest.test"), () -> {
            throw new InterruptedException("stop");
        })).isInstanceOf(InterruptedException.class);
        Thread.interrupted();
        assertThat(server.messages()).isEmpty();
    }

    @Test
    void perDestinationConnectionLimitHoldsAcrossSessions() throws Exception {
        ScriptedSmtpServer server = f.server("mx.dest.test");
        f.zone.mx("dest.test", 10, "mx.dest.test");
        DirectMessenger messenger = new DirectMessenger(f.zone.lookup(), f.options().withLimits(1, 4));
        MessengerSession first = f.session(messenger);
        MessengerSession second = f.session(messenger);

        Attempt a = first.send(f.message("a@dest.test"), () -> { });
        Attempt b = second.send(f.message("b@dest.test"), () -> { });
        first.close();
        Attempt c = second.send(f.message("c@dest.test"), () -> { });

        assertThat(a.outcome()).isEqualTo(RecipientState.SENT);
        assertThat(b.outcome()).isEqualTo(RecipientState.DEFERRED);
        assertThat(b.reply()).contains("already 1 connection(s) open to dest.test");
        assertThat(c.outcome()).isEqualTo(RecipientState.SENT);
        assertThat(server.messages()).hasSize(2);
    }

    @Test
    void leastRecentlyUsedDestinationIsClosedWhenTheSessionKeepsTooMany() throws Exception {
        ScriptedSmtpServer one = f.server("mx.one.test");
        f.server("mx.two.test");
        f.zone.mx("one.test", 10, "mx.one.test").mx("two.test", 10, "mx.two.test");
        MessengerSession session = f.session(f.options().withLimits(2, 1));

        session.send(f.message("a@one.test"), () -> { });
        session.send(f.message("b@two.test"), () -> { });
        session.send(f.message("c@one.test"), () -> { });

        assertThat(one.commandLines()).contains("QUIT");
        assertThat(one.receivedCommands()).extracting(ReceivedCommand::connection).containsOnly(1, 2);
        assertThat(one.messages()).hasSize(2);
    }

    @Test
    void closingTheSessionSaysQuitToEveryDestination() throws Exception {
        ScriptedSmtpServer one = f.server("mx.one.test");
        ScriptedSmtpServer two = f.server("mx.two.test");
        f.zone.mx("one.test", 10, "mx.one.test").mx("two.test", 10, "mx.two.test");
        MessengerSession session = f.session(f.options());
        session.send(f.message("a@one.test"), () -> { });
        session.send(f.message("b@two.test"), () -> { });

        session.close();

        assertThat(one.commandLines()).endsWith("QUIT");
        assertThat(two.commandLines()).endsWith("QUIT");
        assertThat(session.usable()).isFalse();
    }

    @Test
    void logLinesNameTheMxHost() throws Exception {
        f.server("mx.dest.test");
        f.zone.mx("dest.test", 10, "mx.dest.test");

        f.session(f.options()).send(f.message("a@dest.test"), () -> { });

        assertThat(f.logText()).contains("CLIENT mx.dest.test MAIL FROM:<bounces@sender.test>")
                .contains("INFO mx.dest.test connecting to 127.0.0.1:");
    }
}
