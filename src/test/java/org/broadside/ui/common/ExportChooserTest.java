package org.broadside.ui.common;

import javafx.stage.FileChooser;
import org.broadside.testing.TempDirs;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** An export is named after its campaign and opens where the campaign lives: "delivery-report.csv" was overwritten by the next one. */
class ExportChooserTest {
    @Test
    void theFileIsNamedAfterItsCampaignAndOpensInItsFolder() {
        Path folder = TempDirs.create("export-chooser");
        FileChooser c = ExportChooser.of("Export the delivery report", "Spring sale: 20/30 % off", "delivery report", "csv",
                "CSV", folder);
        assertThat(c.getInitialFileName()).isEqualTo("Spring sale_ 20_30 % off - delivery report.csv");
        assertThat(c.getInitialDirectory()).isEqualTo(folder.toFile());
        assertThat(c.getExtensionFilters()).singleElement().satisfies(f -> assertThat(f.getExtensions()).containsExactly("*.csv"));
    }

    @Test
    void withoutACampaignOrFolderItIsNamedForWhatItHoldsAndOpensAtHome() {
        FileChooser c = ExportChooser.of("Export the connection log", null, "connection log", "txt", "Text", null);
        assertThat(c.getInitialFileName()).isEqualTo("connection log.txt");
        assertThat(c.getInitialDirectory()).isEqualTo(new File(System.getProperty("user.home")));
        FileChooser gone = ExportChooser.of("Export", "A", "report", "html", "Web pages", Path.of("target", "no-such-folder"));
        assertThat(gone.getInitialDirectory()).isEqualTo(new File(System.getProperty("user.home")));
    }

    @Test
    void namesLoseOnlyWhatNoFileSystemTakes() {
        assertThat(ExportChooser.safe("Été <news>\t\"2027\"?")).isEqualTo("Été _news___2027__");
    }
}
