package org.broadside.ui;

import javafx.stage.Stage;
import org.broadside.accounts.AccountPresets;
import org.broadside.campaign.Campaign;
import org.broadside.campaign.Unsubscribe;
import org.broadside.contacts.Contact;
import org.broadside.delivery.CampaignRecord;
import org.broadside.delivery.CampaignStatus;
import org.broadside.delivery.RecipientState;
import org.broadside.testing.smtp.ScriptedSmtpServer;
import org.broadside.ui.common.FxBackgroundRunner;
import org.broadside.ui.delivery.CampaignRunner;
import org.broadside.ui.shell.CampaignDraft;
import org.broadside.ui.shell.MainWindow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Closing a campaign window while it sends stops that send: the open transaction finishes, the rest stays PENDING,
 * nothing is left UNKNOWN, and reopening the campaign offers Resume, which sends the rest once.
 * The real app's services and engine, sending to a scripted SMTP server that answers each message slowly.
 */
@ExtendWith(ApplicationExtension.class)
class ClosingASendingWindowTest {
    static final int RECIPIENTS = 20;
    @TempDir Path dir;
    private AppServices services;
    private AppWindows windows;
    private ScriptedSmtpServer server;

    @Start
    void start(Stage ignored) throws Exception {
        services = BroadsideApplication.create(dir.resolve("home"), new FxBackgroundRunner());
        windows = new AppWindows(services);
        server = ScriptedSmtpServer.start();
        // About 150 ms per message: the reply to the final dot arrives a byte at a time.
        server.on(org.broadside.delivery.smtp.Stage.END_OF_DATA).reply("250 2.0.0 Ok: queued").trickle(Duration.ofMillis(7));
        services.accounts().save(AccountPresets.find("sandbox").orElseThrow().builder("Slow")
                .host("127.0.0.1").port(server.port()).connections(1).build());
        var list = services.contacts().createList("Members", List.of("First Name"));
        List<Contact> members = new ArrayList<>();
        for (int i = 0; i < RECIPIENTS; i++) members.add(Contact.of("m" + i + "@example.com", Map.of("First Name", "M" + i)));
        services.contacts().upsert(list.id(), members);
    }

    @AfterEach
    void close() throws Exception {
        services.close();
        server.close();
    }

    private static Campaign campaign(String id) {
        return Campaign.blank(id, "Closing").withRecipients(List.of("Slow"), "Members", null)
                .withMessage("News <news@example.com>", null, "Hello [First Name]", "Hello [First Name], news inside. [Unsubscribe]", null)
                .withUnsubscribe(new Unsubscribe("leave@example.com", null, false));
    }

    private MainWindow open(Campaign campaign) throws Exception {
        MainWindow w = WaitForAsyncUtils.asyncFx(() -> windows.show(new CampaignDraft(campaign, null))).get();
        WaitForAsyncUtils.asyncFx(() -> w.show("Delivery")).get();
        return w;
    }

    private CampaignRecord record(String uid) {
        return services.campaigns().find(uid).orElseThrow();
    }

    private boolean hasStatus(String uid, CampaignStatus status) {
        return services.campaigns().find(uid).map(r -> r.status() == status).orElse(false);
    }

    private Map<RecipientState, Long> counts(String uid) {
        return services.campaigns().counts(record(uid).id());
    }

    private static long count(Map<RecipientState, Long> counts, RecipientState s) {
        return counts.getOrDefault(s, 0L);
    }

    /** Waits for the run to end as STOPPED, then checks that nothing more is sent while the window stays closed. */
    private Map<RecipientState, Long> stoppedForGood(String uid) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> hasStatus(uid, CampaignStatus.STOPPED));
        Map<RecipientState, Long> atStop = counts(uid);
        int receivedAtStop = server.messages().size();
        Thread.sleep(1_000); // several message times: a run that went on would have sent more by now
        assertThat(counts(uid)).isEqualTo(atStop);
        assertThat(server.messages()).hasSize(receivedAtStop);
        assertThat(count(atStop, RecipientState.UNKNOWN)).isZero();
        assertThat(count(atStop, RecipientState.SENT) + count(atStop, RecipientState.PENDING)).isEqualTo(RECIPIENTS);
        assertThat((long) receivedAtStop).isEqualTo(count(atStop, RecipientState.SENT));
        return atStop;
    }

    @Test
    void closingTheWindowStopsTheSendAndResumeAfterReopeningSendsTheRestOnce(FxRobot robot) throws Exception {
        Campaign campaign = campaign("closing-1");
        MainWindow w = open(campaign);
        robot.clickOn("#sendButton");
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> server.messages().size() >= 3);

        int receivedAtClose = server.messages().size();
        robot.interact(() -> w.stage().close());

        Map<RecipientState, Long> atStop = stoppedForGood(campaign.id());
        // One connection: at most the transaction open at the close finished after it.
        assertThat(count(atStop, RecipientState.SENT)).isBetween((long) receivedAtClose, receivedAtClose + 1L);
        assertThat(count(atStop, RecipientState.PENDING)).isGreaterThan(0);

        MainWindow again = open(campaign);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !robot.lookup("#resumeButton").queryButton().isDisabled());
        assertThat(robot.lookup("#deliveryStatus").queryLabeled().getText()).startsWith("Stopped");
        robot.clickOn("#resumeButton");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> hasStatus(campaign.id(), CampaignStatus.FINISHED));

        assertThat(count(counts(campaign.id()), RecipientState.SENT)).isEqualTo(RECIPIENTS);
        assertThat(server.messages()).hasSize(RECIPIENTS);
        assertThat(server.messages().stream().flatMap(m -> m.recipients().stream()).distinct()).hasSize(RECIPIENTS);
        robot.interact(() -> again.stage().close());
    }

    @Test
    void closingTheWindowWhileTheSendIsStillStartingStopsItOnceItStarts(FxRobot robot) throws Exception {
        CountDownLatch startAsked = new CountDownLatch(1);
        CountDownLatch windowClosed = new CountDownLatch(1);
        CampaignRunner real = services.campaignRunner();
        // Holds the start (pre-send check, freeze, engine) until the window is gone: the close lands in that moment.
        services.setCampaignRunner((doc, wait, unknown, listener) -> {
            startAsked.countDown();
            windowClosed.await(10, TimeUnit.SECONDS);
            return real.start(doc, wait, unknown, listener);
        });
        Campaign campaign = campaign("closing-2");
        MainWindow w = open(campaign);
        robot.clickOn("#sendButton");
        assertThat(startAsked.await(10, TimeUnit.SECONDS)).isTrue();

        robot.interact(() -> w.stage().close());
        windowClosed.countDown();

        Map<RecipientState, Long> atStop = stoppedForGood(campaign.id());
        assertThat(count(atStop, RecipientState.SENT)).isLessThanOrEqualTo(1);
        assertThat(count(atStop, RecipientState.PENDING)).isGreaterThanOrEqualTo(RECIPIENTS - 1);
    }
}
