package org.broadside.ui.shell;

import org.broadside.campaign.Campaign;
import org.broadside.campaign.CampaignFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

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
    void recentFilesKeepTheNewestTenWithoutDuplicates() {
        RecentFiles recent = new RecentFiles(dir.resolve("recent.txt"));
        for (int i = 0; i < 12; i++) recent.add(dir.resolve("c" + i + ".json"));
        recent.add(dir.resolve("c5.json"));
        assertThat(recent.files()).hasSize(RecentFiles.MAX).first().isEqualTo(dir.resolve("c5.json").toAbsolutePath());
        assertThat(new RecentFiles(dir.resolve("recent.txt")).files()).isEqualTo(recent.files());
    }
}
