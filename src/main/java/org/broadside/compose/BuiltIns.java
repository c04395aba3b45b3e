package org.broadside.compose;

import org.broadside.campaign.Unsubscribe;
import org.broadside.merge.FieldNames;
import org.broadside.unsubscribe.RecipientToken;
import org.broadside.unsubscribe.RecipientTokens;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Map;

/** Values of the built-in merge fields [Date], [Campaign] and [Unsubscribe] for a campaign. */
final class BuiltIns {
    private final String campaignName;
    private final String date;
    private final Unsubscribe unsubscribe;
    private final UnsubscribeTokens tokens;
    /** Tokens the campaign's Broadside server resolves, or null when the campaign names no server. */
    private final RecipientTokens serverTokens;
    private final String campaignUid;
    private final String serverBase;
    /** The landing page's language field, normalized, when unsubscribe.language is "[Field]"; else null. */
    private final String languageField;

    BuiltIns(String campaignName, Unsubscribe unsubscribe, UnsubscribeTokens tokens, LocalDate today) {
        this(campaignName, unsubscribe, tokens, null, null, today);
    }

    BuiltIns(String campaignName, Unsubscribe unsubscribe, UnsubscribeTokens tokens, RecipientTokens serverTokens, String campaignUid,
             LocalDate today) {
        this.campaignName = campaignName;
        this.unsubscribe = unsubscribe;
        this.tokens = tokens;
        this.serverTokens = unsubscribe != null && unsubscribe.hasServer() ? serverTokens : null;
        this.campaignUid = campaignUid;
        this.serverBase = unsubscribe == null ? null : unsubscribe.serverBase();
        String lang = unsubscribe == null ? null : unsubscribe.language();
        this.languageField = lang != null && lang.strip().startsWith("[") && lang.strip().endsWith("]")
                ? FieldNames.normalize(lang.strip().substring(1, lang.strip().length() - 1)) : null;
        this.date = today.format(DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG));
    }

    static BuiltIns today(String campaignName, Unsubscribe unsubscribe, UnsubscribeTokens tokens, RecipientTokens serverTokens, String campaignUid) {
        return new BuiltIns(campaignName, unsubscribe, tokens, serverTokens, campaignUid, LocalDate.now(ZoneId.systemDefault()));
    }

    String campaignName() { return campaignName; }

    String date() { return date; }

    /**
     * This recipient's https unsubscribe URL (the campaign's URL with their token), or null without one. Computed once
     * per message: both the [Unsubscribe] link and the List-Unsubscribe header take it, and the token is an HMAC.
     */
    String unsubscribeUrl(String email, Map<String, String> fields) {
        if (serverTokens != null) return serverBase + "/u/" + serverTokens.seal(new RecipientToken(campaignUid, email, language(fields)));
        if (unsubscribe == null || unsubscribe.url() == null || unsubscribe.url().isBlank()) return null;
        return tokens.url(unsubscribe.url(), email);
    }

    /** The recipient as the server's tokens name them, or null when the campaign names no server. */
    RecipientToken recipient(String email, Map<String, String> fields) {
        return serverTokens == null ? null : new RecipientToken(campaignUid, email, language(fields));
    }

    RecipientTokens serverTokens() { return serverTokens; }

    String serverBase() { return serverBase; }

    /** The recipient's landing-page language: the campaign's code, or the value of its language field (two letters), or null. */
    private String language(Map<String, String> fields) {
        String lang = unsubscribe.language();
        if (lang == null || lang.isBlank()) return null;
        if (languageField == null) return lang.strip().length() == 2 ? lang.strip().toLowerCase(java.util.Locale.ROOT) : null;
        for (Map.Entry<String, String> e : fields.entrySet()) {
            if (FieldNames.normalize(e.getKey()).equals(languageField)) {
                String v = e.getValue() == null ? "" : e.getValue().strip();
                return v.length() >= 2 ? v.substring(0, 2).toLowerCase(java.util.Locale.ROOT) : null;
            }
        }
        return null;
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
        if (serverTokens != null) return serverBase.regionMatches(true, 0, "https://", 0, 8);
        return unsubscribe != null && unsubscribe.url() != null && unsubscribe.url().regionMatches(true, 0, "https://", 0, 8);
    }
}
