package org.broadside.ui.message;

import org.broadside.campaign.Campaign;
import org.broadside.ui.common.SameThreadRunner;
import org.broadside.ui.shell.CampaignDraft;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The attachments list of the Message tab: attachments and local images of the HTML, Open and Remove. */
class AttachmentListTest {
    @TempDir Path dir;
    private CampaignDraft draft;
    private MessageViewModel vm;

    @BeforeEach
    void setUp() throws Exception {
        draft = new CampaignDraft(Campaign.blank("a-1", "A").withMessage("me@example.com", null, "Hi", "", ""), null);
        draft.saveTo(dir.resolve("news.json"));
        vm = new MessageViewModel(draft, new SameThreadRunner(), n -> List.of(), doc -> List.of());
    }

    @Test
    void localImagesOfTheHtmlAreListedBesideAttachmentsButRemoteAndCidOnesAreNot() throws Exception {
        Files.createDirectories(dir.resolve("img"));
        Files.write(dir.resolve("img/logo.png"), new byte[300]);
        vm.addAttachment(Files.writeString(dir.resolve("terms.pdf"), "pdf"));
        vm.htmlProperty().set("<p><img src=\"img/logo.png\"><img src=\"https://cdn.example/x.png\"><img src=\"cid:a@b\"></p>");
        assertThat(vm.attachments()).extracting(AttachmentItem::name, AttachmentItem::kind, AttachmentItem::sizeText, AttachmentItem::contentType)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("terms.pdf", AttachmentItem.Kind.ATTACHMENT, "3 B", "application/pdf"),
                        org.assertj.core.groups.Tuple.tuple("logo.png", AttachmentItem.Kind.INLINE_IMAGE, "300 B", "image/png"));
    }

    @Test
    void removingAnInlineImageTakesItOutOfTheHtml() throws Exception {
        Files.write(dir.resolve("logo.png"), new byte[10]);
        vm.htmlProperty().set("<p>Hi <img src=\"logo.png\" alt=\"\"></p>");
        vm.removeAttachment(vm.attachments().get(0));
        assertThat(vm.htmlProperty().get()).contains("<p>Hi </p>").doesNotContain("<img");
        assertThat(vm.attachments()).isEmpty();
    }

    @Test
    void aMissingImageIsListedWithTheReason() {
        vm.htmlProperty().set("<p><img src=\"gone.png\"></p>");
        assertThat(vm.attachments()).singleElement().satisfies(i -> {
            assertThat(i.missing()).isTrue();
            assertThat(i.problem()).contains("no file at").contains("gone.png");
        });
    }

    @Test
    void openHandsTheFileToTheSystemAndAFailureIsTold() throws Exception {
        Path file = Files.writeString(dir.resolve("terms.pdf"), "pdf");
        vm.addAttachment(file);
        List<Path> opened = new ArrayList<>();
        vm.setFileOpener(opened::add);
        vm.openAttachment(vm.attachments().get(0));
        assertThat(opened).containsExactly(file.toAbsolutePath().normalize());
        assertThat(vm.attachmentMessageProperty().get()).isEmpty();

        vm.setFileOpener(f -> { throw new IOException("no program is set up for PDF files"); });
        vm.openAttachment(vm.attachments().get(0));
        assertThat(vm.attachmentMessageProperty().get()).isEqualTo("\"terms.pdf\" could not be opened: no program is set up for PDF files");
    }

    @Test
    void aMissingFileIsNotHandedToTheSystem() {
        vm.addAttachment(dir.resolve("gone.pdf"));
        List<Path> opened = new ArrayList<>();
        vm.setFileOpener(opened::add);
        vm.openAttachment(vm.attachments().get(0));
        assertThat(opened).isEmpty();
        assertThat(vm.attachmentMessageProperty().get()).startsWith("\"gone.pdf\" cannot be opened: no file at");
    }
}
