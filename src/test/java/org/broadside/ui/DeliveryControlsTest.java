package org.broadside.ui;

import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.broadside.accounts.Account;
import org.broadside.accounts.AccountSecurity;
import org.broadside.campaign.Campaign;
import org.broadside.campaign.Unsubscribe;
import org.broadside.contacts.Contact;
import org.broadside.delivery.RecipientState;
import org.broadside.testing.TempDirs;
import org.broadside.ui.common.FxBackgroundRunner;
import org.broadside.ui.delivery.RecipientItem;
import org.broadside.ui.shell.CampaignDraft;
import org.broadside.ui.shell.MainWindow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The delivery controls beside the menus work from every tab, with the real app's services, store and engine: the
 * Sandbox for a send that works, a port that refuses connections for one that cannot.
 */
@ExtendWith(ApplicationExtension.class)
class DeliveryControlsTest {
    private AppServices services;
    private AppWindows windows;
    private Socket deadPort;

    @Start
    void start(Stage ignored) throws Exception {
        services = BroadsideApplication.create(TempDirs.create("controls").resolve("home"), new FxBackgroundRunner());
        windows = new AppWindows(services);
        var list = services.contacts().createList("Members", List.of("First Name"));
        services.contacts().upsert(list.id(), List.of(Contact.of("ann@example.com", Map.of("First Name", "Ann")),
                Contact.of("bob@example.com", Map.of("First Name", "Bob")), Contact.of("cy@example.com", Map.of("First Name", "Cy"))));
    }

    @AfterEach
    void close() throws Exception {
        // A failed test leaves its window open: later lookups by id would find its buttons.
        WaitForAsyncUtils.asyncFx(() -> List.copyOf(windows.documents()).forEach(w -> w.stage().close())).get();
        services.close();
        if (deadPort != null) deadPort.close();
    }

    private static Campaign campaign(String id, String account) {
        return Campaign.blank(id, "Controls").withRecipients(List.of(account), "Members", null)
                .withMessage("News <news@example.com>", null, "Hello [First Name]", "Hello [First Name], news inside. [Unsubscribe]", null)
                .withUnsubscribe(new Unsubscribe("leave@example.com", null, false));
    }

    /** This test's window only: other test classes' windows may still be open in this JVM, or lie on top of it. */
    private static org.testfx.service.query.NodeQuery in(FxRobot robot, MainWindow w) {
        return robot.from(w.stage().getScene().getRoot());
    }

    /** Presses a button of this test's window, as a click would (fired: no other window can take the click). */
    private static void press(FxRobot robot, MainWindow w, String id) {
        robot.interact(() -> in(robot, w).lookup(id).queryAs(javafx.scene.control.ButtonBase.class).fire());
    }

    @Test
    void sendFromTheMessageTabSendsAndShowsTheDeliveryTab(FxRobot robot) throws Exception {
        MainWindow w = WaitForAsyncUtils.asyncFx(() -> windows.show(new CampaignDraft(campaign("controls-1", "Sandbox"), null))).get();
        assertThat(w.tabs().getSelectionModel().getSelectedItem().getText()).isEqualTo("Message");
        press(robot, w, "#controlsSend");
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> services.sandbox().received().size() == 3);
        String[] status = {null};
        try {
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> (status[0] = in(robot, w).lookup("#controlsStatus").queryLabeled().getText()).startsWith("Finished"));
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("the strip still says \"" + status[0] + "\" 10 s after the last message arrived", e);
        }
        assertThat(w.tabs().getSelectionModel().getSelectedItem().getText())
                .as("a run the user started brings the Delivery tab forward, with its recipients and receipts").isEqualTo("Delivery");
        // The strip's status and its buttons follow the run's end in separate pulses: wait for Send to come back.
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !in(robot, w).lookup("#controlsSend").queryButton().isDisabled());

        // Pressed again, from the Message tab, with everyone sent: no run, so no tab change; the answer is on the
        // strip, and Details leads to the banner that explains.
        robot.interact(() -> w.show("Message"));
        press(robot, w, "#controlsSend");
        try {
            WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> (status[0] = in(robot, w).lookup("#controlsStatus").queryLabeled().getText()).equals("Not sent: nothing is due."));
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("Send pressed again: the strip says \"" + status[0] + "\"", e);
        }
        assertThat(w.tabs().getSelectionModel().getSelectedItem().getText()).isEqualTo("Message");
        press(robot, w, "#controlsDetails");
        assertThat(w.tabs().getSelectionModel().getSelectedItem().getText()).isEqualTo("Delivery");
        assertThat(in(robot, w).lookup("#deliveryBannerText").queryLabeled().getText()).startsWith("Nothing is due: all 3 recipients");

        // The banner's way forward: the strip says what happened, whole, not cut short with an ellipsis.
        press(robot, w, "#banner-NEW_CAMPAIGN");
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.control.Label strip = in(robot, w).lookup("#controlsStatus").queryAs(javafx.scene.control.Label.class);
        assertThat(strip.getText()).isEqualTo("New campaign: not sent yet.");
        javafx.scene.text.Text shown = robot.from(strip).lookup(".text").queryAs(javafx.scene.text.Text.class);
        assertThat(shown.getText()).as("what the strip shows of its status").isEqualTo(strip.getText());
        robot.interact(() -> w.stage().close());
    }

    @Test
    void aServerThatRefusesConnectionsLeavesTheWaitingRecipientsVisibleAndStopWorks(FxRobot robot) throws Exception {
        deadPort = new Socket();
        deadPort.bind(new InetSocketAddress("127.0.0.1", 0)); // bound, never listening: every connection is refused
        services.accounts().save(Account.builder("Dead").host("127.0.0.1").port(deadPort.getLocalPort())
                .security(AccountSecurity.NONE).build());
        MainWindow w = WaitForAsyncUtils.asyncFx(() -> windows.show(new CampaignDraft(campaign("controls-2", "Dead"), null))).get();
        robot.interact(() -> w.show("Delivery"));
        press(robot, w, "#controlsSend");
        TableView<RecipientItem> table = in(robot, w).lookup("#deliveryTable").queryTableView();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getItems().size() == 3 && !table.getItems().get(0).isLoading());
        assertThat(table.getItems()).extracting(RecipientItem::email).containsExactly("ann@example.com", "bob@example.com", "cy@example.com");
        // The engine backs off and retries the connection; the table still shows whom it waits to send to, the banner
        // says why, and the strip does not claim "Sending" while nothing can be sent.
        assertThat(table.getItems()).allSatisfy(i -> assertThat(i.state()).isIn(RecipientState.PENDING, RecipientState.SENDING));
        // Read on the FX thread: the status and the banner change in the same tick, the banner a moment later.
        String[] seen = {null, null};
        try {
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() -> {
                seen[0] = in(robot, w).lookup("#controlsStatus").queryLabeled().getText();
                seen[1] = in(robot, w).lookup("#deliveryBannerText").tryQuery().map(n -> ((javafx.scene.control.Labeled) n).getText()).orElse(null);
                return seen[0].matches("Waiting until \\d\\d:\\d\\d:\\d\\d") && seen[1] != null && seen[1].contains("connection refused");
            }).get());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("every connection refused, and the strip says \"" + seen[0] + "\", the banner \"" + seen[1] + "\"", e);
        }
        press(robot, w, "#controlsStop");
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> in(robot, w).lookup("#controlsStatus").queryLabeled().getText().startsWith("Stopped"));
        // The rest of the run's end is applied in the same FX event as the status: read after it, on the FX thread.
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(WaitForAsyncUtils.asyncFx(() -> in(robot, w).lookup("#controlsResume").queryButton().isDisabled()).get()).isFalse();
        assertThat(table.getItems()).hasSize(3).allSatisfy(i -> assertThat(i.state()).isEqualTo(RecipientState.PENDING));
        robot.interact(() -> w.stage().close());
    }

    /** An account given up on pauses the run: the strip says "Paused" whole, the banner the rest, Details leads there. */
    @Test
    void aRunPausedForADeadServerSaysPausedOnTheStripAndTheBannerSaysWhy(FxRobot robot) throws Exception {
        deadPort = new Socket();
        deadPort.bind(new InetSocketAddress("127.0.0.1", 0)); // bound, never listening: every connection is refused
        services.accounts().save(Account.builder("Gone").host("127.0.0.1").port(deadPort.getLocalPort())
                .security(AccountSecurity.NONE).maxConnectionFailures(1).build());
        MainWindow w = WaitForAsyncUtils.asyncFx(() -> windows.show(new CampaignDraft(campaign("controls-3", "Gone"), null))).get();
        press(robot, w, "#controlsSend");
        javafx.scene.control.Label strip = in(robot, w).lookup("#controlsStatus").queryAs(javafx.scene.control.Label.class);
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> strip.getText().startsWith("Paused"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(strip.getText()).isEqualTo("Paused");
        assertThat(strip.getTooltip().getText()).as("the whole status, on hovering").startsWith("Paused: ").contains("connection refused").contains("after its first failed connection");
        press(robot, w, "#controlsDetails");
        assertThat(in(robot, w).lookup("#deliveryBannerText").queryLabeled().getText()).contains("connection refused");
        robot.interact(() -> w.stage().close());
    }
}
