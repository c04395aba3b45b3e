package org.broadside.delivery;

/**
 * A frozen recipient as stored: its address, its field snapshot (JSON) and its delivery state so far.
 *
 * @param seq position in the frozen list, stable for the life of the campaign (part of its Message-ID)
 */
public record RecipientRow(long id, long seq, String email, String fieldsJson, RecipientState state, int attempts,
                           Long firstAttemptAt, int code, String enhancedCode, String reply, String queueId,
                           String account, String messageId, long updatedAt, String reason) {}
