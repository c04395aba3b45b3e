package org.broadside.ui.delivery;

import javafx.scene.Scene;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.broadside.campaign.Campaign;
import org.broadside.campaign.CampaignDocument;
import org.broadside.delivery.CampaignRepository;
import org.broadside.delivery.CampaignStatus;
import org.broadside.delivery.DeliveryListener;
import org.broadside.delivery.Progress;
import org.broadside.delivery.Receipt;
import org.broadside.delivery.RecipientState;
import org.broadside.store.Database;
import org.broadside.ui.common.SameThreadRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(ApplicationExtension.class)
class DeliveryViewTest {
    @TempDir static Path dir;
    private final AtomicReference<DeliveryListener> listener = new AtomicReference<>();
    private final AtomicReference<RecipientItem> opened = new AtomicReference<>();

    @Start
    void start(Stage stage) {
        CampaignDocument doc = new CampaignDocument(Campaign.blank("dv", "x"), dir.resolve("x.json"));
        DeliveryViewModel vm = new DeliveryViewModel(() -> doc, (d, w, u, l) -> {
            listener.set(l);
            return null;
        }, new CampaignRepository(Database.open(dir)), new SameThreadRunner());
        vm.setLogOpener(opened::set);
        stage.setScene(new Scene(new DeliveryView(vm), 1000, 600));
        stage.show();
    }

    @Test
    void receiptsFromEngineThreadsShowUpWithinATickAndDoubleClickOpensTheLog(FxRobot robot) throws Exception {
        robot.clickOn("#sendButton");
        assertThat(robot.lookup("#sendButton").queryButton().isDisabled()).isTrue();
        Thread engine = new Thread(() -> {
            for (int i = 1; i <= 2000; i++) {
                listener.get().receipt(new Receipt(i, "r" + i + "@example.com", i % 100 == 0 ? RecipientState.FAILED : RecipientState.SENT,
                        i % 100 == 0 ? 550 : 250, null, i % 100 == 0 ? "5.1.1 No such user" : "2.0.0 Ok", "Q" + i, 1, "Sandbox", 1, Instant.now()));
            }
            listener.get().runEnded(new Progress(Map.of(RecipientState.SENT, 1980L, RecipientState.FAILED, 20L), 1000, 2000),
                    CampaignStatus.FINISHED, null);
        });
        engine.start();
        engine.join();
        TableView<RecipientItem> table = robot.lookup("#deliveryTable").queryTableView();
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> table.getItems().size() == 2000);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !robot.lookup("#sendButton").queryButton().isDisabled());
        assertThat(robot.lookup("#count-FAILED").queryLabeled().getText()).isEqualTo("Failed 20");
        assertThat(robot.lookup("#deliveryStatus").queryLabeled().getText()).isEqualTo("Finished");

        robot.interact(() -> robot.lookup("#stateFilter").<javafx.scene.control.ComboBox<RecipientState>>query().setValue(RecipientState.FAILED));
        assertThat(table.getItems()).hasSize(20);
        robot.doubleClickOn("r100@example.com");
        assertThat(opened.get().email()).isEqualTo("r100@example.com");
    }
}
