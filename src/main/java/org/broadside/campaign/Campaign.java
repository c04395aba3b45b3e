package org.broadside.campaign;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A campaign document as the user saves it: who sends what to which list, and how. Immutable; editors
 * build a changed copy with the with-methods. Paths inside are relative to the document's folder.
 *
 * @param id          stable identity of the campaign across renames and moves (generated when created in the app)
 * @param account     one account name, or several for rotation
 * @param filter      a merge-language condition, e.g. {@code [[Country]] = "FR" <AND> [[Age]] >= 18}
 * @param textFile    the plain text body read from a file instead of {@code text}
 * @param htmlFile    the HTML body read from a file instead of {@code html}
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({"id", "name", "account", "list", "filter", "from", "replyTo", "subject", "text", "textFile",
        "html", "htmlFile", "attachments", "headers", "unsubscribe", "delivery", "tracking"})
public record Campaign(
        String id,
        String name,
        @JsonFormat(with = {JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY, JsonFormat.Feature.WRITE_SINGLE_ELEM_ARRAYS_UNWRAPPED})
        List<String> account,
        String list,
        String filter,
        String from,
        String replyTo,
        String subject,
        String text,
        String textFile,
        String html,
        String htmlFile,
        List<String> attachments,
        Map<String, String> headers,
        Unsubscribe unsubscribe,
        DeliveryOptions delivery,
        Tracking tracking) {

    public Campaign {
        account = account == null ? List.of() : List.copyOf(account);
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
        headers = headers == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(headers));
        delivery = delivery == null ? DeliveryOptions.defaults() : delivery;
    }

    /** A campaign without tracking (off by default). */
    public Campaign(String id, String name, List<String> account, String list, String filter, String from, String replyTo, String subject,
                    String text, String textFile, String html, String htmlFile, List<String> attachments, Map<String, String> headers,
                    Unsubscribe unsubscribe, DeliveryOptions delivery) {
        this(id, name, account, list, filter, from, replyTo, subject, text, textFile, html, htmlFile, attachments, headers, unsubscribe, delivery, null);
    }

    /** True when the campaign asks for open tracking (through its Broadside server). */
    public boolean tracksOpens() { return tracking != null && tracking.opensOn(); }

    /** True when the campaign asks for click tracking (through its Broadside server). */
    public boolean tracksClicks() { return tracking != null && tracking.clicksOn(); }

    /** An empty campaign with a fresh id. */
    public static Campaign blank(String id, String name) {
        return new Campaign(id, name, List.of(), null, null, null, null, "", "", null, null, null, List.of(), Map.of(), null, null);
    }

    public Campaign withId(String newId) {
        return new Campaign(newId, name, account, list, filter, from, replyTo, subject, text, textFile, html, htmlFile, attachments, headers, unsubscribe, delivery, tracking);
    }

    public Campaign withMessage(String newFrom, String newReplyTo, String newSubject, String newText, String newHtml) {
        return new Campaign(id, name, account, list, filter, newFrom, newReplyTo, newSubject, newText, textFile, newHtml, htmlFile, attachments, headers, unsubscribe, delivery, tracking);
    }

    public Campaign withRecipients(List<String> newAccount, String newList, String newFilter) {
        return new Campaign(id, name, newAccount, newList, newFilter, from, replyTo, subject, text, textFile, html, htmlFile, attachments, headers, unsubscribe, delivery, tracking);
    }

    public Campaign withAttachments(List<String> newAttachments) {
        return new Campaign(id, name, account, list, filter, from, replyTo, subject, text, textFile, html, htmlFile, newAttachments, headers, unsubscribe, delivery, tracking);
    }

    public Campaign withName(String newName) {
        return new Campaign(id, newName, account, list, filter, from, replyTo, subject, text, textFile, html, htmlFile, attachments, headers, unsubscribe, delivery, tracking);
    }

    public Campaign withDelivery(DeliveryOptions newDelivery) {
        return new Campaign(id, name, account, list, filter, from, replyTo, subject, text, textFile, html, htmlFile, attachments, headers, unsubscribe, newDelivery, tracking);
    }

    public Campaign withTracking(Tracking newTracking) {
        return new Campaign(id, name, account, list, filter, from, replyTo, subject, text, textFile, html, htmlFile, attachments, headers, unsubscribe, delivery, newTracking);
    }

    public Campaign withUnsubscribe(Unsubscribe newUnsubscribe) {
        return new Campaign(id, name, account, list, filter, from, replyTo, subject, text, textFile, html, htmlFile, attachments, headers, newUnsubscribe, delivery, tracking);
    }
}
