package org.broadside.ui.preview;

import javafx.scene.Scene;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.broadside.campaign.Campaign;
import org.broadside.campaign.Unsubscribe;
import org.broadside.contacts.Contact;
import org.broadside.contacts.ContactRepository;
import org.broadside.store.Database;
import org.broadside.ui.common.FxBackgroundRunner;
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
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(ApplicationExtension.class)
class PreviewViewTest {
    @TempDir static Path dir;

    @Start
    void start(Stage stage) {
        ContactRepository contacts = new ContactRepository(Database.open(dir));
        var list = contacts.createList("P", List.of("Name"));
        contacts.upsert(list.id(), List.of(Contact.of("one@example.com", Map.of("Name", "One")),
                Contact.of("two@example.com", Map.of("Name", "Two")), Contact.of("three@example.com", Map.of("Name", "Three"))));
        CampaignDraft draft = new CampaignDraft(Campaign.blank("p-1", "Preview").withRecipients(List.of("Sandbox"), "P", null)
                .withMessage("Me <me@example.com>", null, "For [Name]", "Hello [Name]!", "<p>Hello <b>[Name]</b></p>")
                .withUnsubscribe(new Unsubscribe("leave@example.com", null, false)), null);
        byte[] key = new byte[32];
        PreviewViewModel vm = new PreviewViewModel(draft, contacts, new FxBackgroundRunner(), new ComposerPreviewRenderer(() -> key));
        stage.setScene(new Scene(new PreviewView(vm), 1000, 650));
        stage.show();
    }

    @Test
    void stepsThroughRecipientsAndFindsOneByAddress(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#previewSubject").queryLabeled().getText().equals("Subject: For One"));
        assertThat(robot.lookup("#previewText").queryAs(TextArea.class).getText()).contains("Hello One!");
        assertThat(robot.lookup("#previewRaw").queryAs(TextArea.class).getText()).contains("To: one@example.com").contains("Subject: For One");
        robot.clickOn("#previewNext");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#previewSubject").queryLabeled().getText().equals("Subject: For Two"));
        assertThat(robot.lookup("#previewStatus").queryLabeled().getText()).isEqualTo("Recipient 2 of 3");
        robot.clickOn("#previewFind").write("three@example.com").type(javafx.scene.input.KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#previewSubject").queryLabeled().getText().equals("Subject: For Three"));
    }
}
