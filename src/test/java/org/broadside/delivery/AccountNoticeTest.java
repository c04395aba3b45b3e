package org.broadside.delivery;

import org.broadside.campaign.DeliveryOptions;
import org.broadside.delivery.smtp.AuthMechanism;
import org.broadside.delivery.smtp.SmtpEndpoint;
import org.broadside.delivery.smtp.SmtpTimeouts;
import org.broadside.log.ConnectFailureExplainer;
import org.broadside.log.Explanation;
import org.broadside.log.Persistence;
import org.broadside.testing.smtp.ScriptedSmtpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.broadside.delivery.RecipientState.*;

/**
 * No silent failure: every account-level problem of a run reaches the listener as an {@link AccountNotice} within a
 * moment, with the server's address, the account's name and what to do; a dead server pauses the run instead of
 * being retried forever. Real SMTP client against a scripted server and a port that refuses connections.
 */
class AccountNoticeTest {
    private static final SmtpTimeouts FAST = SmtpTimeouts.rfc5321().cappedAt(Duration.ofSeconds(5));
    private final EngineFixture f = new EngineFixture();
    private final BlockingQueue<AccountNotice> notices = new LinkedBlockingQueue<>();
    private final DeliveryListener listener = new DeliveryListener() {
        @Override
        public void accountNotice(AccountNotice notice) {
            notices.add(notice);
        }
    };
    private ScriptedSmtpServer server;
    /** Bound but not listening: connecting to its port is refused, and no other server can take the port meanwhile. */
    private Socket dead;

    @BeforeEach
    void start() throws Exception {
        server = ScriptedSmtpServer.start();
        dead = new Socket();
        dead.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
        dead.close();
    }

    private AccountLane deadLane(int maxFailures, long firstBackoffMillis) {
        SmtpMessenger m = new SmtpMessenger(SmtpEndpoint.plain("127.0.0.1", dead.getLocalPort(), "example.org"), FAST);
        return EngineFixture.lane("Work", m, 1).withConnectionFailures(maxFailures, firstBackoffMillis);
    }

    private AccountLane scripted(SmtpEndpoint endpoint, long firstBackoffMillis) {
        return EngineFixture.lane("Work", new SmtpMessenger(endpoint, FAST), 1).withConnectionFailures(0, firstBackoffMillis);
    }

    private RunHandle start(boolean waitForRetries, AccountLane... lanes) {
        return f.engine.start(new RunRequest(f.campaigns.find("campaign-1").orElseThrow(), EngineFixture.composer(), List.of(lanes),
                DeliveryOptions.defaults(), waitForRetries, false, listener, null));
    }

    private List<AccountNotice> drained() {
        List<AccountNotice> all = new ArrayList<>();
        notices.drainTo(all);
        return all;
    }

    @Test
    void refusedConnectionIsAnnouncedWithinTwoSecondsWithTheAddressAndTheAccount() throws Exception {
        f.withContacts("a@example.com").frozen();
        RunHandle run = start(false, deadLane(5, 10_000));
        AccountNotice n = notices.poll(2, TimeUnit.SECONDS);
        run.stop();
        run.await(10, TimeUnit.SECONDS);
        assertThat(n).isNotNull();
        assertThat(n.kind()).isEqualTo(AccountNotice.Kind.UNREACHABLE);
        assertThat(n.account()).isEqualTo("Work");
        assertThat(n.cause()).isEqualTo("Cannot reach 127.0.0.1:" + dead.getLocalPort() + ": connection refused");
        assertThat(n.advice()).contains("account Work");
        assertThat(n.attempt()).isEqualTo(1);
        assertThat(n.nextTry()).isAfter(n.at());
        assertThat(n.sentence()).endsWith("Next try in 10 s.");
    }

    @Test
    void afterFiveFailedConnectionsInARowTheRunPausesItselfAndKeepsItsRecipients() throws Exception {
        f.withContacts("a@example.com", "b@example.com").frozen();
        RunResult r = start(true, deadLane(5, 20)).await(20, TimeUnit.SECONDS);
        assertThat(r).as("the run ended by itself").isNotNull();
        assertThat(r.status()).isEqualTo(CampaignStatus.PAUSED);
        assertThat(r.reason()).contains("connection refused").contains("5 failed connections in a row");
        List<AccountNotice> all = drained();
        assertThat(all).extracting(AccountNotice::kind).containsExactly(AccountNotice.Kind.UNREACHABLE, AccountNotice.Kind.UNREACHABLE,
                AccountNotice.Kind.UNREACHABLE, AccountNotice.Kind.UNREACHABLE, AccountNotice.Kind.GAVE_UP);
        assertThat(all).extracting(AccountNotice::attempt).containsExactly(1, 2, 3, 4, 5);
        assertThat(all.get(4).nextTry()).isNull();
        assertThat(f.state("a@example.com")).isEqualTo(PENDING);
        assertThat(f.state("b@example.com")).isEqualTo(PENDING);
    }

    @Test
    void aNewRunAfterTheSelfPauseTriesAgainAtOnce() throws Exception {
        f.withContacts("a@example.com").frozen();
        // A long first back-off: a second attempt within this run would take 30 s.
        assertThat(start(true, deadLane(1, 30_000)).await(10, TimeUnit.SECONDS).status()).isEqualTo(CampaignStatus.PAUSED);
        drained();
        long started = System.nanoTime();
        RunHandle again = start(true, deadLane(1, 30_000));
        AccountNotice n = notices.poll(5, TimeUnit.SECONDS);
        assertThat(n).isNotNull();
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).isLessThan(1500);
        assertThat(n.attempt()).isEqualTo(1);
        assertThat(again.await(10, TimeUnit.SECONDS).status()).isEqualTo(CampaignStatus.PAUSED);
    }

    @Test
    void aResumedRunSendsWhenTheServerIsBack() throws Exception {
        f.withContacts("a@example.com").frozen();
        assertThat(start(true, deadLane(1, 30_000)).await(10, TimeUnit.SECONDS).status()).isEqualTo(CampaignStatus.PAUSED);
        RunResult r = start(true, scripted(SmtpEndpoint.plain("127.0.0.1", server.port(), "example.org"), 0)).await(10, TimeUnit.SECONDS);
        assertThat(r.status()).isEqualTo(CampaignStatus.FINISHED);
        assertThat(f.state("a@example.com")).isEqualTo(SENT);
    }

    @Test
    void wrongPasswordIsAnAuthenticationNoticeAndTakesTheAccountOutAtOnce() throws Exception {
        server.auth("sender", "right-password", "PLAIN");
        f.withContacts("a@example.com").frozen();
        SmtpEndpoint endpoint = SmtpEndpoint.plain("127.0.0.1", server.port(), "example.org")
                .withAuth(AuthMechanism.PLAIN, "sender", "wrong-password"::toCharArray);
        RunResult r = start(true, scripted(endpoint, 0)).await(10, TimeUnit.SECONDS);
        List<AccountNotice> all = drained();
        assertThat(all).hasSize(1);
        assertThat(all.get(0).kind()).isEqualTo(AccountNotice.Kind.AUTHENTICATION);
        assertThat(all.get(0).cause()).contains("127.0.0.1:" + server.port()).contains("refused the login of account Work").contains("535");
        assertThat(all.get(0).advice()).contains("user name and password");
        assertThat(all.get(0).nextTry()).isNull();
        assertThat(r.status()).isEqualTo(CampaignStatus.PAUSED);
        assertThat(r.reason()).doesNotContain("wrong-password");
        assertThat(f.state("a@example.com")).isEqualTo(PENDING);
    }

    @Test
    void busyServerIsAnnouncedAndSoIsItsRecovery() throws Exception {
        server.greeting("421 4.7.0 Too many connections, try later");
        f.withContacts("a@example.com").frozen();
        RunHandle run = start(true, scripted(SmtpEndpoint.plain("127.0.0.1", server.port(), "example.org"), 300));
        AccountNotice busy = notices.poll(2, TimeUnit.SECONDS);
        assertThat(busy).isNotNull();
        assertThat(busy.kind()).isEqualTo(AccountNotice.Kind.BUSY);
        assertThat(busy.cause()).contains("127.0.0.1:" + server.port()).contains("Too many connections");
        server.greeting("220 scripted.test ESMTP ready");
        AccountNotice recovered = notices.poll(3, TimeUnit.SECONDS);
        assertThat(recovered).isNotNull();
        assertThat(recovered.kind()).isEqualTo(AccountNotice.Kind.RECOVERED);
        assertThat(recovered.account()).isEqualTo("Work");
        assertThat(run.await(10, TimeUnit.SECONDS).status()).isEqualTo(CampaignStatus.FINISHED);
        assertThat(f.state("a@example.com")).isEqualTo(SENT);
    }

    @Test
    void closingWith421MidSessionIsABusyNotice() throws Exception {
        server.on(org.broadside.delivery.smtp.Stage.MAIL).reply("421 4.7.0 Too many messages, closing");
        f.withContacts("a@example.com").frozen();
        start(false, scripted(SmtpEndpoint.plain("127.0.0.1", server.port(), "example.org"), 0)).await(10, TimeUnit.SECONDS);
        List<AccountNotice> all = drained();
        assertThat(all).extracting(AccountNotice::kind).containsExactly(AccountNotice.Kind.BUSY);
        assertThat(all.get(0).cause()).contains("421").contains("Too many messages");
        assertThat(all.get(0).nextTry()).isNotNull();
        assertThat(f.state("a@example.com")).isEqualTo(DEFERRED);
    }

    @Test
    void reachedHourlyLimitIsAQuotaNoticeWithTheTimeItFrees() throws Exception {
        f.withContacts("a@example.com", "b@example.com").frozen();
        AccountLane limited = new AccountLane("Work", new SmtpMessenger(SmtpEndpoint.plain("127.0.0.1", server.port(), "example.org"), FAST),
                1, 0, 0, 0, 1, 0, 1);
        RunResult r = start(false, limited).await(10, TimeUnit.SECONDS);
        List<AccountNotice> all = drained();
        assertThat(all).extracting(AccountNotice::kind).containsExactly(AccountNotice.Kind.QUOTA);
        assertThat(all.get(0).cause()).contains("limit of 1 messages per hour");
        assertThat(Duration.between(all.get(0).at(), all.get(0).nextTry())).isGreaterThan(Duration.ofMinutes(59));
        assertThat(r.progress().count(SENT)).isEqualTo(1);
        assertThat(r.progress().count(PENDING)).isEqualTo(1);
    }

    @Test
    void groupPauseOfTwoSecondsIsAPacingNoticeButAShortOneIsNot() throws Exception {
        f.withContacts("a@example.com", "b@example.com").frozen();
        Messenger m = new SmtpMessenger(SmtpEndpoint.plain("127.0.0.1", server.port(), "example.org"), FAST);
        start(false, new AccountLane("Work", m, 1, 0, 1, 2000, 0, 0, 1)).await(10, TimeUnit.SECONDS);
        List<AccountNotice> all = drained();
        assertThat(all).extracting(AccountNotice::kind).contains(AccountNotice.Kind.PACING);
        assertThat(all.get(0).nextTry()).isNotNull();

        EngineFixture g = new EngineFixture();
        g.withContacts("a@example.com", "b@example.com").frozen();
        g.engine.run(new RunRequest(g.campaigns.find("campaign-1").orElseThrow(), EngineFixture.composer(),
                List.of(new AccountLane("Work", m, 1, 0, 1, 300, 0, 0, 1)), DeliveryOptions.defaults(), false, false, listener, null));
        assertThat(drained()).isEmpty();
    }

    @Test
    void connectionLogExplainsARefusedConnection() throws Exception {
        f.withContacts("a@example.com").frozen();
        start(true, deadLane(1, 20)).await(10, TimeUnit.SECONDS);
        List<LogLine> lines = new ArrayList<>();
        f.campaigns.forEachLogLine(f.campaign.id(), 0, 0, lines::add);
        List<Explanation> explained = lines.stream().filter(l -> l.direction() == LineDirection.INFO)
                .map(l -> ConnectFailureExplainer.explainInfoLine(l.text())).filter(java.util.Objects::nonNull).toList();
        assertThat(explained).hasSize(1);
        assertThat(explained.get(0).meaning()).contains("connection refused");
        assertThat(explained.get(0).persistence()).isEqualTo(Persistence.TEMPORARY);
        assertThat(explained.get(0).advice()).contains("port");
    }
}
