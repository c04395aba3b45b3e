package org.broadside.delivery;

import java.time.Instant;

/**
 * What became of one delivery attempt for one recipient.
 *
 * @param code          the SMTP reply code, 0 when there was no reply (connection lost, skipped)
 * @param enhancedCode  e.g. "5.1.1", or null
 * @param reply         the server's reply text, or Broadside's reason when there was no reply
 * @param queueId       the server's queue id from a 250 reply, or null
 */
public record Receipt(long recipientId, String email, RecipientState state, int code, String enhancedCode, String reply,
                      String queueId, int attempts, String account, int connection, Instant at) {}
