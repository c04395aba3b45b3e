package org.broadside.ui.delivery;

import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.broadside.campaign.CampaignDocument;
import org.broadside.compose.CheckLine;
import org.broadside.compose.PreSendCheckFailed;
import org.broadside.contacts.Contact;
import org.broadside.contacts.ContactRepository;
import org.broadside.delivery.AccountNotice;
import org.broadside.delivery.CampaignStatus;
import org.broadside.delivery.DeliveryListener;
import org.broadside.delivery.Progress;
import org.broadside.delivery.Receipt;
import org.broadside.delivery.RecipientState;
import org.broadside.delivery.RunHandle;
import org.broadside.merge.Severity;
import org.broadside.testing.TempDirs;
import org.broadside.ui.common.FxBackgroundRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(ApplicationExtension.class)
class DeliveryViewTest {
    private final AtomicReference<DeliveryListener> listener = new AtomicReference<>();
    private final AtomicReference<RecipientItem> opened = new AtomicReference<>();
    private final List<String> calls = new CopyOnWriteArrayList<>();
    private Stage stage;
    private StoredCampaign stored;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stored = new StoredCampaign(TempDirs.create("delivery-view"), "dv");
    }

    /** Like the real runner: the first start freezes n recipients, then reports through the listener. */
    private CampaignRunner freezing(int n) {
        return (d, w, u, l) -> {
            calls.add("start");
            if (stored.campaigns.find(d.uid()).map(r -> !r.frozen()).orElse(true)) stored.freeze(n);
            listener.set(l);
            return null;
        };
    }

    /** The Delivery panel in the test's window, with the app's background runner (work off the FX thread). */
    private DeliveryViewModel show(CampaignRunner runner) throws Exception {
        DeliveryViewModel vm = new DeliveryViewModel(() -> stored.doc, runner, stored.campaigns, new FxBackgroundRunner());
        vm.setLogOpener(opened::set);
        WaitForAsyncUtils.asyncFx(() -> {
            stage.setScene(new Scene(new DeliveryView(vm), 1100, 600));
            // The stage is TestFX's, shared by every test class of the run: another may have left it maximised or
            // at a small size, which would change how many rows the table shows.
            stage.setMaximized(false);
            stage.setWidth(1100);
            stage.setHeight(640);
            stage.show();
            vm.load();
        }).get();
        return vm;
    }

    private static String bannerText(FxRobot robot) {
        // The banner's text node is added with the banner: until then there is no text to read.
        return robot.lookup("#deliveryBannerText").tryQueryAs(Label.class).map(Label::getText).orElse("");
    }

    private static boolean bannerShows(FxRobot robot, String text) {
        var found = robot.lookup("#deliveryBanner").tryQuery();
        return found.isPresent() && found.get().isVisible() && bannerText(robot).contains(text);
    }

    /** A waiting recipient has no reply code yet: the cell is blank, not "0"; a receipt's code shows. */
    @Test
    void aWaitingRecipientShowsNoCode(FxRobot robot) throws Exception {
        show(freezing(3));
        robot.clickOn("#sendButton");
        TableView<RecipientItem> table = robot.lookup("#deliveryTable").queryTableView();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getItems().size() == 3 && listener.get() != null);
        long first = stored.firstId();
        listener.get().receipt(new Receipt(first, "r1@example.com", RecipientState.SENT, 250, null, "2.0.0 Ok", "Q1", 1, "Work", 1, Instant.now()));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup(".table-cell").queryAll().stream()
                .anyMatch(n -> n instanceof DeliveryView.CodeCell c && "250".equals(c.getText())));
        var codes = robot.lookup(".table-cell").queryAll().stream().filter(n -> n instanceof DeliveryView.CodeCell)
                .map(n -> (DeliveryView.CodeCell) n).filter(c -> !c.isEmpty()).map(c -> c.getText() == null ? "" : c.getText()).toList();
        assertThat(codes).contains("250", "").doesNotContain("0");
    }

    /** Every column in the window, none past its right edge (the window opens narrower than a 1280-pixel screen). */
    @Test
    void everyColumnFitsTheWindow(FxRobot robot) throws Exception {
        show(freezing(3));
        TableView<RecipientItem> table = robot.lookup("#deliveryTable").queryTableView();
        WaitForAsyncUtils.waitForFxEvents();
        double columns = table.getColumns().stream().mapToDouble(c -> c.getWidth()).sum();
        assertThat(columns).isLessThanOrEqualTo(table.getWidth());
        // The narrow columns sized to their content ("Code", "11:09:42", "DEFERRED", "Next attempt") never give way, so
        // nothing reads "Co..." or "11:09..."; the wide ones (Recipient, Reply, Queue id, Sent by) share the shortfall.
        for (String narrow : List.of("State", "Code", "Attempts", "Time", "Next attempt")) {
            TableColumn<RecipientItem, ?> c = table.getColumns().stream().filter(col -> col.getText().equals(narrow)).findFirst().orElseThrow();
            assertThat(c.getWidth()).as(narrow).isGreaterThanOrEqualTo(c.getPrefWidth() - 0.5);
        }
    }

    @Test
    void receiptsFromEngineThreadsShowUpWithinATickAndDoubleClickOpensTheLog(FxRobot robot) throws Exception {
        show(freezing(2000));
        robot.clickOn("#sendButton");
        TableView<RecipientItem> table = robot.lookup("#deliveryTable").queryTableView();
        // The rows can show before the runner has handed over its listener (the panel's own load may read the frozen
        // campaign first): the engine below needs both, as the real engine only reports once it has started.
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getItems().size() == 2000 && listener.get() != null);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> "Sending".equals(robot.lookup("#deliveryStatus").queryLabeled().getText()));
        long first = stored.firstId();
        Thread engine = new Thread(() -> {
            for (int i = 1; i <= 2000; i++) {
                boolean failed = i % 100 == 0;
                listener.get().receipt(new Receipt(first + i - 1, "r" + i + "@example.com", failed ? RecipientState.FAILED : RecipientState.SENT,
                        failed ? 550 : 250, null, failed ? "5.1.1 No such user" : "2.0.0 Ok", "Q" + i, 1, "Work", 1, Instant.now()));
            }
            stored.setAll(RecipientState.SENT);
            for (int i = 100; i <= 2000; i += 100) stored.set(i, RecipientState.FAILED, null);
            listener.get().runEnded(new Progress(Map.of(RecipientState.SENT, 1980L, RecipientState.FAILED, 20L), 1000, 2000),
                    CampaignStatus.FINISHED, null);
        });
        engine.start();
        engine.join();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !robot.lookup("#sendButton").queryButton().isDisabled());
        assertThat(robot.lookup("#count-FAILED").queryLabeled().getText()).isEqualTo("Failed 20");
        assertThat(robot.lookup("#deliveryStatus").queryLabeled().getText()).isEqualTo("Finished");
        assertThat(table.getItems().get(0).state()).isEqualTo(RecipientState.SENT);
        assertThat(table.getColumns().get(table.getColumns().size() - 1).getText()).as("the new column comes last").isEqualTo("Sent by");

        robot.interact(() -> robot.lookup("#stateFilter").<ComboBox<RecipientState>>query().setValue(RecipientState.FAILED));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> table.getItems().size() == 20);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !table.getItems().get(0).isLoading());
        robot.doubleClickOn("r100@example.com");
        assertThat(opened.get().email()).isEqualTo("r100@example.com");
    }

    @Test
    void theTableShowsTheWaitingRecipientsWithTheirNextAttemptAsSoonAsTheRunStarts(FxRobot robot) throws Exception {
        show(freezing(5));
        robot.clickOn("#sendButton");
        TableView<RecipientItem> table = robot.lookup("#deliveryTable").queryTableView();
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> table.getItems().size() == 5 && !table.getItems().get(0).isLoading());
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("r5@example.com").tryQuery().isPresent());
        assertThat(robot.lookup(".table-cell").queryAll().stream()
                .filter(n -> n instanceof javafx.scene.control.Labeled l && "waiting".equals(l.getText())).count()).isEqualTo(5);
        Instant retry = Instant.ofEpochMilli(Instant.now().plusSeconds(600).toEpochMilli());
        stored.set(2, RecipientState.DEFERRED, retry.toEpochMilli());
        // The open pages are read again while the run goes on: the retry time appears without any event.
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> retry.equals(table.getItems().get(1).nextAttemptProperty().get()));
        String shown = DeliveryView.nextAttempt(table.getItems().get(1));
        WaitForAsyncUtils.waitFor(2, TimeUnit.SECONDS, () -> robot.lookup(shown).tryQuery().isPresent());
    }

    @Test
    void aDeadServerShowsABannerWithinTwoSeconds(FxRobot robot) throws Exception {
        show(freezing(5));
        robot.clickOn("#sendButton");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> listener.get() != null);
        Instant now = Instant.now();
        new Thread(() -> listener.get().accountNotice(new AccountNotice("Work", AccountNotice.Kind.UNREACHABLE,
                "Cannot reach smtp.acme.example:587: connection refused", "Check the host and port of account Work.",
                now.plusSeconds(60), 1, now))).start();
        WaitForAsyncUtils.waitFor(2, TimeUnit.SECONDS, () -> bannerShows(robot, "Cannot reach smtp.acme.example:587"));
        assertThat(bannerText(robot)).contains("Check the host and port of account Work.", "Next try in");
        WaitForAsyncUtils.waitFor(2, TimeUnit.SECONDS, () -> robot.lookup("#badge-Work").tryQuery().isPresent());
        assertThat(robot.lookup("#badge-Work").queryLabeled().getText()).isEqualTo("Work: cannot connect");
    }

    @Test
    void sendWithNothingDueAnswersInTheBanner(FxRobot robot) throws Exception {
        stored.freeze(4);
        stored.setAll(RecipientState.SENT);
        show(freezing(4));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#deliveryStatus").queryLabeled().getText().startsWith("Ready"));
        robot.clickOn("#sendButton");
        WaitForAsyncUtils.waitFor(2, TimeUnit.SECONDS, () -> bannerShows(robot, "Nothing is due: all 4 recipients of this campaign are SENT (4)."));
        assertThat(calls).isEmpty();
        assertThat(robot.lookup("#sendButton").queryButton().isDisabled()).isFalse();
    }

    @Test
    void sendBlockedByTheChecksListsTheErrorsAndSendAnywaySends(FxRobot robot) throws Exception {
        show(new CampaignRunner() {
            @Override
            public RunHandle start(CampaignDocument d, boolean w, boolean u, DeliveryListener l) throws Exception {
                calls.add("checked");
                throw new PreSendCheckFailed("The pre-send check found 1 error", List.of(
                        new CheckLine(Severity.ERROR, "Settings", 0, 0, "the campaign has no unsubscribe method")));
            }

            @Override
            public RunHandle startOverridingChecks(CampaignDocument d, boolean w, boolean u, DeliveryListener l) {
                calls.add("overridden");
                return null;
            }
        });
        robot.clickOn("#sendButton");
        WaitForAsyncUtils.waitFor(2, TimeUnit.SECONDS, () -> bannerShows(robot, "Settings: the campaign has no unsubscribe method"));
        robot.clickOn("#banner-SEND_ANYWAY");
        WaitForAsyncUtils.waitFor(2, TimeUnit.SECONDS, () -> calls.contains("overridden"));
        assertThat(calls).containsExactly("checked", "overridden");
    }

    private void members(int n) {
        ContactRepository contacts = new ContactRepository(stored.db);
        var list = contacts.createList("Members", List.of());
        List<Contact> all = new ArrayList<>();
        for (int i = 0; i < n; i++) all.add(Contact.of("m" + i + "@example.com", Map.of()));
        contacts.upsert(list.id(), all);
    }

    /** Presses a button of the open dialog (Monocle gives dialogs no pointer focus to click into). */
    private static void press(FxRobot robot, String text) {
        Button b = robot.lookup(".dialog-pane .button").match(n -> ((Button) n).getText().equals(text)).queryButton();
        robot.interact(b::fire);
    }

    @Test
    void aLargeFirstSendAsksAndCancelSendsNothing(FxRobot robot) throws Exception {
        members(250);
        show(freezing(250));
        robot.clickOn("#sendButton");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#confirmQuestion").tryQuery().isPresent());
        assertThat(robot.lookup("#confirmQuestion").queryLabeled().getText()).contains("250 recipients", "List: Members", "Account: Work");
        press(robot, "Cancel");
        assertThat(calls).isEmpty();
        assertThat(robot.lookup("#deliveryStatus").queryLabeled().getText()).isEqualTo("Not sent: you cancelled the send.");

        robot.clickOn("#sendButton");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#confirmQuestion").tryQuery().isPresent());
        press(robot, "Send");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> calls.size() == 1);
    }

    @Test
    void aPagedTableOfFiftyThousandScrollsAndShowsLiveReceipts(FxRobot robot) throws Exception {
        DeliveryViewModel vm = show(freezing(50_000));
        robot.clickOn("#sendButton");
        TableView<RecipientItem> table = robot.lookup("#deliveryTable").queryTableView();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> table.getItems().size() == 50_000);
        long first = stored.firstId();
        robot.interact(() -> table.scrollTo(49_990));
        // Pages come from SQLite on a background thread: on a loaded CI machine that can take seconds.
        // Read through the table's own items (what its cells show) rather than a lookup by text, which in a full run
        // can stop at another test's window.
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(
                () -> !table.getItems().get(49_994).isLoading()).get());
        RecipientItem row = WaitForAsyncUtils.asyncFx(() -> table.getItems().get(49_994)).get();
        assertThat(row.email()).isEqualTo("r49995@example.com");
        listener.get().receipt(new Receipt(first + 49_994, "r49995@example.com", RecipientState.SENT, 250, "2.0.0", "2.0.0 Ok: queued as Z9",
                "Z9", 1, "Work", 1, Instant.now()));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> "Z9".equals(row.queueIdProperty().get()));
        assertThat(row.state()).isEqualTo(RecipientState.SENT);
        // Only the pages the table showed were read: a few hundred rows, not fifty thousand.
        assertThat(((RecipientPages) vm.items()).rowsInMemory()).isLessThan(2_000);

        // A receipt for a row off screen shows once the table scrolls there.
        listener.get().receipt(new Receipt(first + 9, "r10@example.com", RecipientState.FAILED, 550, "5.1.1", "5.1.1 No such user",
                null, 1, "Work", 1, Instant.now()));
        WaitForAsyncUtils.sleep(300, TimeUnit.MILLISECONDS);
        robot.interact(() -> table.scrollTo(0));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() -> {
            RecipientItem tenth = table.getItems().get(9);
            return !tenth.isLoading() && "5.1.1 No such user".equals(tenth.replyProperty().get());
        }).get());
    }
}
