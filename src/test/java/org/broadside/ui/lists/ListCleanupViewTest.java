package org.broadside.ui.lists;

import javafx.scene.Scene;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.broadside.contacts.Contact;
import org.broadside.contacts.ContactRepository;
import org.broadside.contacts.validation.MailDomainStatus;
import org.broadside.store.Database;
import org.broadside.ui.common.FxBackgroundRunner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The Cancel button of the list clean-up, pressed while a domain lookup hangs. */
@ExtendWith(ApplicationExtension.class)
class ListCleanupViewTest {
    @TempDir static Path dir;
    private final CountDownLatch lookupStarted = new CountDownLatch(1);
    private final CountDownLatch never = new CountDownLatch(1);
    private ContactRepository contacts;

    @Start
    void start(Stage stage) {
        contacts = new ContactRepository(Database.open(dir));
        var list = contacts.createList("Leads", List.of("Name"));
        List<Contact> batch = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) batch.add(Contact.of("lead" + i + "@d" + (i % 50) + ".example", Map.of("Name", "L" + i)));
        contacts.upsert(list.id(), batch);
        ListManagerViewModel vm = new ListManagerViewModel(contacts, new FxBackgroundRunner(), domain -> {
            lookupStarted.countDown();
            try {
                never.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return MailDomainStatus.NO_MAIL;
        });
        // Wide enough for the whole tool bar under any theme a test before this one left: the Tools menu must not sit
        // in the overflow menu, where clickOn cannot see it.
        stage.setScene(new Scene(new ListManagerView(vm, () -> { }), 1280, 600));
        stage.setWidth(1280);
        stage.setHeight(600);
        stage.show();
        vm.refreshLists();
    }

    @AfterEach
    void release() {
        never.countDown();
    }

    @Test
    void cancelStopsAValidationWhileItsDomainLookupsHangAndTheListIsUnchanged(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#listStatus").queryLabeled().getText().equals("3,000 contacts"));
        assertThat(robot.lookup("#cancelCleanup").queryButton().isVisible()).isFalse();

        robot.clickOn("#cleanMenu");
        robot.clickOn("Validate and check domains (DNS)");
        assertThat(lookupStarted.await(10, TimeUnit.SECONDS)).isTrue();
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#listStatus").queryLabeled().getText()
                .startsWith("Validating addresses and looking up their domains… 0 of 50 domains looked up"));
        robot.clickOn("#cancelCleanup");

        // The lookups still hang: only the Cancel can have ended the run this quickly.
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup(".monospace").tryQuery().isPresent());
        TextArea shown = robot.lookup(".monospace").queryAs(TextArea.class);
        String report = shown.getText();
        robot.interact(() -> shown.getScene().getWindow().hide());
        assertThat(report).startsWith("Validation cancelled while looking up domains (0 of 50 answered); no contact was changed.");
        assertThat(robot.lookup("#cancelCleanup").queryButton().isVisible()).isFalse();
        assertThat(robot.lookup("#cleanMenu").queryAs(javafx.scene.control.MenuButton.class).isDisabled()).isFalse();
        assertThat(contacts.count(contacts.requireList("Leads").id())).isEqualTo(3_000);
    }
}
