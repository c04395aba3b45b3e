package org.broadside.ui.delivery;

import org.broadside.delivery.CampaignRecord;
import org.broadside.delivery.ReceiptReport;
import org.broadside.delivery.RecipientState;
import org.broadside.testing.TempDirs;
import org.junit.jupiter.api.Test;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

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

    @Test
    void theLastColumnNamesTheMachineThatSentEachRecipientAndIsEmptyForTheOthers() throws Exception {
        Path dir = TempDirs.create("export-sent-by");
        StoredCampaign stored = new StoredCampaign(dir, "sb");
        CampaignRecord record = stored.freeze(3);
        stored.sentBy(1, RecipientState.SENT, "office-pc", 4242);
        stored.sentBy(2, RecipientState.FAILED, "=cmd|' /C calc'!A0", 7);
        Path csv = dir.resolve("report.csv");

        assertThat(ReportExport.write(stored.campaigns, record.id(), csv)).isEqualTo(3);

        List<String> lines = Files.readAllLines(csv);
        assertThat(lines.get(0)).as("the older columns keep their places")
                .isEqualTo("email,state,code,enhanced_code,reply,queue_id,attempts,message_id,account,updated_at,sent_by");
        assertThat(lines.get(1)).startsWith("r1@example.com,SENT,").endsWith(",office-pc (process 4242)");
        assertThat(lines.get(2)).as("a host name is a cell like any other: never a formula").endsWith(",'=cmd|' /C calc'!A0 (process 7)");
        assertThat(lines.get(3)).startsWith("r3@example.com,PENDING,").endsWith(",");
        stored.db.close();
    }

    @Test
    void theMachineComesAfterTheTrackingColumnsSoTheirPlacesDoNotMove() throws Exception {
        StoredCampaign stored = new StoredCampaign(TempDirs.create("export-tracking"), "tr");
        CampaignRecord record = stored.freeze(1);
        stored.sentBy(1, RecipientState.SENT, "office-pc", 4242);
        StringWriter out = new StringWriter();
        ReceiptReport.write(stored.campaigns, record.id(), out, new ReceiptReport.ExtraColumns() {
            @Override
            public String header() { return ",opens,clicks"; }

            @Override
            public List<String> cells(String email) { return List.of("2", "1"); }
        });
        List<String> lines = out.toString().lines().toList();
        assertThat(lines.get(0)).endsWith(",updated_at,opens,clicks,sent_by");
        assertThat(lines.get(1)).endsWith(",2,1,office-pc (process 4242)");
        stored.db.close();
    }
}
