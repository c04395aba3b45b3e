package org.broadside.report;

/**
 * One reply code of the campaign's receipts: the basic and enhanced code, how many recipients got it, the reply
 * explained in plain words ({@link org.broadside.log.ReplyExplainer}) and one reply text as the server wrote it.
 */
public record ReplyCodeRow(int code, String enhancedCode, long count, String meaning, String advice, String example) {
    /** "550 5.1.1", or "250" without an enhanced code. */
    public String label() {
        return enhancedCode == null || enhancedCode.isBlank() ? Integer.toString(code) : code + " " + enhancedCode;
    }
}
