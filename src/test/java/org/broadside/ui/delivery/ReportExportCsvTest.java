package org.broadside.ui.delivery;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The Delivery panel's and the Report window's CSV cells: quoted where needed, never a formula. */
class ReportExportCsvTest {
    @Test
    void quotesAndNeutralisesFormulaLikeCells() {
        assertThat(ReportExport.csv("550 5.1.1 no such user")).isEqualTo("550 5.1.1 no such user");
        assertThat(ReportExport.csv("=HYPERLINK(\"http://x\")")).isEqualTo("\"'=HYPERLINK(\"\"http://x\"\")\"");
        assertThat(ReportExport.csv("a, b")).isEqualTo("\"a, b\"");
        assertThat(ReportExport.csv(null)).isEmpty();
    }
}
