package org.broadside.delivery;

/** How a run ended: the counts from the store, the campaign's status and, when it did not finish, why. */
public record RunResult(long runId, Progress progress, CampaignStatus status, String reason) {
    /** True when every recipient is SENT, FAILED or SKIPPED. */
    public boolean complete() {
        return progress.remaining() == 0 && progress.count(RecipientState.UNKNOWN) == 0;
    }
}
