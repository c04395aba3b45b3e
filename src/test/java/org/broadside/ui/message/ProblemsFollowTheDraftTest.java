package org.broadside.ui.message;

import javafx.scene.Scene;
import javafx.stage.Stage;
import org.broadside.campaign.Campaign;
import org.broadside.compose.CampaignChecks;
import org.broadside.compose.CheckLine;
import org.broadside.contacts.Contact;
import org.broadside.contacts.ContactRepository;
import org.broadside.store.Database;
import org.broadside.ui.common.FxBackgroundRunner;
import org.broadside.ui.common.FxDebounce;
import org.broadside.ui.common.FxEvents;
import org.broadside.ui.settings.SettingsView;
import org.broadside.ui.settings.SettingsViewModel;
import org.broadside.ui.shell.CampaignDraft;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The problems panel (the Message tab's checks) follows changes made on other tabs and in the store. The Settings tab
 * is the real view; the Message tab's view model is wired as the app wires it.
 */
@ExtendWith(ApplicationExtension.class)
class ProblemsFollowTheDraftTest {
    @TempDir Path dir;
    private MessageViewModel message;
    private ContactRepository contacts;

    @Start
    void start(Stage stage) {
        Database db = Database.open(dir);
        contacts = new ContactRepository(db);
        var list = contacts.createList("Members", List.of("First Name"));
        contacts.upsert(list.id(), List.of(Contact.of("a@example.com", Map.of("First Name", "Ann"))));
        CampaignDraft draft = new CampaignDraft(Campaign.blank("pr", "News").withRecipients(List.of("Sandbox"), "Members", null)
                .withMessage("Me <me@example.com>", null, "Hi", "Hello [First Name] [Unsubscribe]", ""), null);
        message = new MessageViewModel(draft, new FxBackgroundRunner(),
                name -> contacts.findList(name).map(l -> l.fields()).orElse(List.of()),
                doc -> CampaignChecks.check(doc, contacts, Set.of("Sandbox")));
        message.listenTo(new FxEvents(db.events()));
        message.useDebounce(new FxDebounce(300));
        message.activate();
        stage.setScene(new Scene(new SettingsView(new SettingsViewModel(draft, () -> List.of("Sandbox"), new FxBackgroundRunner())), 900, 700));
        stage.show();
    }

    @Test
    void settingTheUnsubscribeMailtoOnTheSettingsTabClearsTheProblem(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> hasProblem("no unsubscribe method"));
        robot.clickOn("#unsubMailto").write("leave@example.com");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !hasProblem("no unsubscribe method"));
    }

    @Test
    void aFieldAddedToTheListInTheStoreIsNoLongerUnknown(FxRobot robot) throws Exception {
        robot.interact(() -> message.textProperty().set("Hello [First Name] from [Club] [Unsubscribe]"));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> hasProblem("unknown field [club]"));
        contacts.addField(contacts.findList("Members").orElseThrow().id(), "Club");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !hasProblem("unknown field [club]"));
        assertThat(message.insertableFields()).contains("Club");
    }

    private boolean hasProblem(String words) {
        List<CheckLine> shown = List.copyOf(message.checks());
        return shown.stream().anyMatch(l -> l.message().toLowerCase().contains(words));
    }
}
