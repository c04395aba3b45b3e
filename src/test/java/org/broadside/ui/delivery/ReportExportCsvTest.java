package org.broadside.ui.delivery;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The Delivery panel's and the Report window's CSV cells: quoted where needed, never a formula. */
class ReportExportCsvTest {
    @Test
    void quotesAndNeutralisesFormulaLikeCells() {
        assertThat(org.broadside.delivery.ReceiptReport.cell("550 5.1.1 no such user")).isEqualTo("550 5.1.1 no such user");
        assertThat(org.broadside.delivery.ReceiptReport.cell("=HYPERLINK(\"http://x\")")).isEqualTo("\"'=HYPERLINK(\"\"http://x\"\")\"");
        assertThat(org.broadside.delivery.ReceiptReport.cell("a, b")).isEqualTo("\"a, b\"");
        assertThat(org.broadside.delivery.ReceiptReport.cell(null)).isEmpty();
    }
}
