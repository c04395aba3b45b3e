package org.broadside.delivery;

/** How a run ended: the counts from the store, the campaign's status and, when it did not finish, why. */
public record RunResult(long runId, Progress progress, CampaignStatus status, String reason) {
    /** A run that did not start because another process is sending the campaign ({@link CampaignBusyException}). */
    static RunResult refused(Progress progress, String reason) {
        return new RunResult(0, progress, CampaignStatus.RUNNING, reason);
    }

    /**
     * The reason of a team-store run that ended with nothing left for it while other processes still send the campaign
     * (its status stays RUNNING: the last of them records how the campaign ended).
     */
    public static final String OTHERS_GO_ON = "other processes go on sending it";

    /** True when this run sent its share of a team campaign and other processes still send the rest. */
    public boolean othersGoOn() { return runId > 0 && status == CampaignStatus.RUNNING; }

    /** True when this run did not start because another process is sending the campaign; nothing was sent. */
    public boolean refused() { return runId == 0 && status == CampaignStatus.RUNNING; }

    /** True when every recipient is SENT, FAILED or SKIPPED. */
    public boolean complete() {
        return progress.remaining() == 0 && progress.count(RecipientState.UNKNOWN) == 0;
    }
}
