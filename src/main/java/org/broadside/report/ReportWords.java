package org.broadside.report;

import org.broadside.delivery.CampaignStatus;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How a report words its numbers, so the window and the HTML summary say the same thing the same way. */
public final class ReportWords {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

    private ReportWords() {}

    /** 1,234,567 */
    public static String count(long n) {
        return String.format(Locale.ENGLISH, "%,d", n);
    }

    /** "12.5%" of the whole, or "" when the whole is empty. */
    public static String share(long part, long whole) {
        if (whole <= 0) return "";
        double p = part * 100.0 / whole;
        return String.format(Locale.ENGLISH, p > 0 && p < 0.1 ? "<0.1%%" : "%.1f%%", p);
    }

    /** "45 s", "3 min 20 s", "2 h 05 min", "3 days 4 h". */
    public static String duration(Duration d) {
        long s = d.toSeconds();
        if (s < 60) return s + " s";
        if (s < 3600) return (s / 60) + " min" + (s % 60 == 0 ? "" : " " + (s % 60) + " s");
        if (s < 86_400) return (s / 3600) + " h " + String.format(Locale.ROOT, "%02d", (s % 3600) / 60) + " min";
        long days = s / 86_400;
        return days + (days == 1 ? " day " : " days ") + ((s % 86_400) / 3600) + " h";
    }

    /** "1,250 per minute", or a dash when there is no rate yet. */
    public static String rate(Double perMinute) {
        if (perMinute == null) return "—";
        return String.format(Locale.ENGLISH, perMinute >= 10 ? "%,.0f per minute" : "%,.1f per minute", perMinute);
    }

    /** "office-pc (process 4242) 6,012; laptop (process 991) 5,988": who sent how many recipients. */
    public static String senders(java.util.List<SenderRow> senders) {
        StringBuilder sb = new StringBuilder();
        for (SenderRow s : senders) {
            if (!sb.isEmpty()) sb.append("; ");
            sb.append(s.label()).append(' ').append(count(s.recipients()));
        }
        return sb.toString();
    }

    /** A moment in the user's time zone, or a dash. */
    public static String when(Instant at, ZoneId zone) {
        return at == null ? "—" : WHEN.format(at.atZone(zone));
    }

    /** The campaign's state in the words of the Delivery panel. */
    public static String status(CampaignStatus status, String reason) {
        String words = switch (status) {
            case READY -> "Ready (not running)";
            case RUNNING -> "Sending now";
            case PAUSED -> "Paused";
            case STOPPED -> "Stopped";
            case FINISHED -> "Finished";
        };
        return reason == null || reason.isBlank() || status == CampaignStatus.RUNNING ? words : words + ": " + reason;
    }
}
