package org.broadside.ui.delivery;

import org.broadside.delivery.CampaignRepository;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/** Writes a campaign's per-recipient results as CSV, streaming from the store so a million rows fit. */
public final class ReportExport {
    private ReportExport() {}

    public static long write(CampaignRepository campaigns, long campaignId, Path target) throws IOException {
        long[] n = {0};
        try (BufferedWriter w = Files.newBufferedWriter(target, StandardCharsets.UTF_8)) {
            w.write("email,state,code,enhanced_code,reply,queue_id,attempts,account,updated_at\r\n");
            campaigns.forEachRecipient(campaignId, r -> {
                try {
                    w.write(String.join(",", csv(r.email()), r.state().name(), r.code() == 0 ? "" : String.valueOf(r.code()),
                            csv(r.enhancedCode()), csv(r.reply() != null ? r.reply() : r.reason()), csv(r.queueId()),
                            String.valueOf(r.attempts()), csv(r.account()),
                            r.updatedAt() > 0 ? Instant.ofEpochMilli(r.updatedAt()).toString() : ""));
                    w.write("\r\n");
                    n[0]++;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return n[0];
    }

    static String csv(String s) {
        if (s == null) return "";
        // A server's reply or an address is outside text: a spreadsheet must not run "=HYPERLINK(...)" from it.
        s = org.broadside.contacts.ListExporter.neutralize(s);
        boolean quote = s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0;
        return quote ? '"' + s.replace("\"", "\"\"") + '"' : s;
    }
}
