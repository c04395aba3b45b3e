package org.broadside.ui.preview;

import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.broadside.campaign.Campaign;
import org.broadside.campaign.Unsubscribe;
import org.broadside.contacts.BlacklistRepository;
import org.broadside.contacts.Contact;
import org.broadside.contacts.ContactRepository;
import org.broadside.store.Database;
import org.broadside.ui.common.FxBackgroundRunner;
import org.broadside.ui.common.FxDebounce;
import org.broadside.ui.common.FxEvents;
import org.broadside.ui.recipients.RecipientsView;
import org.broadside.ui.recipients.RecipientsViewModel;
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
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The Preview tab beside the Recipients tab, on one draft, wired as the app wires them. */
@ExtendWith(ApplicationExtension.class)
class PreviewFollowsTheDraftTest {
    @TempDir Path dir;
    private CampaignDraft draft;
    private ContactRepository contacts;
    private final AtomicInteger renders = new AtomicInteger();

    @Start
    void start(Stage stage) {
        Database db = Database.open(dir);
        contacts = new ContactRepository(db);
        var list = contacts.createList("P", List.of("Name"));
        contacts.upsert(list.id(), List.of(Contact.of("one@example.com", Map.of("Name", "One")),
                Contact.of("two@example.com", Map.of("Name", "Two"))));
        // No list chosen yet, as in a new campaign.
        draft = new CampaignDraft(Campaign.blank("pf", "Preview").withRecipients(List.of("Sandbox"), null, null)
                .withMessage("Me <me@example.com>", null, "For [Name]", "Hello [Name]!", "")
                .withUnsubscribe(new Unsubscribe("leave@example.com", null, false)), null);
        byte[] key = new byte[32];
        ComposerPreviewRenderer composer = new ComposerPreviewRenderer(() -> key);
        PreviewViewModel preview = new PreviewViewModel(draft, contacts, new FxBackgroundRunner(), (doc, l, c) -> {
            renders.incrementAndGet();
            return composer.render(doc, l, c);
        });
        FxEvents events = new FxEvents(db.events());
        preview.listenTo(events);
        preview.useDebounce(new FxDebounce(300));
        RecipientsViewModel recipients = new RecipientsViewModel(draft, contacts, new BlacklistRepository(db), new FxBackgroundRunner());
        recipients.listenTo(events);
        stage.setScene(new Scene(new VBox(new RecipientsView(recipients, () -> { }), new PreviewView(preview)), 1000, 800));
        stage.show();
    }

    @Test
    void choosingAListShowsItsFirstRecipientAtOnce(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> status(robot).equals("Choose a list on the Recipients tab."));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#recipientList").<ComboBox<String>>query().getItems().contains("P"));
        robot.interact(() -> robot.lookup("#recipientList").<ComboBox<String>>query().setValue("P"));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> status(robot).equals("Recipient 1 of 2"));
        assertThat(subject(robot)).isEqualTo("Subject: For One");
    }

    @Test
    void typingInTheSubjectRendersOnceWhenTypingPauses(FxRobot robot) throws Exception {
        robot.interact(() -> draft.update(c -> c.withRecipients(c.account(), "P", null)));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> subject(robot).equals("Subject: For One"));
        int before = renders.get();
        // Keystrokes come faster than the pause (one pulse here, so a loaded test machine cannot stretch them apart).
        robot.interact(() -> {
            for (String typed : List.of("N", "Ne", "New", "News", "News [Name]")) {
                draft.update(c -> c.withMessage(c.from(), c.replyTo(), typed, c.text(), c.html()));
            }
        });
        assertThat(subject(robot)).as("nothing is rendered while typing goes on").isEqualTo("Subject: For One");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> subject(robot).equals("Subject: News One"));
        WaitForAsyncUtils.sleep(400, TimeUnit.MILLISECONDS);
        assertThat(renders.get() - before).isEqualTo(1);
    }

    @Test
    void aRecipientAddedToTheChosenListCountsWithoutPressingNext(FxRobot robot) throws Exception {
        robot.interact(() -> draft.update(c -> c.withRecipients(c.account(), "P", null)));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> status(robot).equals("Recipient 1 of 2"));
        contacts.upsert(contacts.findList("P").orElseThrow().id(), List.of(Contact.of("three@example.com", Map.of("Name", "Three"))));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> status(robot).equals("Recipient 1 of 3"));
    }

    @Test
    void thePreviewStepsThroughTheRecipientsTheFilterSelects(FxRobot robot) throws Exception {
        // It stepped through the whole list, filter or not: a marketer checked messages of people the campaign leaves out.
        robot.interact(() -> draft.update(c -> c.withRecipients(c.account(), "P", "[[Name]] = \"Two\"")));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> status(robot).equals("Recipient 1 of 1"));
        assertThat(subject(robot)).isEqualTo("Subject: For Two");

        robot.interact(() -> robot.lookup("#previewFind").queryTextInputControl().setText("one@example.com"));
        robot.interact(() -> ((javafx.scene.control.TextField) robot.lookup("#previewFind").query()).fireEvent(
                new javafx.event.ActionEvent()));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> status(robot).startsWith("one@example.com"));
        assertThat(status(robot)).isEqualTo("one@example.com is left out by the campaign's filter: the campaign does not send to it.");

        robot.interact(() -> draft.update(c -> c.withRecipients(c.account(), "P", "[[Name]] = \"Nobody\"")));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> status(robot).equals("The filter leaves out every contact of P."));
    }

    private static String status(FxRobot robot) {
        return robot.lookup("#previewStatus").queryLabeled().getText();
    }

    private static String subject(FxRobot robot) {
        return robot.lookup("#previewSubject").queryLabeled().getText();
    }
}
