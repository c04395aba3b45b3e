package org.broadside.compose;

/**
 * What a pre-send finding is about, as a stable identifier: the window words each finding by its code (naming the
 * control to use) while the command line prints the check's own text. Never derived from a message's wording.
 */
public enum CheckCode {
    FROM_MISSING, FROM_INVALID, REPLY_TO_INVALID,
    BODY_UNREADABLE, NO_BODY, SUBJECT_EMPTY,
    /** Size, images, text part, links, postal address: the message checks, whose own words name no setting. */
    MESSAGE_CONTENT,
    UNSUBSCRIBE_NONE_CHOSEN, UNSUBSCRIBE_MISSING, UNSUBSCRIBE_LINK_MISSING, UNSUBSCRIBE_NOT_HTTPS,
    /** The Broadside server named for unsubscribes: not a usable URL, or not https. */
    UNSUBSCRIBE_SERVER_INVALID, UNSUBSCRIBE_SERVER_NOT_HTTPS,
    /** Opens or clicks counted without a Broadside server to count them. */
    TRACKING_WITHOUT_SERVER,
    ATTACHMENT_TOO_BIG, ATTACHMENT_UNREADABLE,
    ACCOUNT_MISSING, ACCOUNT_UNKNOWN,
    LIST_MISSING, LIST_UNKNOWN, FILTER_INVALID,
    /** The filter reads a field the list does not have: empty for every contact, so it likely leaves out everyone. */
    FILTER_UNKNOWN_FIELD,
    /** The merge preflight: syntax, unknown fields, recipients lacking data; its words speak of the message. */
    MERGE,
    DOMAIN_SPF, DOMAIN_DKIM, DOMAIN_DMARC, DOMAIN_MX, DOMAIN_REVERSE_DNS,
    /** The domain check could not run as such (no account yet, the EHLO name has no address). */
    DOMAIN_SETUP,
    /** A finding from elsewhere (tests, older callers). */
    OTHER;

    /**
     * Whether "Send anyway" can send past this error. Not without a list, an account or a filter that reads: the send
     * itself stops there, so offering it would only trade one refusal for another.
     */
    public boolean overridable() {
        return switch (this) {
            case LIST_MISSING, LIST_UNKNOWN, FILTER_INVALID, ACCOUNT_MISSING, ACCOUNT_UNKNOWN -> false;
            default -> true;
        };
    }
}
