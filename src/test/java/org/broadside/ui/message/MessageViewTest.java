package org.broadside.ui.message;

import javafx.scene.Scene;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.broadside.campaign.Campaign;
import org.broadside.compose.CampaignChecks;
import org.broadside.compose.CheckLine;
import org.broadside.contacts.ContactRepository;
import org.broadside.store.Database;
import org.broadside.ui.common.SameThreadRunner;
import org.broadside.ui.shell.CampaignDraft;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(ApplicationExtension.class)
class MessageViewTest {
    @TempDir static Path dir;
    private CampaignDraft draft;

    @Start
    void start(Stage stage) {
        ContactRepository contacts = new ContactRepository(Database.open(dir));
        contacts.createList("Members", List.of("First Name"));
        draft = new CampaignDraft(Campaign.blank("mv", "x").withRecipients(List.of("Sandbox"), "Members", null)
                .withMessage("a@example.com", null, "Hi", "", ""), null);
        MessageViewModel vm = new MessageViewModel(draft, new SameThreadRunner(),
                n -> contacts.findList(n).map(l -> l.fields()).orElse(List.of()),
                doc -> CampaignChecks.check(doc, contacts, Set.of("Sandbox")));
        stage.setScene(new Scene(new MessageView(vm), 1000, 700));
        stage.show();
    }

    @Test
    void typingAnUnknownFieldListsItUnderTheEditor(FxRobot robot) {
        robot.clickOn("#textBody").write("Hello [Shoe Size]");
        ListView<CheckLine> checks = robot.lookup("#checks").queryListView();
        assertThat(checks.getItems()).anyMatch(l -> l.message().toLowerCase().contains("shoe size"));
        assertThat(draft.campaign().text()).isEqualTo("Hello [Shoe Size]");
    }

    @Test
    void insertFieldPutsTheTagAtTheCaret(FxRobot robot) {
        robot.clickOn("#textBody").write("Dear ");
        robot.clickOn("#insertField");
        robot.clickOn("First Name");
        assertThat(robot.lookup("#textBody").queryAs(TextArea.class).getText()).isEqualTo("Dear [First Name]");
    }
}
