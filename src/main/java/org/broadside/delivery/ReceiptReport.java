package org.broadside.delivery;

import org.broadside.contacts.ListExporter;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Instant;
import java.util.List;

/** The per-recipient delivery report as CSV, with cells a spreadsheet would run as a formula neutralised. */
public final class ReceiptReport {
    public static final String HEADER = "email,state,code,enhanced_code,reply,queue_id,attempts,message_id,account,updated_at";
    /**
     * The last column, after any extra ones: the machine and process that recorded the recipient's state (empty while
     * no run has). Last, so that scripts reading the older columns by position, tracking's included, read them still.
     */
    public static final String SENT_BY = "sent_by";

    private ReceiptReport() {}

    /** Columns appended after the standard ones (the opens and clicks of a tracked campaign). */
    public interface ExtraColumns {
        /** ",opens,clicks": the header cells, each led by a comma. */
        String header();

        /** The cells for this recipient, as many as the header has. */
        List<String> cells(String email);
    }

    /** Writes every recipient of the campaign; returns how many rows were written. */
    public static long write(CampaignRepository campaigns, long campaignId, Writer out) throws IOException {
        return write(campaigns, campaignId, out, null);
    }

    /** The same, with extra columns at the end of each row (null: none). */
    public static long write(CampaignRepository campaigns, long campaignId, Writer out, ExtraColumns extra) throws IOException {
        BufferedWriter w = out instanceof BufferedWriter b ? b : new BufferedWriter(out);
        w.write(HEADER);
        if (extra != null) w.write(extra.header());
        w.write("," + SENT_BY + "\r\n");
        long[] rows = {0};
        try {
            campaigns.forEachRecipientWithSender(campaignId, (r, sentBy) -> {
                try {
                    cell(w, r.email(), true);
                    cell(w, r.state().name(), false);
                    cell(w, r.code() > 0 ? Integer.toString(r.code()) : "", false);
                    cell(w, r.enhancedCode(), false);
                    cell(w, r.reply() != null ? r.reply() : r.reason(), false);
                    cell(w, r.queueId(), false);
                    cell(w, Integer.toString(r.attempts()), false);
                    cell(w, r.messageId(), false);
                    cell(w, r.account(), false);
                    cell(w, r.updatedAt() > 0 ? Instant.ofEpochMilli(r.updatedAt()).toString() : "", false);
                    if (extra != null) for (String v : extra.cells(r.email())) cell(w, v, false);
                    cell(w, SentBy.label(sentBy), false);
                    w.write("\r\n");
                    rows[0]++;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        w.flush();
        return rows[0];
    }

    private static void cell(Writer w, String value, boolean first) throws IOException {
        if (!first) w.write(',');
        w.write(cell(value));
    }

    /** One cell as the report writes it: empty for null, a formula-like start neutralised, quoted where needed. */
    public static String cell(String value) {
        return ListExporter.quote(ListExporter.neutralize(value == null ? "" : value));
    }
}
