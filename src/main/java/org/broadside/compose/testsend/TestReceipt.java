package org.broadside.compose.testsend;

/**
 * One test message's result, as the dialog and the command line show it.
 *
 * @param mergedAs    the list recipient whose data was merged
 * @param testAddress where the test went
 * @param subject     the subject it carried (empty when it could not be built)
 * @param code        the server's reply code, 0 when there was none
 * @param reply       the reply text (with its enhanced code), or what happened instead
 */
public record TestReceipt(String mergedAs, String testAddress, String subject, TestOutcome outcome, int code, String reply) {
    /** "250 2.0.0 Ok: queued as 4F2A" for a reply, else what happened ("connection error: ..."). */
    public String receipt() {
        return code > 0 ? code + " " + reply : reply;
    }

    /** One line for the command line: who, as whom, and the receipt. */
    public String line() {
        return (outcome.failed() ? "FAILED " : "sent   ") + testAddress + " (as " + mergedAs + ") \"" + subject + "\": " + receipt();
    }
}
