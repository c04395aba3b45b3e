package org.broadside.report;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.ZoneId;
import java.util.List;

/**
 * The delivery report as one self-contained HTML page: inline CSS and SVG charts, no script and no remote resource,
 * so it opens anywhere, can be mailed as an attachment and prints on one or two pages.
 */
public final class SummaryHtml {
    private static final String CSS = """
            body{font-family:-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;color:#222;margin:24px auto;max-width:760px;font-size:13px}
            h1{font-size:20px;margin:0 0 2px}h2{font-size:15px;margin:22px 0 6px;border-bottom:1px solid #ddd;padding-bottom:3px}
            .sub{color:#555;margin:0 0 14px}
            .cards{display:flex;flex-wrap:wrap;gap:8px}
            .card{border:1px solid #ddd;border-radius:6px;padding:6px 10px;min-width:92px}
            .card b{display:block;font-size:18px}.card span{color:#555;font-size:11px}
            table{border-collapse:collapse;width:100%;margin-top:4px}th,td{text-align:left;padding:3px 6px;border-bottom:1px solid #eee;vertical-align:top}
            th{font-weight:600;background:#f6f6f6}td.n,th.n{text-align:right;white-space:nowrap}
            .legend span{display:inline-block;margin-right:12px;font-size:11px}.legend i{display:inline-block;width:10px;height:10px;margin-right:4px;vertical-align:-1px}
            .muted{color:#666}.example{font-family:monospace;font-size:11px;color:#444;word-break:break-all}
            section{break-inside:avoid;page-break-inside:avoid}
            @media print{body{margin:0;max-width:none;font-size:11px}@page{size:A4;margin:14mm}}
            """;

    private SummaryHtml() {}

    /** Writes the page to {@code target} through a temporary file, so a failed write never leaves half a report. */
    public static void write(DeliverySummary summary, ZoneId zone, Path target) throws IOException {
        Path absolute = target.toAbsolutePath();
        Files.createDirectories(absolute.getParent());
        Path tmp = Files.createTempFile(absolute.getParent(), ".summary", ".tmp");
        try {
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                w.write(render(summary, zone));
            }
            try {
                Files.move(tmp, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    public static String render(DeliverySummary s, ZoneId zone) {
        StringBuilder h = new StringBuilder(16_000);
        String title = "Delivery report: " + s.campaignName();
        h.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>").append(esc(title))
                .append("</title><style>").append(CSS).append("</style></head><body>");
        h.append("<h1>").append(esc(title)).append("</h1>");
        h.append("<p class=\"sub\">").append(esc(ReportWords.status(s.status(), s.statusReason()))).append(" · ")
                .append(s.runs()).append(s.runs() == 1 ? " run" : " runs").append(" · report made ")
                .append(esc(ReportWords.when(s.computedAt(), zone))).append(" (").append(esc(zone.getId())).append(")</p>");
        cards(h, s);
        timing(h, s, zone);
        if (!s.timeline().points().isEmpty()) {
            h.append("<section><h2>Receipts over time (").append(esc(s.timeline().bucket().words())).append(")</h2>");
            legend(h, Outcome.ANSWERED);
            h.append(SvgCharts.timeline(s.timeline(), zone)).append("</section>");
        }
        domains(h, s.domains());
        accounts(h, s.accounts());
        replyCodes(h, s.replyCodes());
        bounces(h, s);
        h.append("<p class=\"muted\">\"Accepted\" means the receiving server took responsibility for the message; it does not "
                + "prove it reached an inbox. Made by Broadside.</p></body></html>\n");
        return h.toString();
    }

    private static void cards(StringBuilder h, DeliverySummary s) {
        StateCounts t = s.totals();
        h.append("<div class=\"cards\">");
        card(h, ReportWords.count(t.total()), "recipients");
        for (Outcome o : Outcome.values()) {
            card(h, ReportWords.count(o.of(t)), o.words().toLowerCase(java.util.Locale.ROOT) + " " + ReportWords.share(o.of(t), t.total()));
        }
        h.append("</div>");
    }

    private static void card(StringBuilder h, String number, String words) {
        h.append("<div class=\"card\"><b>").append(esc(number)).append("</b><span>").append(esc(words.strip())).append("</span></div>");
    }

    private static void timing(StringBuilder h, DeliverySummary s, ZoneId zone) {
        h.append("<section><h2>Duration and rate</h2><table><tbody>");
        row(h, "First receipt", ReportWords.when(s.firstReceipt(), zone));
        row(h, "Last receipt", ReportWords.when(s.lastReceipt(), zone));
        row(h, "Duration", s.firstReceipt() == null ? "—" : ReportWords.duration(s.duration()));
        row(h, "Rate", ReportWords.rate(s.ratePerMinute()));
        if (s.severalSenders()) row(h, "Sent by", ReportWords.senders(s.senders()));
        h.append("</tbody></table></section>");
    }

    private static void row(StringBuilder h, String name, String value) {
        h.append("<tr><th>").append(esc(name)).append("</th><td>").append(esc(value)).append("</td></tr>");
    }

    private static void domains(StringBuilder h, List<DomainRow> rows) {
        if (rows.isEmpty()) return;
        h.append("<section><h2>Outcome by recipient domain</h2>");
        legend(h, Outcome.values());
        h.append(SvgCharts.domains(rows));
        h.append("<table><thead><tr><th>Domain</th><th class=\"n\">Recipients</th><th class=\"n\">Accepted</th>"
                + "<th class=\"n\">Deferred</th><th class=\"n\">Failed</th><th class=\"n\">Pending</th><th class=\"n\">Other</th></tr></thead><tbody>");
        for (DomainRow r : rows) {
            StateCounts c = r.counts();
            h.append("<tr><td>").append(esc(r.label())).append("</td>");
            numbers(h, c.total(), c.sent(), c.deferred(), c.failed(), c.pending(), c.unknown() + c.skipped());
            h.append("</tr>");
        }
        h.append("</tbody></table></section>");
    }

    private static void accounts(StringBuilder h, List<AccountRow> rows) {
        if (rows.isEmpty()) return;
        h.append("<section><h2>Per account</h2><table><thead><tr><th>Account</th><th class=\"n\">Tried</th><th class=\"n\">Accepted</th>"
                + "<th class=\"n\">Deferred</th><th class=\"n\">Failed</th><th class=\"n\">Unknown</th></tr></thead><tbody>");
        for (AccountRow r : rows) {
            StateCounts c = r.counts();
            h.append("<tr><td>").append(esc(r.label())).append("</td>");
            numbers(h, c.attempted(), c.sent(), c.deferred(), c.failed(), c.unknown());
            h.append("</tr>");
        }
        h.append("</tbody></table></section>");
    }

    private static void replyCodes(StringBuilder h, List<ReplyCodeRow> rows) {
        if (rows.isEmpty()) return;
        h.append("<section><h2>Most frequent replies</h2><table><thead><tr><th>Reply</th><th class=\"n\">Recipients</th>"
                + "<th>What it means</th></tr></thead><tbody>");
        for (ReplyCodeRow r : rows) {
            h.append("<tr><td>").append(esc(r.label())).append("</td><td class=\"n\">").append(ReportWords.count(r.count()))
                    .append("</td><td>").append(esc(capitalised(r.meaning()))).append(". <span class=\"muted\">")
                    .append(esc(capitalised(r.advice()))).append(".</span>");
            if (r.example() != null && !r.example().isBlank()) {
                h.append("<div class=\"example\">").append(esc(r.example())).append("</div>");
            }
            h.append("</td></tr>");
        }
        h.append("</tbody></table></section>");
    }

    private static void bounces(StringBuilder h, DeliverySummary s) {
        var b = s.bounces();
        h.append("<section><h2>Bounces and unsubscribes</h2><p>");
        h.append(ReportWords.count(b.hardBounces())).append(" hard bounces, ").append(ReportWords.count(b.softBounces()))
                .append(" soft bounces, ").append(ReportWords.count(b.complaints())).append(" complaints, ")
                .append(ReportWords.count(b.unsubscribes())).append(" unsubscribes");
        h.append(" <span class=\"muted\">(found in the bounce mailboxes so far)</span></p></section>");
    }

    private static void numbers(StringBuilder h, long... values) {
        for (long v : values) h.append("<td class=\"n\">").append(ReportWords.count(v)).append("</td>");
    }

    private static void legend(StringBuilder h, Outcome[] outcomes) {
        h.append("<div class=\"legend\">");
        for (Outcome o : outcomes) {
            h.append("<span><i style=\"background:").append(o.colour()).append("\"></i>").append(esc(o.words())).append("</span>");
        }
        h.append("</div>");
    }

    static String capitalised(String s) {
        return s == null || s.isEmpty() ? "" : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static String esc(String s) { return HtmlText.escape(s); }
}
