package org.broadside.unsubscribe;

import java.time.Instant;

/**
 * One event the server recorded (a row of {@code server_events}).
 *
 * @param id       the server's row id: the order in which a desktop pulls
 * @param uid      random, names the event on every store
 * @param source   "one-click", "unsubscribe page", "pixel" or "link"
 * @param refersTo for an undo, the uid of the unsubscribe it takes back
 * @param link     for a click, the number of the link in the recipient's message
 * @param url      for a click, the link's URL
 */
public record ServerEvent(long id, String uid, ServerEventKind kind, String source, String campaignUid, String email,
                          String refersTo, Integer link, String url, Instant at) {}
