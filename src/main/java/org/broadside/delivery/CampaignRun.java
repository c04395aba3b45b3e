package org.broadside.delivery;

import org.broadside.diagnostics.FailureText;
import org.broadside.store.ProcessIdentity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One run of one campaign: passes over the due recipients, each pass feeding a queue that the accounts'
 * connection workers drain. Between passes (only with waitForRetries) it sleeps until the next retry is due.
 */
final class CampaignRun implements Runnable {
    /** Team store: how often at most a run reads the campaign's counts again, for the receipts of the other senders. */
    private static final long RECOUNT_MILLIS = 2000;
    private static final Logger LOG = LoggerFactory.getLogger(CampaignRun.class);
    /** Waits up to this long are waited out even in one-pass mode (a 421 back-off, a group pause). */
    static final long SHORT_WAIT_MILLIS = 60_000;

    final CampaignRepository repository;
    private final SendingRuns sendingRuns;
    /** Team store: other processes may send this campaign too, and recipients are claimed before they are queued. */
    private final boolean shared;
    private final RecipientClaims claims;
    /**
     * How long this run stays live for other processes without a renewal ({@link SendingRuns});
     * {@code -Dbroadside.runLeaseMillis=N} changes it (tests that pull a network cable use a short one).
     */
    private final Duration lease = Duration.ofMillis(Long.getLong("broadside.runLeaseMillis", SendingRuns.DEFAULT_LEASE.toMillis()));
    private volatile long lastRenewal;
    final RunRequest request;
    final List<AccountThrottle> throttles = new ArrayList<>();
    final Rotation rotation;
    final RetrySchedule retries;
    final ErrorBudget budget;
    final AtomicInteger connectionNumbers = new AtomicInteger();
    private final RunHandle handle = new RunHandle(this);
    private volatile boolean stopping;
    private volatile String pauseReason;
    private volatile String waitNote;
    private volatile LiveCounts counts;
    volatile StateWriter writer;
    /**
     * Power-safe: recipients each connection may have reserved ahead (ADR 0018), so at most this many per connection
     * are UNKNOWN after a power cut; 0 in crash-safe runs, which reserve nothing. 32 keeps a 4 ms disk flush hidden
     * behind the messages sent meanwhile; {@code -Dbroadside.durabilityWindow=N} (1-1000) changes it.
     */
    final int durabilityWindow;
    volatile long runId;
    volatile RecipientQueue queue;
    /**
     * Rows the feeder reads per query: the queue takes them in batches anyway, and each query costs a connection and a
     * statement, so a large page keeps the feeder's share small.
     */
    static final int FEED_PAGE = 2000;
    volatile boolean feederDone;
    private volatile boolean progressFailureLogged;
    final AtomicInteger liveWorkers = new AtomicInteger();

    CampaignRun(CampaignRepository repository, RunRequest request) {
        this.repository = repository;
        this.sendingRuns = new SendingRuns(repository.database(), request.clock());
        this.shared = sendingRuns.shared();
        this.claims = new RecipientClaims(repository.database(), request.clock());
        this.request = request;
        for (AccountLane lane : request.accounts()) {
            throttles.add(new AccountThrottle(lane, this::notice, QuotaPermits.of(repository.database(), lane),
                    SharedPace.of(repository.database(), lane)));
        }
        this.rotation = new Rotation(throttles);
        this.retries = new RetrySchedule(request.options());
        this.budget = new ErrorBudget(request.options().errorBudgetWindowOrDefault(), request.options().errorBudgetPercentOrDefault());
        this.durabilityWindow = request.options().powerSafe()
                ? Math.max(1, Math.min(1000, Integer.getInteger("broadside.durabilityWindow", DEFAULT_DURABILITY_WINDOW))) : 0;
    }

    /** See {@link #durabilityWindow}. */
    static final int DEFAULT_DURABILITY_WINDOW = 32;

    RunHandle handle() { return handle; }

    boolean stopping() { return stopping; }

    LiveCounts counts() { return counts; }

    void requestStop(String pause) {
        if (pause != null && pauseReason == null) pauseReason = pause;
        stopping = true;
    }

    void note(String note) { waitNote = note; }

    private void notice(AccountNotice notice) {
        try {
            request.listener().accountNotice(notice);
        } catch (RuntimeException e) {
            // A listener must not throw; if it does, the run goes on.
            LOG.warn("A delivery listener failed on an account notice", e);
        }
    }

    Progress progressNow() {
        LiveCounts c = counts;
        return c == null ? new Progress(Map.of(), 0, 0) : c.snapshot(request.clock().millis());
    }

    @Override
    public void run() {
        // Here, not in DeliveryEngine.start: the GUI starts runs from the FX thread and this loads JMX (~0.2 s, ADR 0007).
        JitPolicy.installOnce();
        long campaignId = request.campaign().id();
        DeliveryListener listener = request.listener();
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "broadside-progress");
            t.setDaemon(true);
            return t;
        });
        RunResult result;
        String failure = null;
        try {
            // Before reading any state: a send of this data directory may have been killed since it was opened.
            repository.database().replayStateJournals();
            try {
                runId = sendingRuns.start(campaignId, request.campaign().name(), ProcessIdentity.self(), lease);
            } catch (CampaignBusyException busy) {
                // Nothing of this campaign is touched: its status and counts are the other run's.
                ticker.shutdownNow();
                LOG.info("Campaign {} not started: {}", campaignId, busy.getMessage());
                Progress now = new Progress(repository.counts(campaignId), 0, 0);
                RunResult refused = RunResult.refused(now, busy.getMessage());
                listener.runEnded(now, refused.status(), refused.reason());
                handle.finish(refused);
                return;
            }
            lastRenewal = request.clock().millis();
            LOG.info("Run {} of campaign {} started with {} account(s)", runId, campaignId, throttles.size());
            repository.setStatus(campaignId, CampaignStatus.RUNNING, null);
            listener.statusChanged(CampaignStatus.RUNNING, null);
            counts = new LiveCounts(repository.counts(campaignId));
            seedQuotas();
            writer = new StateWriter(repository.database(), request.options().powerSafe());
            listener.runStarted(runId, progressNow());
            ticker.scheduleAtFixedRate(() -> safeProgress(listener), 500, 500, TimeUnit.MILLISECONDS);
            // Others' receipts move the campaign's counts too; this process only sees its own transitions.
            if (shared) scheduleRecount(ticker, RECOUNT_MILLIS);
            long renewEvery = Math.max(100, lease.toMillis() / 3);
            ticker.scheduleAtFixedRate(this::renewLease, renewEvery, renewEvery, TimeUnit.MILLISECONDS);
            int pass = 0;
            while (!stopping) {
                pass++;
                runPass(request.resendUnknown() && pass == 1);
                writer.flush();
                if (stopping) break;
                if (throttles.stream().allMatch(AccountThrottle::down)) {
                    requestStop(downReasons());
                    break;
                }
                if (!request.waitForRetries()) break;
                Long earliest = repository.earliestRetry(campaignId);
                if (earliest == null) break;
                sleepUntil(earliest);
            }
            writer.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failure = "the run was interrupted";
        } catch (RuntimeException | Error e) {
            LOG.error("Campaign {} stopped", campaignId, e);
            failure = FailureText.of(e);
            stopping = true;
        } finally {
            ticker.shutdownNow();
            // The workers are done: permits still held go back, so other processes need not wait for them to expire.
            for (AccountThrottle t : throttles) t.giveBackPermits();
        }
        Map<RecipientState, Long> finalCounts;
        try {
            finalCounts = repository.counts(campaignId);
        } catch (RuntimeException e) {
            // The store is gone (a team store's network, say): the run must still end and say why, never hang its
            // caller; this process's own counts are the best it knows.
            LOG.error("The final counts of campaign {} could not be read", campaignId, e);
            if (failure == null) failure = FailureText.of(e);
            finalCounts = progressNow().counts();
        }
        Progress finalProgress = new Progress(finalCounts, 0, finalCounts.values().stream().mapToLong(Long::longValue).sum());
        CampaignStatus status;
        String reason;
        if (failure != null) {
            status = CampaignStatus.PAUSED;
            reason = failure;
        } else if (pauseReason != null) {
            status = CampaignStatus.PAUSED;
            reason = pauseReason;
        } else if (stopping) {
            status = CampaignStatus.STOPPED;
            reason = "stopped by the user";
        } else if (finalProgress.remaining() == 0) {
            status = CampaignStatus.FINISHED;
            reason = finalProgress.count(RecipientState.UNKNOWN) > 0
                    ? finalProgress.count(RecipientState.UNKNOWN) + " recipients are UNKNOWN: the server may have accepted them; re-send only if you accept possible duplicates"
                    : null;
        } else {
            status = CampaignStatus.READY;
            reason = waitNote != null ? waitNote
                    : finalProgress.count(RecipientState.DEFERRED) > 0 ? "deferred recipients wait for their retry time" : null;
        }
        try {
            String outcome = status.name() + (reason == null ? "" : ": " + reason);
            if (shared && runId > 0) {
                // The last run of the campaign to end says how it ended; while others send it, it is still sending.
                if (sendingRuns.endAndCheckOthers(campaignId, runId, outcome)) {
                    status = CampaignStatus.RUNNING;
                    reason = RunResult.OTHERS_GO_ON;
                } else {
                    repository.setStatus(campaignId, status, reason);
                }
            } else {
                repository.setStatus(campaignId, status, reason);
                if (runId > 0) repository.endRun(runId, outcome);
            }
        } catch (RuntimeException e) {
            LOG.error("The final status of campaign {} could not be recorded", campaignId, e);
            reason = (reason == null ? "" : reason + "; ") + "the final status could not be recorded: " + FailureText.of(e);
        }
        LOG.info("Run {} of campaign {} ended {}{}: {}", runId, campaignId, status, reason == null ? "" : " (" + reason + ")",
                finalProgress.counts());
        listener.statusChanged(status, reason);
        listener.runEnded(finalProgress, status, reason);
        result = new RunResult(runId, finalProgress, status, reason);
        handle.finish(result);
    }

    /**
     * Keeps this run live for other processes (see {@link SendingRuns}) and stops it when a window elsewhere asked to.
     * A run that cannot renew for two thirds of its lease pauses before the lease runs out: past it, another process
     * may start the campaign, and both would send the recipients still PENDING.
     */
    private void renewLease() {
        long now = request.clock().millis();
        try {
            if (sendingRuns.renew(runId, lease)) {
                if (!stopping) LOG.info("Run {} stops: a stop was requested from another window or process", runId);
                requestStop(null);
            }
            lastRenewal = now;
        } catch (RuntimeException e) {
            if (now - lastRenewal > lease.toMillis() * 2 / 3) {
                LOG.warn("Run {} could not renew its lease since {} ms", runId, now - lastRenewal, e);
                requestStop("the store could not be reached to keep this run live (" + FailureText.of(e) + ")");
            }
        }
    }

    private void safeProgress(DeliveryListener listener) {
        try {
            listener.progress(progressNow());
        } catch (RuntimeException e) {
            // A listener must not throw; if it does, the run goes on.
            // Once: progress ticks twice a second, and one stack trace tells the story.
            if (!progressFailureLogged) LOG.warn("A delivery listener failed on progress", e);
            progressFailureLogged = true;
        }
    }

    private void seedQuotas() {
        long now = request.clock().millis();
        for (AccountThrottle t : throttles) {
            AccountLane lane = t.lane();
            if (lane.maxPerHour() == 0 && lane.maxPerDay() == 0) continue;
            long sinceDay = repository.sentSince(lane.name(), now - 24 * 3600_000L);
            long sinceHour = repository.sentSince(lane.name(), now - 3600_000L);
            // Older messages of the day count at the start of the day window, the last hour's now: conservative for both limits.
            t.seed(now - 23 * 3600_000L, (int) (sinceDay - sinceHour));
            t.seed(now, (int) sinceHour);
        }
    }

    /** Why no account can send, in plain words: each account's cause and advice, and that resuming starts afresh. */
    private String downReasons() {
        StringBuilder sb = new StringBuilder(throttles.size() == 1 ? "" : "No account can send.");
        for (AccountThrottle t : throttles) {
            if (t.downReason() == null) continue;
            if (sb.length() > 0) sb.append(' ');
            sb.append(t.downReason());
        }
        return sb.append(" The recipients wait; resuming tries again at once.").toString();
    }

    private void runPass(boolean includeUnknown) throws InterruptedException {
        int totalConnections = request.accounts().stream().mapToInt(AccountLane::connections).sum();
        // A team-store run keeps a short queue: what it holds is claimed, and a process joining later (or a slowly
        // paced account) should find the rest free rather than waiting in another process's queue.
        queue = new RecipientQueue(shared ? totalConnections * 8 + 16 : totalConnections * 4 + 256);
        feederDone = false;
        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < throttles.size(); i++) {
            if (throttles.get(i).down()) continue;
            for (int c = 0; c < throttles.get(i).lane().connections(); c++) {
                ConnectionWorker w = new ConnectionWorker(this, i);
                Thread t = new Thread(w, "broadside-" + throttles.get(i).lane().name() + "-" + (c + 1));
                t.setDaemon(true);
                liveWorkers.incrementAndGet();
                workers.add(t);
                t.start();
            }
        }
        try {
            if (shared) feedClaimed(includeUnknown); else feed(includeUnknown);
        } finally {
            feederDone = true;
            for (Thread t : workers) t.join();
            // What this run claimed and did not send (handed back, deferred) goes back to everyone, itself included.
            if (shared && runId > 0) claims.release(runId, request.campaign().id());
        }
    }

    /**
     * The feeder of a team-store run: claims the due recipients it queues (see {@link RecipientClaims}), a queue's
     * worth at a time so that the others always find work. Having found nothing to claim, it goes on looking while
     * other live runs still hold due recipients: if one of them dies, the rows it claimed but never started come back.
     */
    private void feedClaimed(boolean includeUnknown) throws InterruptedException {
        long campaignId = request.campaign().id();
        long lastId = repository.lastRecipientId(campaignId);
        int batch = Math.max(16, queue.room() / 2);
        long afterId = 0;
        while (!stopping && liveWorkers.get() > 0) {
            List<RecipientRow> rows = claims.claim(runId, campaignId, afterId, lastId, includeUnknown, batch);
            if (rows.isEmpty()) {
                if (afterId > 0) {
                    // Rows before afterId may have come free since this run passed them (a run that died).
                    afterId = 0;
                    continue;
                }
                sendingRuns.closeGone(campaignId);
                if (!claims.othersHoldDue(runId, campaignId)) return;
                // Nothing free from the start on: wait for the others' queues to drain, or a dead run's lease to run out.
                Thread.sleep(500);
                continue;
            }
            // Stopping with claimed rows in hand: the pass's release gives them back.
            if (!enqueue(rows)) return;
            afterId = rows.get(rows.size() - 1).id();
        }
    }

    private void scheduleRecount(ScheduledExecutorService ticker, long delayMillis) {
        try {
            ticker.schedule(() -> recount(ticker), delayMillis, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // The run has ended.
        }
    }

    /**
     * Team store: the campaign's counts as the store has them, with every process's receipts. A count reads every
     * recipient of the campaign (a fifth of a second of the server's CPU at a million, for each sender), so the next
     * one waits at least ten times as long as this one took: at most a tenth of the time goes to counting.
     */
    private void recount(ScheduledExecutorService ticker) {
        long started = System.nanoTime();
        try {
            LiveCounts c = counts;
            if (c != null) c.rebase(repository.counts(request.campaign().id()));
        } catch (RuntimeException e) {
            LOG.debug("Counts of the campaign could not be read again", e);
        } finally {
            long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            scheduleRecount(ticker, Math.max(RECOUNT_MILLIS, 10 * tookMillis));
        }
    }

    private void feed(boolean includeUnknown) throws InterruptedException {
        long afterId = 0;
        long campaignId = request.campaign().id();
        long lastId = repository.lastRecipientId(campaignId);
        while (!stopping) {
            List<RecipientRow> rows = repository.due(campaignId, afterId, lastId, request.clock().millis(), includeUnknown, FEED_PAGE);
            if (rows.isEmpty() || !enqueue(rows)) return;
            afterId = rows.get(rows.size() - 1).id();
        }
    }

    /**
     * Queues the rows (in id order) for the workers; false when the run stops or no worker is left first. Refills in
     * batches once the workers have drained half the queue: one wake-up per batch, not per row.
     */
    private boolean enqueue(List<RecipientRow> rows) throws InterruptedException {
        int next = 0;
        while (next < rows.size()) {
            while (!queue.awaitRoom(100, TimeUnit.MILLISECONDS)) {
                if (stopping || liveWorkers.get() == 0) return false;
            }
            for (int room = queue.room(); room > 0 && next < rows.size(); room--, next++) queue.addLast(rows.get(next));
        }
        return true;
    }

    private void sleepUntil(long at) throws InterruptedException {
        while (!stopping) {
            long left = at - request.clock().millis();
            if (left <= 0) return;
            Thread.sleep(Math.min(left, 250));
        }
    }
}
