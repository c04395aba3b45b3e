package org.broadside.bounces;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** RFC 5965 abuse reports (ARF): a recipient marked the message as spam. */
final class FeedbackReports {
    private FeedbackReports() {}

    /** Empty for feedback that is not a complaint ("not-spam"). */
    static Optional<Finding> read(String feedbackReport) {
        List<Map<String, String>> groups = ReportFields.groups(feedbackReport);
        Map<String, String> fields = groups.isEmpty() ? Map.of() : groups.get(0);
        String type = fields.getOrDefault("feedback-type", "abuse").strip().toLowerCase(Locale.ROOT);
        if (type.equals("not-spam")) return Optional.empty();
        String address = ReportFields.address(fields.get("original-rcpt-to"));
        if (address == null) address = ReportFields.address(fields.get("removal-recipient"));
        String agent = fields.get("user-agent");
        String reason = "complaint (" + type + ")" + (agent != null ? " reported by " + agent : "");
        return Optional.of(new Finding(BounceKind.COMPLAINT, address, null, Finding.shorten(reason)));
    }
}
