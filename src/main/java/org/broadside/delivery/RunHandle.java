package org.broadside.delivery;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Controls a running campaign. Stop and pause let in-flight transactions finish; nothing is cut mid-message. */
public final class RunHandle {
    private final CampaignRun run;
    private final CountDownLatch done = new CountDownLatch(1);
    private volatile RunResult result;

    RunHandle(CampaignRun run) {
        this.run = run;
    }

    public void stop() { run.requestStop(null); }

    public void pause(String reason) { run.requestStop(reason == null ? "paused by the user" : reason); }

    public Progress progress() { return run.progressNow(); }

    public boolean isDone() { return done.getCount() == 0; }

    public RunResult await() throws InterruptedException {
        done.await();
        return result;
    }

    public RunResult await(long timeout, TimeUnit unit) throws InterruptedException {
        return done.await(timeout, unit) ? result : null;
    }

    void finish(RunResult r) {
        result = r;
        done.countDown();
    }
}
