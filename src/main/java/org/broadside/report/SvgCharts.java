package org.broadside.report;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The HTML summary's two charts as inline SVG (no script, no remote resource, sharp when printed): receipts over
 * time as stacked columns, and the outcome per domain as stacked horizontal bars.
 */
final class SvgCharts {
    private static final int WIDTH = 720;
    private static final int LEFT = 48;
    private static final int RIGHT = 12;

    private SvgCharts() {}

    static String timeline(Timeline timeline, ZoneId zone) {
        int height = 190;
        int top = 10;
        int bottom = 26;
        int plotW = WIDTH - LEFT - RIGHT;
        int plotH = height - top - bottom;
        List<TimelinePoint> points = timeline.points();
        long peak = Math.max(1, timeline.peak());
        StringBuilder svg = open(WIDTH, height, "Receipts over time, " + timeline.bucket().words());
        line(svg, LEFT, top + plotH, LEFT + plotW, top + plotH);
        text(svg, LEFT - 6, top + 10, "end", ReportWords.count(peak));
        text(svg, LEFT - 6, top + plotH, "end", "0");
        double step = (double) plotW / Math.max(1, points.size());
        double barW = Math.max(0.5, step * (points.size() > 60 ? 1.0 : 0.8));
        for (int i = 0; i < points.size(); i++) {
            double x = LEFT + i * step + (step - barW) / 2;
            double y = top + plotH;
            for (Outcome o : Outcome.ANSWERED) {
                long n = o.of(points.get(i));
                if (n == 0) continue;
                double h = (double) n * plotH / peak;
                y -= h;
                svg.append(String.format(Locale.ROOT, "<rect x=\"%.2f\" y=\"%.2f\" width=\"%.2f\" height=\"%.2f\" fill=\"%s\"/>",
                        x, y, barW, h, o.colour()));
            }
        }
        if (!points.isEmpty()) {
            DateTimeFormatter f = labels(timeline.bucket());
            text(svg, LEFT, height - 8, "start", f.format(points.get(0).at().atZone(zone)));
            if (points.size() > 1) {
                text(svg, LEFT + plotW, height - 8, "end", f.format(points.get(points.size() - 1).at().atZone(zone)));
            }
        }
        return svg.append("</svg>").toString();
    }

    static String domains(List<DomainRow> rows) {
        int rowH = 22;
        int labelW = 170;
        int countW = 70;
        int height = Math.max(1, rows.size()) * rowH + 4;
        int plotW = WIDTH - labelW - countW;
        long most = Math.max(1, rows.stream().mapToLong(r -> r.counts().total()).max().orElse(1));
        StringBuilder svg = open(WIDTH, height, "Outcome by recipient domain");
        for (int i = 0; i < rows.size(); i++) {
            DomainRow row = rows.get(i);
            int y = 2 + i * rowH;
            text(svg, labelW - 8, y + 15, "end", shorten(row.label(), 26));
            double x = labelW;
            for (Outcome o : Outcome.values()) {
                long n = o.of(row.counts());
                if (n == 0) continue;
                double w = (double) n * plotW / most;
                svg.append(String.format(Locale.ROOT, "<rect x=\"%.2f\" y=\"%d\" width=\"%.2f\" height=\"%d\" fill=\"%s\"/>",
                        x, y + 3, w, rowH - 6, o.colour()));
                x += w;
            }
            text(svg, (int) Math.ceil(x) + 6, y + 15, "start", ReportWords.count(row.counts().total()));
        }
        return svg.append("</svg>").toString();
    }

    private static DateTimeFormatter labels(TimeBucket bucket) {
        String pattern = switch (bucket) {
            case SECOND -> "HH:mm:ss";
            case MINUTE -> "MM-dd HH:mm";
            case HOUR -> "MM-dd HH:00";
            case DAY -> "yyyy-MM-dd";
        };
        return DateTimeFormatter.ofPattern(pattern, Locale.ROOT);
    }

    private static StringBuilder open(int w, int h, String title) {
        return new StringBuilder(String.format(Locale.ROOT,
                "<svg viewBox=\"0 0 %d %d\" width=\"100%%\" role=\"img\" aria-label=\"%s\">"
                        + "<title>%s</title>", w, h, HtmlText.escape(title), HtmlText.escape(title)));
    }

    private static void line(StringBuilder svg, int x1, int y1, int x2, int y2) {
        svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#888\" stroke-width=\"1\"/>", x1, y1, x2, y2));
    }

    private static void text(StringBuilder svg, int x, int y, String anchor, String s) {
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"%s\" font-size=\"11\" fill=\"#333\">%s</text>",
                x, y, anchor, HtmlText.escape(s)));
    }

    private static String shorten(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
