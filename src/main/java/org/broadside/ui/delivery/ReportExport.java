package org.broadside.ui.delivery;

import org.broadside.delivery.CampaignRepository;
import org.broadside.delivery.ReceiptReport;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a campaign's per-recipient results to a file: the same CSV as "broadside report --csv" (ReceiptReport),
 * streamed from the store so a million rows fit.
 */
public final class ReportExport {
    private ReportExport() {}

    public static long write(CampaignRepository campaigns, long campaignId, Path target) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(target, StandardCharsets.UTF_8)) {
            return ReceiptReport.write(campaigns, campaignId, w);
        }
    }
}
