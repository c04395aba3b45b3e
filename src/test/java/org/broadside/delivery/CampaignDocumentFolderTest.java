package org.broadside.delivery;

import org.broadside.store.Database;
import org.broadside.testing.TempDirs;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Where a campaign's exports open (the report's and the connection log's windows know only its id). */
class CampaignDocumentFolderTest {
    private final Path dir = TempDirs.create("document-folder");
    private final CampaignRepository campaigns = new CampaignRepository(Database.open(dir.resolve("data")));

    @Test
    void aCampaignsExportsOpenInItsDocumentsFolder() {
        Path file = dir.resolve("campaigns").resolve("Spring sale.json");
        campaigns.findOrCreate("spring", "Spring sale", file.toString());
        assertThat(campaigns.documentFolder("spring")).contains(dir.resolve("campaigns").toAbsolutePath());
    }

    @Test
    void aCampaignWithoutADocumentOrUnknownHasNoFolder() {
        campaigns.findOrCreate("unsaved", "Untitled", null);
        assertThat(campaigns.documentFolder("unsaved")).isEmpty();
        assertThat(campaigns.documentFolder("nobody-knows")).isEmpty();
    }
}
