package org.broadside.delivery;

/** How a run ended: the counts from the store, the campaign's status and, when it did not finish, why. */
public record RunResult(long runId, Progress progress, CampaignStatus status, String reason) {
    /** A run that did not start because another process is sending the campaign ({@link CampaignBusyException}). */
    static RunResult refused(Progress progress, String reason) {
        return new RunResult(0, progress, CampaignStatus.RUNNING, reason);
    }

    /** True when this run did not start because another process is sending the campaign; nothing was sent. */
    public boolean refused() { return runId == 0 && status == CampaignStatus.RUNNING; }

    /** True when every recipient is SENT, FAILED or SKIPPED. */
    public boolean complete() {
        return progress.remaining() == 0 && progress.count(RecipientState.UNKNOWN) == 0;
    }
}
