package org.broadside.bounces;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * RFC 3464 delivery status notifications: the first failed recipient wins, else the first delayed one. Its address is
 * the Original-Recipient when the report has one, else the Final-Recipient.
 */
final class DeliveryStatusReports {
    private DeliveryStatusReports() {}

    /** Empty for a report of successful delivery ("delivered", "relayed", "expanded"): nothing to act on. */
    static Optional<Finding> read(String deliveryStatus) {
        List<Map<String, String>> groups = ReportFields.groups(deliveryStatus);
        Map<String, String> failed = null;
        Map<String, String> delayed = null;
        for (Map<String, String> g : groups.subList(Math.min(1, groups.size()), groups.size())) {
            String action = g.getOrDefault("action", "").strip().toLowerCase(Locale.ROOT);
            if (action.startsWith("failed") && failed == null) failed = g;
            if (action.startsWith("delayed") && delayed == null) delayed = g;
        }
        Map<String, String> chosen = failed != null ? failed : delayed;
        if (chosen == null) return Optional.empty();
        // Original-Recipient is the address as we wrote it in RCPT TO; Final-Recipient may be a forwarding target.
        String address = ReportFields.address(chosen.get("original-recipient"));
        if (address == null) address = ReportFields.address(chosen.get("final-recipient"));
        String diagnostic = ReportFields.diagnostic(chosen.get("diagnostic-code"));
        String status = chosen.get("status");
        if (status != null) status = StatusCodes.enhanced(status).orElse(status.strip());
        if (status == null && diagnostic != null) status = StatusCodes.enhanced(diagnostic).orElse(null);
        BounceKind kind = failed != null ? StatusCodes.kindOf(status, diagnostic) : BounceKind.SOFT_BOUNCE;
        String reason = diagnostic != null ? diagnostic : (failed != null ? "delivery failed" : "delivery delayed");
        return Optional.of(new Finding(kind, address, status, Finding.shorten(reason)));
    }

    /** Per-message fields some servers add (Exchange writes X-Original-Message-ID). */
    static Optional<String> originalMessageId(String deliveryStatus) {
        List<Map<String, String>> groups = ReportFields.groups(deliveryStatus);
        return groups.isEmpty() ? Optional.empty() : Optional.ofNullable(groups.get(0).get("x-original-message-id"));
    }
}
