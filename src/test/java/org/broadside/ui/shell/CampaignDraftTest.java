package org.broadside.ui.shell;

import org.broadside.campaign.Campaign;
import org.broadside.campaign.CampaignChangedOnDiskException;
import org.broadside.campaign.CampaignFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CampaignDraftTest {
    @TempDir Path dir;

    @Test
    void aNewDocumentIsDirtyUntilSavedAndCleanAfter() throws Exception {
        CampaignDraft d = new CampaignDraft(Campaign.blank("d-1", "News"), null);
        assertThat(d.isDirty()).isTrue();
        d.saveTo(dir.resolve("news.json"));
        assertThat(d.isDirty()).isFalse();
        assertThat(CampaignFiles.toJson(CampaignFiles.read(dir.resolve("news.json")).campaign())).isEqualTo(CampaignFiles.toJson(d.campaign()));
    }

    /** Closing a new window nobody typed in asked to save "changes". */
    @Test
    void aNewEmptyCampaignHasNothingToLoseUntilEdited() throws Exception {
        CampaignDraft d = CampaignDraft.blank(Campaign.blank("d-0", "New campaign"));
        assertThat(d.isDirty()).isFalse();
        assertThat(d.file()).isNull();
        d.update(c -> c.withName("Spring"));
        assertThat(d.isDirty()).isTrue();
        d.saveTo(dir.resolve("spring.json"));
        assertThat(d.isDirty()).isFalse();
    }

    @Test
    void aFileWithHandWrittenHtmlIsNotChangedByMerelyOpeningIt() throws Exception {
        Path file = dir.resolve("hand.json");
        Campaign written = Campaign.blank("d-html", "Hand").withMessage("a@example.org", null, "Hi", "",
                "<html><body><p>Dear [First Name],</p></body></html>");
        CampaignFiles.write(written, file);

        CampaignDraft d = CampaignDraft.of(CampaignFiles.read(file));
        assertThat(d.isDirty()).isFalse();
        // What the message editor does as the window opens (it keeps the cleaned e-mail document): still no change.
        d.update(c -> c.withMessage(c.from(), c.replyTo(), c.subject(), c.text(), org.broadside.compose.EmailHtml.clean(c.html())));
        assertThat(d.isDirty()).isFalse();
        assertThat(d.campaign().html()).startsWith("<!DOCTYPE html>").contains("Dear [First Name],");
    }

    @Test
    void undoingAnEditMakesTheDocumentCleanAgain() throws Exception {
        CampaignDraft d = new CampaignDraft(Campaign.blank("d-2", "News"), null);
        d.saveTo(dir.resolve("n.json"));
        d.update(c -> c.withName("Other"));
        assertThat(d.isDirty()).isTrue();
        d.update(c -> c.withName("News"));
        assertThat(d.isDirty()).isFalse();
    }

    @Test
    void windowTitleMarksUnsavedChanges() throws Exception {
        RecentFiles recent = new RecentFiles(dir.resolve("recent.txt"));
        CampaignDraft d = new CampaignDraft(Campaign.blank("d-3", "Spring"), null);
        MainWindowViewModel vm = new MainWindowViewModel(d, recent);
        assertThat(vm.titleProperty().get()).isEqualTo("• Spring — Broadside");
        assertThat(vm.needsFile()).isTrue();
        assertThat(vm.save(dir.resolve("spring"))).isTrue();
        assertThat(vm.titleProperty().get()).isEqualTo("Spring — spring.json — Broadside");
        assertThat(recent.files()).containsExactly(dir.resolve("spring.json").toAbsolutePath());
    }

    @Test
    void theSecondOfTwoWindowsSavingOneCampaignIsRefusedAndTheFirstSaveSurvives() throws Exception {
        Path file = dir.resolve("shared.json");
        CampaignFiles.write(Campaign.blank("d-4", "Autumn"), file);
        CampaignDraft anne = CampaignDraft.of(CampaignFiles.read(file));
        CampaignDraft bob = CampaignDraft.of(CampaignFiles.read(file));

        anne.update(c -> c.withName("Autumn by Anne"));
        anne.saveTo(file);
        bob.update(c -> c.withName("Autumn by Bob"));

        assertThatThrownBy(() -> bob.saveTo(file))
                .isInstanceOf(CampaignChangedOnDiskException.class)
                .hasMessageContaining("Someone else saved shared.json")
                .hasMessageContaining("Save As");
        assertThat(CampaignFiles.read(file).campaign().name()).isEqualTo("Autumn by Anne");
        assertThat(bob.isDirty()).as("Bob's edits are still in his window").isTrue();

        anne.update(c -> c.withName("Autumn, final"));
        anne.saveTo(file);
        assertThat(CampaignFiles.read(file).campaign().name()).as("the first writer goes on saving").isEqualTo("Autumn, final");

        bob.saveTo(dir.resolve("bob.json"));
        assertThat(CampaignFiles.read(dir.resolve("bob.json")).campaign().name()).isEqualTo("Autumn by Bob");
        bob.update(c -> c.withName("Autumn by Bob, 2"));
        bob.saveTo(dir.resolve("bob.json"));
        assertThat(CampaignFiles.read(dir.resolve("bob.json")).campaign().name()).isEqualTo("Autumn by Bob, 2");
    }

    @Test
    void aSaveRefusedForAnotherWritersChangeIsShownAsSuchAndKeepsTheWindowDirty() throws Exception {
        Path file = dir.resolve("shared2.json");
        CampaignFiles.write(Campaign.blank("d-5", "Winter"), file);
        CampaignDraft mine = CampaignDraft.of(CampaignFiles.read(file));
        MainWindowViewModel vm = new MainWindowViewModel(mine, new RecentFiles(dir.resolve("recent2.txt")));
        CampaignFiles.write(Campaign.blank("d-5", "Winter, theirs"), file);
        mine.update(c -> c.withName("Winter, mine"));

        assertThat(vm.save(null)).isFalse();
        assertThat(vm.refusalProperty().get()).contains("Someone else saved shared2.json");
        assertThat(vm.titleProperty().get()).startsWith("• ");
        assertThat(CampaignFiles.read(file).campaign().name()).isEqualTo("Winter, theirs");
    }

    @Test
    void recentFilesKeepTheNewestTenWithoutDuplicates() {
        RecentFiles recent = new RecentFiles(dir.resolve("recent.txt"));
        for (int i = 0; i < 12; i++) recent.add(dir.resolve("c" + i + ".json"));
        recent.add(dir.resolve("c5.json"));
        assertThat(recent.files()).hasSize(RecentFiles.MAX).first().isEqualTo(dir.resolve("c5.json").toAbsolutePath());
        assertThat(new RecentFiles(dir.resolve("recent.txt")).files()).isEqualTo(recent.files());
    }
}
