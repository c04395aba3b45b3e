package org.broadside.ui.message;

import org.broadside.campaign.Campaign;
import org.broadside.compose.CampaignChecks;
import org.broadside.contacts.ContactRepository;
import org.broadside.store.Database;
import org.broadside.ui.common.SameThreadRunner;
import org.broadside.ui.shell.CampaignDraft;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class MessageViewModelTest {
    @TempDir Path dir;
    private CampaignDraft draft;
    private MessageViewModel vm;

    @BeforeEach
    void setUp() {
        ContactRepository contacts = new ContactRepository(Database.open(dir));
        contacts.createList("Members", List.of("First Name", "Gender"));
        draft = new CampaignDraft(Campaign.blank("m-1", "News").withRecipients(List.of("Sandbox"), "Members", null)
                .withMessage("Me <me@example.com>", null, "Hi", "Hello [First Name] [Unsubscribe]", ""), null);
        vm = new MessageViewModel(draft, new SameThreadRunner(),
                name -> contacts.findList(name).map(l -> l.fields()).orElse(List.of()),
                doc -> CampaignChecks.check(doc, contacts, Set.of("Sandbox")));
    }

    /** A new campaign's subject typed and emptied again: nothing to save (the "•" stayed, and closing asked). */
    @Test
    void aNewCampaignEditedBackToEmptyIsUntouched() {
        CampaignDraft blank = CampaignDraft.blank(Campaign.blank("m-0", "New campaign").withRecipients(List.of("Sandbox"), null, null));
        MessageViewModel fresh = new MessageViewModel(blank, new SameThreadRunner(), name -> List.of(), doc -> List.of());
        fresh.subjectProperty().set("x");
        assertThat(blank.isDirty()).isTrue();
        fresh.subjectProperty().set("");
        assertThat(blank.isDirty()).isFalse();
    }

    @Test
    void typingAnUnknownFieldShowsItAsYouType() {
        assertThat(vm.checks()).noneMatch(l -> l.message().contains("Shoe Size"));
        vm.textProperty().set("Hello [Shoe Size] [Unsubscribe]");
        assertThat(vm.checks()).anyMatch(l -> l.message().toLowerCase().contains("shoe size"));
    }

    @Test
    void anUnbalancedConditionIsAnErrorWithItsPlace() {
        vm.textProperty().set("<IF [[Gender]] = \"F\">Dear Madam, [Unsubscribe]");
        assertThat(vm.checks()).anyMatch(l -> l.severity() == org.broadside.merge.Severity.ERROR && l.line() == 1);
        assertThat(vm.checkSummaryProperty().get()).doesNotStartWith("0 error");
    }

    @Test
    void editsReachTheDraftAndMakeItDirty() {
        vm.subjectProperty().set("Spring news for [First Name]");
        assertThat(draft.campaign().subject()).isEqualTo("Spring news for [First Name]");
        assertThat(draft.isDirty()).isTrue();
    }

    @Test
    void plainFormatDropsTheHtmlBodyFromTheCampaign() {
        vm.formatProperty().set(BodyFormat.HTML);
        vm.htmlProperty().set("<p>Hi [Unsubscribe]</p>");
        assertThat(draft.campaign().text()).isEmpty();
        vm.formatProperty().set(BodyFormat.PLAIN);
        assertThat(draft.campaign().html()).isEmpty();
    }

    @Test
    void insertableFieldsAreTheListsFieldsAndTheBuiltIns() {
        assertThat(vm.insertableFields()).containsExactly("First Name", "Gender", "Email", "Date", "Unsubscribe", "Campaign");
    }

    @Test
    void anAttachmentOverTenMegabytesIsFlagged() throws Exception {
        Path big = dir.resolve("big.bin");
        try (var f = new java.io.RandomAccessFile(big.toFile(), "rw")) {
            f.setLength(11L * 1024 * 1024);
        }
        Path small = Files.writeString(dir.resolve("small.txt"), "hello");
        vm.addAttachment(big);
        vm.addAttachment(small);
        assertThat(vm.attachments()).extracting(AttachmentItem::tooBig).containsExactly(true, false);
        assertThat(vm.attachments().get(1).sizeText()).isEqualTo("5 B");
    }

    @Test
    void conditionBuilderWritesMaxBulkSyntax() {
        assertThat(ConditionBuilder.build("Gender", ConditionBuilder.Op.EQUALS, "M", "Dear Sir", "Dear Madam"))
                .isEqualTo("<IF [[Gender]] = \"M\">Dear Sir<ELSE>Dear Madam</IF>");
        assertThat(ConditionBuilder.build("City", ConditionBuilder.Op.STARTS, "Pa", "Hi", ""))
                .isEqualTo("<IF [[City]] #? \"Pa\">Hi</IF>");
    }

    @Test
    void anInlineImageInsideTheDocumentFolderIsReferencedRelatively() throws Exception {
        draft.saveTo(dir.resolve("news.json"));
        assertThat(vm.imageTag(dir.resolve("img/logo.png"))).isEqualTo("<img src=\"img/logo.png\" alt=\"\">");
        assertThat(vm.imageTag(Path.of("/elsewhere/pic.png"))).isEqualTo("<img src=\"file:///elsewhere/pic.png\" alt=\"\">");
    }

    @Test
    void aSourceStillBeingEditedIsTidiedBeforeSaveOrSend() {
        vm.formatProperty().set(BodyFormat.BOTH);
        vm.setEditingSource(true);
        vm.htmlProperty().set("<p contenteditable=\"true\">Hi [First Name]</p>");
        vm.tidyIfEditingSource();
        assertThat(draft.campaign().html()).startsWith("<!DOCTYPE html>").contains("charset").doesNotContain("contenteditable");
    }

    @Test
    void aBodyNotBeingEditedInTheSourceIsLeftAsItIs() {
        vm.formatProperty().set(BodyFormat.BOTH);
        vm.htmlProperty().set("<p>Hand-made</p>");
        vm.tidyIfEditingSource();
        assertThat(draft.campaign().html()).isEqualTo("<p>Hand-made</p>");
    }
}
