package org.broadside.ui.recipients;

import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.stage.Stage;
import org.broadside.campaign.Campaign;
import org.broadside.contacts.BlacklistRepository;
import org.broadside.contacts.Contact;
import org.broadside.contacts.ContactRepository;
import org.broadside.store.Database;
import org.broadside.ui.common.SameThreadRunner;
import org.broadside.ui.settings.SettingsView;
import org.broadside.ui.settings.SettingsViewModel;
import org.broadside.ui.shell.CampaignDraft;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The Recipients and Settings tabs side by side, editing one draft. */
@ExtendWith(ApplicationExtension.class)
class RecipientsViewTest {
    @TempDir static Path dir;
    private CampaignDraft draft;

    @Start
    void start(Stage stage) {
        Database db = Database.open(dir);
        ContactRepository contacts = new ContactRepository(db);
        var list = contacts.createList("Club", List.of("City"));
        contacts.upsert(list.id(), List.of(Contact.of("a@example.com", Map.of("City", "Paris")),
                Contact.of("b@example.com", Map.of("City", "Lyon"))));
        draft = new CampaignDraft(Campaign.blank("rv", "x"), null);
        RecipientsView recipients = new RecipientsView(new RecipientsViewModel(draft, contacts, new BlacklistRepository(db),
                new SameThreadRunner()), () -> { });
        SettingsView settings = new SettingsView(new SettingsViewModel(draft, () -> List.of("Sandbox"), new SameThreadRunner()));
        stage.setScene(new Scene(new javafx.scene.layout.VBox(recipients, settings), 1000, 780));
        // TestFX hands every test the same stage: a test before this one (the connection log's) left it 560 wide.
        stage.setWidth(1000);
        stage.setHeight(780);
        stage.show();
    }

    @Test
    void choosingTheListAndTypingAFilterShowsTheReach(FxRobot robot) {
        robot.interact(() -> robot.lookup("#recipientList").<ComboBox<String>>query().setValue("Club"));
        assertThat(robot.lookup("#recipientSummary").queryLabeled().getText()).isEqualTo("2 of 2 contacts will receive it.");
        robot.clickOn("#recipientFilter").write("[[City]] = \"Paris\"");
        assertThat(robot.lookup("#recipientSummary").queryLabeled().getText())
                .isEqualTo("1 of 2 contacts will receive it (1 left out by the filter).");
        assertThat(draft.campaign().filter()).isEqualTo("[[City]] = \"Paris\"");
    }

    @Test
    void settingsOfferTheKnownAccountsAndExplainBadNumbers(FxRobot robot) {
        robot.clickOn("#pickAccount");
        robot.clickOn(robot.lookup(".context-menu .menu-item").queryAs(javafx.scene.Node.class));
        assertThat(draft.campaign().account()).containsExactly("Sandbox");
        robot.clickOn("#retryField").write("-5");
        assertThat(robot.lookup("#settingsProblem").queryLabeled().getText()).isEqualTo("Retry after must be between 1 and 86400.");
        assertThat(draft.campaign().delivery().retryAfterSeconds()).isNull();
    }
}
