package org.broadside.bounces;

import java.time.Instant;

/**
 * An unsubscribe, or the undo of one, that a person or their mail client sent to the Broadside server.
 *
 * @param eventUid  the server's name for the event; the bounce event is recorded under message key "server:" + it
 * @param refersTo  for an undo, the uid of the unsubscribe it takes back; else null
 * @param source    "one-click" (RFC 8058 POST) or "unsubscribe page" (the landing page's button), shown as the event's mailbox
 */
public record WebUnsubscribe(String eventUid, boolean undo, String refersTo, String source, String campaignUid, String email, Instant at) {
    /** The message key of the bounce event an unsubscribe with this uid records. */
    public static String messageKey(String eventUid) { return "server:" + eventUid; }
}
