package org.broadside.delivery;

/**
 * What one transaction came to, as the engine needs it.
 *
 * @param outcome        SENT, DEFERRED, FAILED or UNKNOWN
 * @param reply          the server's reply text, or a sentence saying what happened when there was none
 * @param serverClosing  the server said 421: back off this account
 * @param connectionLost the connection is unusable after this attempt
 */
public record Attempt(RecipientState outcome, int code, String enhancedCode, String reply, String queueId,
                      boolean serverClosing, boolean connectionLost) {

    public static Attempt lostBeforeEndOfData(String why) {
        return new Attempt(RecipientState.DEFERRED, 0, null, "connection lost before end of data was sent: " + why, null, false, true);
    }

    public static Attempt lostAfterEndOfData(String why) {
        return new Attempt(RecipientState.UNKNOWN, 0, null,
                "connection lost after end of data was sent, before the server's reply (it may have accepted the message): " + why, null, false, true);
    }
}
