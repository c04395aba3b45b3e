package org.broadside.ui.message;

import javafx.geometry.Bounds;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.web.HTMLEditor;
import javafx.scene.web.WebView;
import org.testfx.util.WaitForAsyncUtils;
import java.nio.file.Files;
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
    private MessageViewModel vm;

    @Start
    void start(Stage stage) {
        ContactRepository contacts = new ContactRepository(Database.open(dir));
        contacts.createList("Members", List.of("First Name"));
        draft = new CampaignDraft(Campaign.blank("mv", "x").withRecipients(List.of("Sandbox"), "Members", null)
                .withMessage("a@example.com", null, "Hi", "", ""), null);
        vm = new MessageViewModel(draft, new SameThreadRunner(),
                n -> contacts.findList(n).map(l -> l.fields()).orElse(List.of()),
                doc -> CampaignChecks.check(doc, contacts, Set.of("Sandbox")));
        stage.setScene(new Scene(new MessageView(vm), 1000, 700));
        // The stage is shared by the tests (TestFX): one that narrows it must not narrow the next.
        stage.setWidth(1000);
        stage.setHeight(700);
        stage.show();
    }

    @Test
    void typingAnUnknownFieldListsItUnderTheEditor(FxRobot robot) {
        robot.clickOn("#textBody").write("Hello [Shoe Size]");
        ListView<CheckLine> checks = robot.lookup("#checks").queryListView();
        assertThat(checks.getItems()).anyMatch(l -> l.message().toLowerCase().contains("shoe size"));
        assertThat(draft.campaign().text()).isEqualTo("Hello [Shoe Size]");
    }

    /** A problem that appears shows in full: the list under the editor is tall enough for a line, not a sliver. */
    @Test
    void aProblemThatAppearsGetsRoomToShow(FxRobot robot) {
        robot.clickOn("#textBody").write("Hello [Shoe Size]");
        WaitForAsyncUtils.waitForFxEvents();
        ListView<CheckLine> checks = robot.lookup("#checks").queryListView();
        assertThat(checks.isVisible()).isTrue();
        assertThat(checks.getHeight()).as("room for at least two lines").isGreaterThanOrEqualTo(48);
        Bounds list = checks.localToScene(checks.getBoundsInLocal());
        assertThat(list.getMaxY()).as("inside the window").isLessThanOrEqualTo(checks.getScene().getHeight());
    }

    @Test
    void insertFieldPutsTheTagAtTheCaret(FxRobot robot) {
        robot.clickOn("#textBody").write("Dear ");
        robot.clickOn("#insertField");
        robot.clickOn("First Name");
        assertThat(robot.lookup("#textBody").queryAs(TextArea.class).getText()).isEqualTo("Dear [First Name]");
    }

    @Test
    void ctrlBInTheVisualEditorMakesTheSelectionBoldAndTheStoredHtmlIsClean(FxRobot robot) {
        robot.interact(() -> {
            vm.formatProperty().set(BodyFormat.HTML);
            vm.htmlProperty().set("<p>Hello [First Name|there]</p>");
        });
        selectVisualTab(robot);
        WebView web = robot.lookup("#htmlVisual .web-view").query();
        robot.interact(() -> {
            web.requestFocus();
            web.getEngine().executeScript("document.execCommand('selectAll', false, null)");
        });
        robot.press(KeyCode.CONTROL, KeyCode.B).release(KeyCode.B, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        String stored = draft.campaign().html();
        assertThat(stored).startsWith("<!DOCTYPE html>").contains("<meta charset=\"utf-8\">")
                .containsPattern("<b>\\s*Hello \\[First Name\\|there\\]\\s*</b>")
                .doesNotContain("contenteditable").doesNotContain("dir=\"ltr\"").doesNotContain("font-family");
    }

    @Test
    void wordHtmlPastedWithCtrlVArrivesCleaned(FxRobot robot) {
        robot.interact(() -> {
            vm.formatProperty().set(BodyFormat.HTML);
            vm.htmlProperty().set("<p>Start</p>");
            javafx.scene.input.ClipboardContent content = new javafx.scene.input.ClipboardContent();
            content.putHtml("<html><body><!--StartFragment--><p class=MsoNormal style='mso-line-height-rule:exactly;color:#333'>"
                    + "Pasted <b>bold</b><o:p></o:p></p><!--EndFragment--></body></html>");
            content.putString("Pasted bold");
            javafx.scene.input.Clipboard.getSystemClipboard().setContent(content);
        });
        selectVisualTab(robot);
        WebView web = robot.lookup("#htmlVisual .web-view").query();
        robot.interact(() -> {
            web.requestFocus();
            web.getEngine().executeScript("document.execCommand('selectAll', false, null)");
        });
        robot.press(KeyCode.CONTROL, KeyCode.V).release(KeyCode.V, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(draft.campaign().html()).contains("Pasted <b>bold</b>").contains("color: #333")
                .doesNotContain("mso-").doesNotContain("Mso").doesNotContain("o:p").doesNotContain("Fragment");
    }

    @Test
    void leavingTheSourceTabStoresACleanDocumentAndTheUnsubscribeLinkCanBeInserted(FxRobot robot) {
        robot.interact(() -> vm.formatProperty().set(BodyFormat.HTML));
        selectTab(robot, "HTML source");
        robot.clickOn("#htmlSource");
        robot.interact(() -> vm.htmlProperty().set("<p>Bye </p>"));
        robot.interact(() -> robot.lookup("#htmlSource").queryAs(org.fxmisc.richtext.CodeArea.class).moveTo("<p>Bye ".length()));
        robot.clickOn("#insertField");
        robot.clickOn("Unsubscribe link (HTML)");
        assertThat(vm.htmlProperty().get()).isEqualTo("<p>Bye <a href=\"[Unsubscribe]\">unsubscribe</a></p>");
        selectTab(robot, "HTML (visual)");
        assertThat(draft.campaign().html()).startsWith("<!DOCTYPE html>\n<html><head>\n<meta charset=\"utf-8\">")
                .contains("<body>\n<p>Bye <a href=\"[Unsubscribe]\">unsubscribe</a></p>\n</body></html>");
    }

    @Test
    void ctrlKAsksForTheAddressAndLinksTheSelectionEvenToAMergeField(FxRobot robot) {
        robot.interact(() -> {
            vm.formatProperty().set(BodyFormat.HTML);
            vm.htmlProperty().set("<p>Leave</p>");
        });
        selectVisualTab(robot);
        WebView web = robot.lookup("#htmlVisual .web-view").query();
        robot.interact(() -> {
            web.requestFocus();
            web.getEngine().executeScript("document.execCommand('selectAll', false, null)");
        });
        robot.press(KeyCode.CONTROL, KeyCode.K).release(KeyCode.K, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        TextField address = robot.lookup("#linkAddress").queryAs(TextField.class);
        robot.interact(() -> address.setText("[Unsubscribe]"));
        robot.clickOn("OK");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(draft.campaign().html()).contains("<a href=\"[Unsubscribe]\">Leave</a>");
    }

    @Test
    void anImageRemovedInTheListLeavesTheVisualEditorToo(FxRobot robot) throws Exception {
        Path logo = Files.write(dir.resolve("logo.png"), new byte[10]);
        robot.interact(() -> {
            vm.formatProperty().set(BodyFormat.HTML);
            vm.htmlProperty().set("<p>Hi <img src=\"" + logo.toUri() + "\" alt=\"\"></p>");
        });
        selectVisualTab(robot);
        robot.clickOn(robot.lookup(".attachment-remove").queryAs(Button.class));
        WaitForAsyncUtils.waitForFxEvents();
        HTMLEditor visual = robot.lookup("#htmlVisual").queryAs(HTMLEditor.class);
        assertThat(visual.getHtmlText()).contains("Hi").doesNotContain("<img");
        assertThat(draft.campaign().html()).doesNotContain("<img");
    }

    @Test
    void sourceThroughTheVisualEditorAndBackKeepsTheContent(FxRobot robot) {
        String source = "<table width=\"600\"><tr><td style=\"color: red\"><img src=\"cid:logo@acme\" alt=\"Logo\">"
                + "<a href=\"[Unsubscribe]\">unsubscribe</a> <IF [[Gender]] = \"M\">Sir<ELSE>Madam</IF></td></tr></table>";
        robot.interact(() -> {
            vm.formatProperty().set(BodyFormat.HTML);
            vm.htmlProperty().set(source);
        });
        selectVisualTab(robot);
        HTMLEditor visual = robot.lookup("#htmlVisual").queryAs(HTMLEditor.class);
        robot.interact(() -> vm.htmlFromVisualEditor(visual.getHtmlText()));
        assertThat(vm.htmlProperty().get()).contains("<td style=\"color: red\">").contains("<img src=\"cid:logo@acme\" alt=\"Logo\">")
                .contains("<a href=\"[Unsubscribe]\">unsubscribe</a>").contains("&lt;IF [[Gender]] = \"M\"&gt;Sir&lt;ELSE&gt;Madam&lt;/IF&gt;")
                .contains("<table width=\"600\">");
        // Once clean, another trip through the editor changes nothing.
        String once = vm.htmlProperty().get();
        selectTab(robot, "HTML source");
        selectVisualTab(robot);
        robot.interact(() -> vm.htmlFromVisualEditor(visual.getHtmlText()));
        assertThat(vm.htmlProperty().get()).isEqualTo(once);
    }

    @Test
    void twoAttachedFilesAreBothListedWithTheirSizeAndOneCanBeRemoved(FxRobot robot) throws Exception {
        Path a = Files.writeString(dir.resolve("agenda.txt"), "hello");
        Path b = Files.write(dir.resolve("photo.png"), new byte[2048]);
        robot.interact(() -> {
            vm.addAttachment(a);
            vm.addAttachment(b);
        });
        WaitForAsyncUtils.waitForFxEvents();
        ListView<AttachmentItem> list = robot.lookup("#attachments").queryListView();
        assertThat(list.getHeight()).isGreaterThanOrEqualTo(60);
        assertThat(robot.lookup(".attachment-size").queryAllAs(Label.class)).extracting(Label::getText).containsExactly("5 B", "2.0 KB");
        for (Label name : robot.lookup(".attachment-name").queryAllAs(Label.class)) {
            Bounds inList = list.sceneToLocal(name.localToScene(name.getBoundsInLocal()));
            assertThat(inList.getMinY()).as(name.getText() + " row top").isGreaterThanOrEqualTo(0);
            assertThat(inList.getMaxY()).as(name.getText() + " row bottom").isLessThanOrEqualTo(list.getHeight());
        }
        robot.clickOn(robot.lookup(".attachment-remove").queryAllAs(Button.class).iterator().next());
        assertThat(draft.campaign().attachments()).singleElement().asString().endsWith("photo.png");
        assertThat(list.getItems()).extracting(AttachmentItem::name).containsExactly("photo.png");
    }

    @Test
    void theAttachmentsPaneKeepsItsHeightWhenTheDividerIsDraggedDown(FxRobot robot) throws Exception {
        Path a = Files.writeString(dir.resolve("minutes.txt"), "hello");
        robot.interact(() -> vm.addAttachment(a));
        SplitPane split = robot.lookup("#bodyAndAttachments").queryAs(SplitPane.class);
        robot.interact(() -> split.setDividerPositions(1.0));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#attachmentsPane").queryAs(AttachmentsPane.class).getHeight()).isGreaterThanOrEqualTo(AttachmentsPane.MIN_HEIGHT);
    }

    /** Nothing attached: one line saying so, and the body gets the room (the empty list took ~110 px from it). */
    @Test
    void withNothingAttachedThePaneIsOneLineAndTheBodyGetsTheRoom(FxRobot robot) throws Exception {
        AttachmentsPane pane = robot.lookup("#attachmentsPane").queryAs(AttachmentsPane.class);
        assertThat(pane.getHeight()).isLessThan(AttachmentsPane.MIN_HEIGHT);
        assertThat(robot.lookup("#noAttachments").queryAs(Label.class).isVisible()).isTrue();
        assertThat(robot.lookup("#attachments").queryListView().isVisible()).isFalse();
        Path a = Files.writeString(dir.resolve("agenda.txt"), "hello");
        robot.interact(() -> vm.addAttachment(a));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(pane.getHeight()).as("the list shows once something is attached").isGreaterThanOrEqualTo(AttachmentsPane.MIN_HEIGHT);
        assertThat(robot.lookup("#attachments").queryListView().isVisible()).isTrue();
        assertThat(robot.lookup("#noAttachments").queryAs(Label.class).isVisible()).isFalse();
    }

    @Test
    void aMissingAttachmentShowsAsMissingWithTheReason(FxRobot robot) {
        robot.interact(() -> vm.addAttachment(dir.resolve("gone.pdf")));
        WaitForAsyncUtils.waitForFxEvents();
        ListView<AttachmentItem> list = robot.lookup("#attachments").queryListView();
        assertThat(list.getItems()).singleElement().satisfies(i -> assertThat(i.problem()).contains("no file at").contains("gone.pdf"));
        assertThat(robot.lookup(".attachment-missing").tryQuery()).isPresent();
    }

    private static void selectVisualTab(FxRobot robot) {
        selectTab(robot, "HTML (visual)");
    }

    private static void selectTab(FxRobot robot, String text) {
        TabPane tabs = robot.lookup("#bodyTabs").queryAs(TabPane.class);
        robot.interact(() -> tabs.getSelectionModel().select(tabs.getTabs().stream().filter(t -> t.getText().equals(text)).findFirst().orElseThrow()));
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** A finding's fix ran off the list's right edge, behind a sideways scroll bar: it wraps instead. */
    @Test
    void aLongFindingWrapsInsteadOfRunningOffTheEdge(FxRobot robot) {
        robot.interact(() -> {
            Stage stage = (Stage) robot.lookup("#checks").query().getScene().getWindow();
            stage.setWidth(700);
            stage.setHeight(700);
        });
        // No unsubscribe method: the longest finding there is, with its fix.
        robot.clickOn("#textBody").write("Hello [Shoe Size], and more words to check");
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        ListView<CheckLine> checks = robot.lookup("#checks").queryListView();
        assertThat(checks.getItems()).isNotEmpty();
        assertThat(org.broadside.ui.ThemedScene.showsScrollBar(checks, javafx.geometry.Orientation.HORIZONTAL)).as("a sideways scroll bar under the findings").isFalse();
    }
}
