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

    /**
     * This recipient's https unsubscribe URL (the campaign's URL with their token), or null without one. Computed once
     * per message: both the [Unsubscribe] link and the List-Unsubscribe header take it, and the token is an HMAC.
     */
    String unsubscribeUrl(String email) {
        if (unsubscribe == null || unsubscribe.url() == null || unsubscribe.url().isBlank()) return null;
        return tokens.url(unsubscribe.url(), email);
    }

    /** The link for [Unsubscribe]: the recipient's https URL ({@link #unsubscribeUrl}), else a mailto link, else "". */
    String unsubscribeLink(String url) {
        if (url != null) return url;
        if (unsubscribe != null && unsubscribe.mailto() != null && !unsubscribe.mailto().isBlank()) {
            return "mailto:" + unsubscribe.mailto() + "?subject=unsubscribe";
        }
        return "";
    }

    /** List-Unsubscribe header value (RFC 2369) around the recipient's https URL, or null without any method. */
    String listUnsubscribeHeader(String url) {
        if (unsubscribe == null) return null;
        StringBuilder sb = new StringBuilder();
        if (url != null) sb.append('<').append(url).append('>');
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
