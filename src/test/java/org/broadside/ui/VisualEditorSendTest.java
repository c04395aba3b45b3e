package org.broadside.ui;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.web.WebView;
import javafx.stage.Stage;
import org.broadside.campaign.Campaign;
import org.broadside.campaign.Unsubscribe;
import org.broadside.contacts.Contact;
import org.broadside.delivery.RecipientState;
import org.broadside.ui.common.FxBackgroundRunner;
import org.broadside.ui.delivery.RecipientItem;
import org.broadside.ui.shell.CampaignDraft;
import org.broadside.ui.shell.MainWindow;
import org.junit.jupiter.api.AfterEach;
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

/** A message edited in the visual editor goes through the real engine to the Sandbox as clean e-mail HTML. */
@ExtendWith(ApplicationExtension.class)
class VisualEditorSendTest {
    @TempDir static Path dir;
    private AppServices services;
    private AppWindows windows;

    @Start
    void start(Stage stage) {
        services = BroadsideApplication.create(dir.resolve("home"), new FxBackgroundRunner());
        windows = new AppWindows(services);
    }

    @AfterEach
    void close() {
        services.close();
    }

    @Test
    void htmlEditedInTheVisualEditorArrivesWithDoctypeAndCharsetAndWithoutEditorState(FxRobot robot) throws Exception {
        long list = services.contacts().createList("Members", List.of("First Name")).id();
        services.contacts().upsert(list, List.of(Contact.of("ann@example.com", Map.of("First Name", "Ann"))));
        Campaign campaign = Campaign.blank("visual-1", "Visual").withRecipients(List.of("Sandbox"), "Members", null)
                .withUnsubscribe(new Unsubscribe(null, "https://news.example/u?c=1&t=[Token]", false))
                .withMessage("News <news@example.com>", null, "Hi", "",
                        "<p>Hello [First Name|there], news inside. <a href=\"[Unsubscribe]\">unsubscribe</a></p>");
        MainWindow w = WaitForAsyncUtils.asyncFx(() -> windows.show(new CampaignDraft(campaign, null))).get();
        robot.interact(() -> w.show("Message"));
        TabPane bodies = robot.lookup("#bodyTabs").queryAs(TabPane.class);
        robot.interact(() -> bodies.getSelectionModel().select(bodies.getTabs().stream()
                .filter(t -> t.getText().equals("HTML (visual)")).findFirst().orElseThrow()));
        WaitForAsyncUtils.waitForFxEvents();
        WebView web = robot.lookup("#htmlVisual .web-view").query();
        robot.interact(() -> {
            web.requestFocus();
            web.getEngine().executeScript("document.execCommand('selectAll', false, null)");
        });
        robot.press(KeyCode.CONTROL, KeyCode.B).release(KeyCode.B, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();

        robot.interact(() -> w.show("Delivery"));
        robot.clickOn("#sendButton");
        TableView<RecipientItem> table = robot.lookup("#deliveryTable").queryTableView();
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> table.getItems().size() == 1
                && table.getItems().get(0).state() == RecipientState.SENT);

        assertThat(services.sandbox().received()).hasSize(1);
        String html = htmlPart(services.sandbox().received().get(0));
        assertThat(html).startsWith("<!DOCTYPE html>").contains("<meta charset=\"utf-8\">").contains("<b>Hello Ann, news inside.")
                .containsPattern("<a href=\"https://news\\.example/u\\?c=1&amp;t=[A-Za-z0-9_-]+\">unsubscribe</a>")
                .doesNotContain("contenteditable").doesNotContain("dir=\"ltr\"").doesNotContain("font-family");
    }

    private static String htmlPart(MimeMessage m) throws Exception {
        Object content = m.getContent();
        if (content instanceof String s) return s;
        Multipart parts = (Multipart) content;
        for (int i = 0; i < parts.getCount(); i++) {
            BodyPart p = parts.getBodyPart(i);
            if (p.isMimeType("text/html")) return p.getContent().toString();
        }
        throw new AssertionError("no text/html part in " + m.getContentType());
    }
}
