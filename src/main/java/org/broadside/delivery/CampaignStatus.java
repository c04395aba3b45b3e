package org.broadside.delivery;

/** The life of a campaign in the store. */
public enum CampaignStatus {
    /** Frozen but not started, or between runs. */
    READY,
    RUNNING,
    /** Paused by the user, or by the engine itself (error budget), with a reason. */
    PAUSED,
    /** Stopped by the user; resumable. */
    STOPPED,
    /** No recipient is PENDING, SENDING or DEFERRED (UNKNOWN ones wait for the user). */
    FINISHED
}
