package org.broadside.compose;

import org.broadside.campaign.Unsubscribe;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

/** Values of the built-in merge fields [Date], [Campaign] and [Unsubscribe] for a campaign. */
final class BuiltIns {
    private final String campaignName;
    private final String date;
    private final Unsubscribe unsubscribe;
    private final UnsubscribeTokens tokens;

    BuiltIns(String campaignName, Unsubscribe unsubscribe, UnsubscribeTokens tokens, LocalDate today) {
        this.campaignName = campaignName;
        this.unsubscribe = unsubscribe;
        this.tokens = tokens;
        this.date = today.format(DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG));
    }

    static BuiltIns today(String campaignName, Unsubscribe unsubscribe, UnsubscribeTokens tokens) {
        return new BuiltIns(campaignName, unsubscribe, tokens, LocalDate.now(ZoneId.systemDefault()));
    }

    String campaignName() { return campaignName; }

    String date() { return date; }

    /** The link for [Unsubscribe]: the https URL with this recipient's token, else a mailto link, else "". */
    String unsubscribeLink(String email) {
        if (unsubscribe == null) return "";
        if (unsubscribe.url() != null && !unsubscribe.url().isBlank()) return tokens.url(unsubscribe.url(), email);
        if (unsubscribe.mailto() != null && !unsubscribe.mailto().isBlank()) return "mailto:" + unsubscribe.mailto() + "?subject=unsubscribe";
        return "";
    }

    /** List-Unsubscribe header value (RFC 2369), or null when the campaign has no unsubscribe method. */
    String listUnsubscribeHeader(String email) {
        if (unsubscribe == null) return null;
        StringBuilder sb = new StringBuilder();
        if (unsubscribe.url() != null && !unsubscribe.url().isBlank()) sb.append('<').append(tokens.url(unsubscribe.url(), email)).append('>');
        if (unsubscribe.mailto() != null && !unsubscribe.mailto().isBlank()) {
            if (sb.length() > 0) sb.append(", ");
            sb.append("<mailto:").append(unsubscribe.mailto()).append("?subject=unsubscribe>");
        }
        return sb.length() == 0 ? null : sb.toString();
    }

    /** True when one-click unsubscribe (RFC 8058) applies: an https URL is set. */
    boolean oneClick() {
        return unsubscribe != null && unsubscribe.url() != null && unsubscribe.url().regionMatches(true, 0, "https://", 0, 8);
    }
}
