package org.broadside.delivery;

/**
 * Runs campaigns: freezes nothing itself (see CampaignFreezer), but sends every due recipient of a frozen
 * campaign over its accounts' connections and records each receipt. One engine serves the GUI and the CLI.
 */
public final class DeliveryEngine {
    private final CampaignRepository repository;

    public DeliveryEngine(CampaignRepository repository) {
        this.repository = repository;
    }

    /** Starts a run in the background; the handle pauses, stops and waits for it. */
    public RunHandle start(RunRequest request) {
        if (!request.campaign().frozen()) throw new IllegalStateException("freeze the campaign's recipients before running it");
        CampaignRun run = new CampaignRun(repository, request);
        Thread t = new Thread(run, "broadside-run-" + request.campaign().id());
        t.setDaemon(false);
        t.start();
        return run.handle();
    }

    /** Runs to the end on background threads and returns the result. */
    public RunResult run(RunRequest request) throws InterruptedException {
        return start(request).await();
    }
}
