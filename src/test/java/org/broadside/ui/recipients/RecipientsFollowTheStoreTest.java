package org.broadside.ui.recipients;

import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.stage.Stage;
import org.broadside.campaign.Campaign;
import org.broadside.contacts.BlacklistRepository;
import org.broadside.contacts.Contact;
import org.broadside.contacts.ContactRepository;
import org.broadside.store.Database;
import org.broadside.store.StoreWatcher;
import org.broadside.ui.common.FxBackgroundRunner;
import org.broadside.ui.common.FxEvents;
import org.broadside.ui.shell.CampaignDraft;
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
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** An open Recipients tab keeps up with lists changed elsewhere: no reopening, no Previous/Next to wake it. */
@ExtendWith(ApplicationExtension.class)
class RecipientsFollowTheStoreTest {
    @TempDir Path dir;
    private Database db;
    private ContactRepository contacts;
    private StoreWatcher watcher;
    private CampaignDraft draft;

    @Start
    void start(Stage stage) {
        db = Database.open(dir);
        contacts = new ContactRepository(db);
        var club = contacts.createList("Club", List.of("City"));
        contacts.upsert(club.id(), List.of(Contact.of("a@example.com", Map.of("City", "Paris")),
                Contact.of("b@example.com", Map.of("City", "Lyon"))));
        watcher = StoreWatcher.start(db, Duration.ofMillis(100));
        draft = new CampaignDraft(Campaign.blank("rf", "x").withRecipients(List.of("Sandbox"), "Club", null), null);
        RecipientsViewModel vm = new RecipientsViewModel(draft, contacts, new BlacklistRepository(db), new FxBackgroundRunner());
        vm.listenTo(new FxEvents(db.events()));
        stage.setScene(new Scene(new RecipientsView(vm, () -> { }), 800, 400));
        stage.show();
    }

    @AfterEach
    void stopWatching() {
        watcher.close();
    }

    @Test
    void aListImportedMeanwhileJoinsTheChoiceWithoutReopening(FxRobot robot) throws Exception {
        ComboBox<String> choice = robot.lookup("#recipientList").query();
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> choice.getItems().equals(List.of("Club")));
        // Written on a worker through the repository, as the import wizard's import is.
        Thread importer = new Thread(() -> {
            var spring = contacts.createList("Spring", List.of());
            contacts.upsert(spring.id(), List.of(Contact.of("s@example.com", Map.of())));
        });
        importer.start();
        importer.join();
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> choice.getItems().contains("Spring"));
        WaitForAsyncUtils.waitForFxEvents(); // read the choice once the FX thread is done with the new items
        assertThat(choice.getValue()).isEqualTo("Club");
        assertThat(draft.campaign().list()).isEqualTo("Club");
    }

    @Test
    void aListCreatedByAnotherProcessJoinsTheChoice(FxRobot robot) throws Exception {
        ComboBox<String> choice = robot.lookup("#recipientList").query();
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> choice.getItems().equals(List.of("Club")));
        // Another Database on the same file has its own connections and writer id, as the command line would.
        new ContactRepository(Database.open(dir)).createList("From the command line", List.of());
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> choice.getItems().contains("From the command line"));
    }

    @Test
    void theAudienceCountFollowsAChangedList(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS,
                () -> robot.lookup("#recipientSummary").queryLabeled().getText().equals("2 of 2 contacts will receive it."));
        long club = contacts.findList("Club").orElseThrow().id();
        contacts.upsert(club, List.of(Contact.of("c@example.com", Map.of("City", "Nice"))));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS,
                () -> robot.lookup("#recipientSummary").queryLabeled().getText().equals("3 of 3 contacts will receive it."));
        new BlacklistRepository(db).add("c@example.com", "asked", "test");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS,
                () -> robot.lookup("#recipientSummary").queryLabeled().getText().equals("2 of 3 contacts will receive it."));
    }

    @Test
    void aListDeletedElsewhereStaysChosenAndIsSaidToBeGone(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS,
                () -> robot.lookup("#recipientSummary").queryLabeled().getText().equals("2 of 2 contacts will receive it."));
        contacts.deleteList(contacts.findList("Club").orElseThrow().id());
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS,
                () -> robot.lookup("#recipientSummary").queryLabeled().getText().equals("There is no list named \"Club\"."));
        assertThat(draft.campaign().list()).isEqualTo("Club");
        assertThat(robot.lookup("#recipientList").<ComboBox<String>>query().getValue()).isEqualTo("Club");
    }

    @Test
    void aHiddenTabLetsGoOfTheBus(FxRobot robot) {
        assertThat(db.events().listenerCount()).isEqualTo(1);
        robot.interact(() -> robot.lookup("#recipientList").query().getScene().getWindow().hide());
        assertThat(db.events().listenerCount()).isZero();
    }
}
