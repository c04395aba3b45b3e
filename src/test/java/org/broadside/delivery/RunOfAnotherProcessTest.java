package org.broadside.delivery;

import org.broadside.store.ProcessIdentity;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The engine and the runs of other processes: no second sender of one campaign, and a stop asked from elsewhere. */
class RunOfAnotherProcessTest {

    @Test
    void aSendWhileAnotherMachineSendsTheCampaignSendsNothingAndLeavesItsStatusAlone() throws Exception {
        EngineFixture f = new EngineFixture().withContacts("a@example.org", "b@example.org").frozen();
        new SendingRuns(f.db).start(f.campaign.id(), "Test", new ProcessIdentity("host-b.example", 99, 1), Duration.ofSeconds(30));
        CampaignStatus before = f.campaigns.find("campaign-1").orElseThrow().status();
        FakeMessenger m = new FakeMessenger();

        RunResult r = f.run(EngineFixture.lane("fake", m, 1));

        assertThat(r.refused()).isTrue();
        assertThat(r.reason()).contains("is being sent by process 99 on host-b.example");
        assertThat(m.opened).as("no connection opened").hasValue(0);
        assertThat(f.campaigns.find("campaign-1").orElseThrow().status()).isEqualTo(before);
        assertThat(f.state("a@example.org")).isEqualTo(RecipientState.PENDING);
    }

    @Test
    void aStopAskedFromAnotherWindowStopsTheRunAtItsNextRenewalWithNothingLost() throws Exception {
        String[] emails = new String[200];
        for (int i = 0; i < emails.length; i++) emails[i] = "r" + i + "@example.org";
        EngineFixture f = new EngineFixture().withContacts(emails).frozen();
        FakeMessenger m = new FakeMessenger();
        m.afterHook = () -> {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        System.setProperty("broadside.runLeaseMillis", "600");
        RunHandle handle;
        try {
            handle = f.engine.start(new RunRequest(f.campaigns.find("campaign-1").orElseThrow(), EngineFixture.composer(),
                    java.util.List.of(EngineFixture.lane("fake", m, 1)), null, false, false, null, null));
        } finally {
            System.clearProperty("broadside.runLeaseMillis");
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (m.delivered.size() < 5 && System.nanoTime() < deadline) Thread.sleep(10);
        SendingRuns runs = new SendingRuns(f.db);
        assertThat(runs.live(f.campaign.id())).hasSize(1);

        assertThat(runs.requestStop(f.campaign.id())).isEqualTo(1);
        RunResult r = handle.await(10, TimeUnit.SECONDS);

        assertThat(r).as("stopped within a renewal (200 ms) and the message in flight").isNotNull();
        assertThat(r.status()).isEqualTo(CampaignStatus.STOPPED);
        assertThat(m.delivered.size()).isLessThan(emails.length);
        assertThat(r.progress().count(RecipientState.SENT)).isEqualTo(m.delivered.size());
        assertThat(r.progress().count(RecipientState.SENT) + r.progress().count(RecipientState.PENDING)).isEqualTo(emails.length);
        assertThat(runs.live(f.campaign.id())).isEmpty();
    }
}
