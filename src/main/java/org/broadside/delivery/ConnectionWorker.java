package org.broadside.delivery;

import org.broadside.diagnostics.FailureText;
import org.broadside.store.StateJournal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * One connection slot of one account: takes due recipients from the run's queue, keeps a session open
 * across messages, and records each outcome. "End of data sent" is made durable by the hook before the
 * final "." is written, so a kill at any moment leaves at most this slot's current recipient UNKNOWN.
 *
 * <p>Power-safe runs keep a window of recipients taken ahead and reserved in the journal (ADR 0018): their
 * reservations reach the disk while earlier messages are sent, so a "." rarely waits for a flush. The window is
 * bounded so that a power cut leaves at most {@link #window} recipients of this slot UNKNOWN: reserved recipients
 * without an outcome plus outcomes not yet on the disk never exceed it.
 */
final class ConnectionWorker implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectionWorker.class);
    private final CampaignRun run;
    private final int laneIndex;
    private final AccountThrottle throttle;
    private final AccountLane lane;
    private MessengerSession session;
    private ConnectionId connectionId;
    private int sentOnSession;
    private volatile long currentRecipient;
    private StringBuilder logBlock = new StringBuilder(1024);
    private long blockAt;
    private long blockRecipient;
    private int blockConnection;
    /** The next recipient, taken and composed while the current message was in flight (pipelining), or null. */
    private Prepared ahead;
    /** Client lines written ahead for the next recipient, kept apart so each transaction's lines stay together. */
    private StringBuilder aheadBlock = new StringBuilder(1024);
    private long aheadAt;
    private boolean writingAhead;
    /** Power-safe: how many recipients may be reserved or have an outcome not yet on the disk; 0 for crash-safe. */
    private final int window;
    /** Recipients taken from the queue and reserved, not yet prepared, in queue order. */
    private final java.util.ArrayDeque<Reserved> reservedAhead = new java.util.ArrayDeque<>();
    /** Journal positions of outcomes (or cancellations) of reserved recipients that may not be on the disk yet. */
    private final java.util.ArrayDeque<Long> unflushed = new java.util.ArrayDeque<>();
    /** CHUNKING: messages written on the session whose receipts were not read yet, oldest first (ADR 0021). */
    private final java.util.ArrayDeque<Sending> inFlight = new java.util.ArrayDeque<>();
    /** Reserved recipients without an outcome yet (in reservedAhead, ahead or in flight). */
    private int openReservations;
    /** The next outcome's journal record rides with the next recipient's mark ({@link StateWriter#submitHeld}). */
    private boolean holdOutcome;
    /** Reserved recipients whose outcome is kept back in this thread's journal hold, not yet written. */
    private int settleHeld;

    /** A recipient taken from the queue with its slot reserved and its message built; reservation null when none. */
    private record Prepared(RecipientRow row, ComposedMessage composed, long takenAt, StateJournal.Kept reservation) {}

    /** A recipient taken from the queue with its reservation in the journal (or kept back for the next write). */
    private record Reserved(RecipientRow row, long takenAt, StateJournal.Kept reservation) {}

    ConnectionWorker(CampaignRun run, int laneIndex) {
        this.run = run;
        this.laneIndex = laneIndex;
        this.throttle = run.throttles.get(laneIndex);
        this.lane = throttle.lane();
        this.window = run.durabilityWindow;
    }

    @Override
    public void run() {
        try {
            loop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | Error e) {
            // The store failed (or a bug): stop the whole run rather than send without recording.
            LOG.error("Delivery stopped on {}", Thread.currentThread().getName(), e);
            run.requestStop("delivery stopped: " + FailureText.of(e));
        } finally {
            try {
                run.writer.writeHeld();
                closeSession("run ended");
                giveBack();
                giveBackReserved();
                flushLog();
            } catch (RuntimeException e) {
                // The store failed (the run already stops for it): what was not recorded stays in the journal.
                LOG.debug("Closing {} after a store failure", Thread.currentThread().getName(), e);
            } finally {
                run.liveWorkers.decrementAndGet();
            }
        }
    }

    private boolean noMoreWork() {
        return run.feederDone && run.queue.isEmpty();
    }

    private void loop() throws InterruptedException {
        while (!run.stopping() && !throttle.down()) {
            if (ahead != null) {
                Prepared next = ahead;
                ahead = null;
                process(next);
                continue;
            }
            // No mark follows at once: a receipt kept back for it goes to the journal now.
            run.writer.writeHeld();
            if (!reservedAhead.isEmpty()) {
                Reserved r = reservedAhead.pollFirst();
                process(prepare(r.row(), r.takenAt(), r.reservation()));
                continue;
            }
            if (!mayReserve()) {
                // Receipts in flight settle reservations; only then is waiting for the disk any use.
                if (!inFlight.isEmpty()) {
                    drainWindow();
                    continue;
                }
                // Nothing open on this connection but outcomes not yet on the disk fill the window: the next flush.
                run.writer.awaitReserved(unflushed.peekLast());
                continue;
            }
            long now = run.request.clock().millis();
            if (!run.rotation.mayTake(laneIndex, now)) {
                drainWindow();
                if (noMoreWork()) return;
                Thread.sleep(2);
                continue;
            }
            long wait = throttle.reserve(now);
            if (wait > 0) {
                drainWindow();
                if (noMoreWork()) return;
                if (!run.request.waitForRetries() && wait > CampaignRun.SHORT_WAIT_MILLIS) {
                    run.note("account " + lane.name() + ": " + throttle.waitReason() + "; run again later to continue");
                    return;
                }
                if (wait > 10_000) closeSession("idle while " + throttle.waitReason());
                Thread.sleep(Math.min(wait, 250));
                continue;
            }
            // With messages in flight, an empty queue means: read their receipts now rather than wait with them out.
            // Once the feeder is done nothing more comes: waiting for a row would only hold up the run's end by 100 ms.
            RecipientRow row = inFlight.isEmpty() && !run.feederDone ? run.queue.pollFirst(100, TimeUnit.MILLISECONDS) : run.queue.pollFirst();
            if (row == null) {
                throttle.release(now);
                drainWindow();
                if (noMoreWork()) return;
                continue;
            }
            run.rotation.took(laneIndex);
            process(prepare(row, now, reserve(row, now)));
        }
    }

    /**
     * Power-safe: records in the journal that this recipient may be sent soon (null: crash-safe, no reservation). The
     * record rides with this thread's next journal write, the next mark as a rule: one write call per message instead
     * of two; its "." waits for it on the disk either way.
     */
    private StateJournal.Kept reserve(RecipientRow row, long now) {
        if (window == 0) return null;
        openReservations++;
        long first = row.firstAttemptAt() == null ? now : row.firstAttemptAt();
        return run.writer.reserveLater(new StateUpdate(row.id(), RecipientState.UNKNOWN, 0, null,
                "reserved for sending when the power failed: the server may have accepted the message", null, row.attempts() + 1,
                null, first, lane.name(), null, run.runId, connectionId == null ? 0 : connectionId.number(), null, now));
    }

    /**
     * Keeps the window full: takes and reserves recipients (without waiting, as far as the pace allows now) until
     * reserved ones plus outcomes not yet on the disk reach the window.
     */
    private void topUp() {
        if (window == 0) return;
        while (mayReserve() && !run.stopping()) {
            long now = run.request.clock().millis();
            RecipientRow row = takeNow(now);
            if (row == null) return;
            reservedAhead.addLast(new Reserved(row, now, reserve(row, now)));
        }
    }

    /** True when one more reservation stays within the window (always in crash-safe runs, which reserve nothing). */
    private boolean mayReserve() {
        if (window == 0) return true;
        if (settleHeld > 0 && !run.writer.holding()) {
            // Written with a later record since: on the disk once the journal is, up to where it is now.
            long at = run.writer.lastJournalPosition();
            for (; settleHeld > 0; settleHeld--) unflushed.addLast(at);
        }
        long onDisk = run.writer.reservedPosition();
        while (!unflushed.isEmpty() && unflushed.peekFirst() <= onDisk) unflushed.pollFirst();
        return openReservations + unflushed.size() + settleHeld < window;
    }

    /** The next due recipient with its pace slot reserved, or null if that would mean waiting. */
    private RecipientRow takeNow(long now) {
        if (!run.rotation.mayTake(laneIndex, now) || run.queue.isEmpty()) return null;
        if (throttle.reserve(now) > 0) return null;
        RecipientRow row = run.queue.pollFirst();
        if (row == null) {
            throttle.release(now);
            return null;
        }
        run.rotation.took(laneIndex);
        return row;
    }

    /** A reserved recipient got its outcome (or went back): what a power cut could still show is its journal entry. */
    private void settled(Prepared p, long position) {
        if (p.reservation() == null) return;
        openReservations--;
        // A receipt kept back has no position yet: it counts against the window until it is written.
        if (run.writer.holding()) settleHeld++; else unflushed.addLast(position);
    }

    /** Puts the recipients reserved ahead back in front of the queue, in order, and withdraws their reservations. */
    private void giveBackReserved() {
        while (!reservedAhead.isEmpty()) {
            Reserved r = reservedAhead.pollLast();
            throttle.release(run.request.clock().millis());
            openReservations--;
            unflushed.addLast(run.writer.cancelReservation(r.row().id()));
            run.queue.offerFirst(r.row());
        }
    }

    private Prepared prepare(RecipientRow row, long now, StateJournal.Kept reservation) {
        run.counts().move(row.state(), RecipientState.SENDING);
        ComposedMessage composed;
        try {
            composed = run.request.composer().compose(row);
        } catch (RuntimeException e) {
            if (FailureText.isInternal(e)) LOG.error("The message for recipient {} could not be built", row.id(), e);
            composed = ComposedMessage.skip("the message could not be built: " + FailureText.of(e));
        }
        return new Prepared(row, composed, now, reservation);
    }

    /**
     * Takes and builds the next recipient without waiting, when this session will carry another message and the
     * account's pace allows one now, so its envelope can go out behind the current message's ".". Anything that
     * would make the worker wait (an empty queue, a pause, a quota) simply means no pipelining this time.
     */
    private Prepared takeAhead() {
        int limit = lane.messagesPerConnection();
        if (run.stopping() || (limit > 0 && sentOnSession + 1 >= limit)) return null;
        long now = run.request.clock().millis();
        if (!reservedAhead.isEmpty()) {
            Reserved r = reservedAhead.pollFirst();
            return prepare(r.row(), r.takenAt(), r.reservation());
        }
        if (!mayReserve()) return null;
        RecipientRow row = takeNow(now);
        return row == null ? null : prepare(row, now, reserve(row, now));
    }

    /** Puts a recipient taken ahead back in front of the queue, untouched (its state was never written). */
    private void giveBack() {
        Prepared p = ahead;
        ahead = null;
        if (p == null) return;
        throttle.release(run.request.clock().millis());
        run.counts().move(RecipientState.SENDING, p.row().state());
        if (p.reservation() != null) settled(p, run.writer.cancelReservation(p.row().id()));
        run.queue.offerFirst(p.row());
    }

    private void process(Prepared prepared) throws InterruptedException {
        RecipientRow row = prepared.row();
        ComposedMessage composed = prepared.composed();
        DeliveryListener listener = run.request.listener();
        long now = run.request.clock().millis();
        if (composed.skipReason() != null) {
            throttle.release(prepared.takenAt());
            record(row, RecipientState.SKIPPED, 0, null, null, null, row.attempts(), null, row.firstAttemptAt(), null, composed.skipReason(), now);
            settled(prepared, run.writer.lastJournalPosition());
            return;
        }
        if (!ensureSession(row)) {
            if (prepared.reservation() != null) settled(prepared, run.writer.cancelReservation(row.id()));
            return;
        }
        OutgoingMessage message = composed.message();
        int attempts = row.attempts() + 1;
        long first = row.firstAttemptAt() == null ? now : row.firstAttemptAt();
        currentRecipient = row.id();
        listener.sending(row.id(), row.email(), connectionId);
        // The UNKNOWN mark is submitted now and only awaited just before the final ".". Power-safe: its synced commit
        // overlaps with writing the envelope and the body. Crash-safe: the journal has it when submit returns.
        // Submitted after this connection's previous outcome, it is never durable before that outcome is.
        long mark = run.writer.submit(new StateUpdate(row.id(), RecipientState.UNKNOWN, 0, null,
                SendingRuns.IN_FLIGHT_REPLY, null, attempts, null,
                first, lane.name(), message.messageId(), run.runId, connectionId.number(), null, run.request.clock().millis()));
        StateJournal.Kept reservation = prepared.reservation();
        MessengerSession.EndOfDataHook hook = () -> {
            run.writer.awaitDurable(mark);
            // Power-safe: the reservation on the disk is what a power cut keeps of "this may be sent" (ADR 0018).
            if (reservation != null) run.writer.awaitReserved(reservation);
        };
        Sending sending = new Sending(prepared, message, attempts, first);
        if (session.window() > 0) {
            submitToWindow(sending, hook);
            return;
        }
        ahead = takeAhead();
        topUp();
        OutgoingMessage nextMessage = ahead != null && ahead.composed().skipReason() == null ? ahead.composed().message() : null;
        Attempt attempt = session.send(message, hook, nextMessage);
        currentRecipient = 0;
        sentOnSession++;
        // The next recipient's envelope is on the wire and its mark comes next: this receipt's journal record rides
        // with it, one write for both (a kill in between leaves this recipient UNKNOWN, the next one untouched).
        holdOutcome = ahead != null && !attempt.connectionLost() && session.usable();
        finish(sending, attempt);
        holdOutcome = false;
        if (attempt.connectionLost() || !session.usable()) {
            closeSession(attempt.serverClosing() ? "server closed it (421)" : "connection lost");
            // The next recipient's envelope died with the connection; it waits its turn again (after any back-off).
            giveBack();
        }
        if (ahead != null) adoptAheadLog(ahead.row().id());
    }

    /** A message handed to the session, with what its outcome needs to be recorded. */
    private record Sending(Prepared prepared, OutgoingMessage message, int attempts, long first) {}

    /**
     * CHUNKING (ADR 0021): the message goes out without waiting for the receipts of those before it; receipts are read
     * only when the window is full, and all of them before this worker waits for anything (see {@link #drainWindow}).
     * A kill leaves at most the window UNKNOWN: each message's mark is durable before its data goes out.
     */
    private void submitToWindow(Sending sending, MessengerSession.EndOfDataHook hook) throws InterruptedException {
        topUp();
        Attempt known = session.submit(sending.message(), hook);
        currentRecipient = 0;
        sentOnSession++;
        if (known != null) {
            finish(sending, known);
            if (known.connectionLost() || !session.usable()) closeSession(known.serverClosing() ? "server closed it (421)" : "connection lost");
            return;
        }
        inFlight.addLast(sending);
        // A receipt may end the session (connection lost): its window is then settled and gone.
        while (session != null && inFlight.size() >= session.window()) receiveOne();
    }

    /** Reads the receipt of the oldest message in flight and records it; a lost connection settles the rest too. */
    private void receiveOne() throws InterruptedException {
        Sending sending = inFlight.pollFirst();
        currentRecipient = sending.prepared().row().id();
        Attempt attempt = session.nextReceipt();
        currentRecipient = 0;
        finish(sending, attempt);
        if (attempt.connectionLost() || !session.usable()) {
            // The ones behind it get their outcome from the session too: UNKNOWN, or DEFERRED after a 421.
            while (!inFlight.isEmpty()) {
                Sending next = inFlight.pollFirst();
                currentRecipient = next.prepared().row().id();
                Attempt a = session.nextReceipt();
                currentRecipient = 0;
                finish(next, a);
            }
            closeSession(attempt.serverClosing() ? "server closed it (421)" : "connection lost");
        }
    }

    /** Reads every receipt still outstanding: before this worker waits, closes its connection or ends. */
    private void drainWindow() throws InterruptedException {
        while (!inFlight.isEmpty() && session != null) receiveOne();
    }

    /** Records one message's outcome and lets the pace, the retry schedule and the error budget know. */
    private void finish(Sending sending, Attempt attempt) {
        RecipientRow row = sending.prepared().row();
        int attempts = sending.attempts();
        long first = sending.first();
        long done = run.request.clock().millis();
        RecipientState state = attempt.outcome();
        Long next = null;
        String reply = attempt.reply();
        boolean counted = attempt.code() > 0;
        switch (state) {
            case SENT -> throttle.success();
            case DEFERRED -> {
                if (attempt.code() >= 400) throttle.temporaryRefusal(done);
                next = run.retries.nextAttempt(attempts, first, done);
                if (next == null) {
                    state = RecipientState.FAILED;
                    reply = "gave up after " + attempts + " attempt" + (attempts == 1 ? "" : "s") + "; last reply: " + reply;
                }
            }
            default -> { }
        }
        if (attempt.serverClosing()) throttle.serverClosing(done, attempt.code() + " " + attempt.reply());
        record(row, state, attempt.code(), attempt.enhancedCode(), reply, attempt.queueId(), attempts, next, first,
                sending.message().messageId(), null, done);
        settled(sending.prepared(), run.writer.lastJournalPosition());
        if (counted && run.budget.record(state != RecipientState.SENT)) run.requestStop("paused: " + run.budget.describe());
    }

    private void record(RecipientRow row, RecipientState state, int code, String enhanced, String reply, String queueId, int attempts,
                        Long next, Long first, String messageId, String reason, long at) {
        int connection = connectionId == null ? 0 : connectionId.number();
        StateUpdate update = new StateUpdate(row.id(), state, code, enhanced, reply, queueId, attempts, next, first,
                state == RecipientState.SKIPPED ? null : lane.name(), messageId, run.runId, connection, reason, at);
        if (holdOutcome) run.writer.submitHeld(update); else run.writer.submit(update);
        run.counts().move(RecipientState.SENDING, state);
        if (state != RecipientState.SKIPPED) run.counts().transactionDone();
        run.request.listener().receipt(new Receipt(row.id(), row.email(), state, code, enhanced, reason != null ? reason : reply, queueId,
                attempts, lane.name(), connection, Instant.ofEpochMilli(at)));
    }

    /** Opens a session when needed; on failure puts the recipient back and backs off (or takes the account down). */
    private boolean ensureSession(RecipientRow row) throws InterruptedException {
        int limit = lane.messagesPerConnection();
        if (session != null && (!session.usable() || (limit > 0 && sentOnSession >= limit))) {
            closeSession(session.usable() ? "message limit per connection reached" : "connection no longer usable");
        }
        if (session != null) return true;
        ConnectionId id = new ConnectionId(run.connectionNumbers.incrementAndGet(), lane.name());
        // The session's own last INFO line: a connection that fails says why there ("could not connect to ...: Connection
        // refused"), and the failure line below then does not say it a second time.
        String[] lastInfo = {null};
        try {
            connectionId = id;
            log(id, LineDirection.INFO, AccountLine.of(lane.name()));
            session = lane.messenger().open(id, new Messenger.SessionLog() {
                @Override
                public void line(LineDirection direction, String text) {
                    if (direction == LineDirection.INFO) lastInfo[0] = text;
                    log(id, direction, text);
                }

                @Override
                public void nextMessageAhead() {
                    writingAhead = true;
                }
            });
            sentOnSession = 0;
            throttle.connected(run.request.clock().millis());
            LOG.debug("Connection {} opened: {}", id, session.greeting());
            run.request.listener().connectionOpened(id, session.greeting());
            return true;
        } catch (SessionException e) {
            long now = run.request.clock().millis();
            LOG.info("Connection {} failed: {}", id, e.getMessage());
            log(id, LineDirection.INFO, e.getMessage() != null && e.getMessage().equals(lastInfo[0])
                    ? ConnectFailureLine.of(e.failure()) : ConnectFailureLine.of(e.failure(), e.getMessage()));
            flushLog();
            run.request.listener().connectionClosed(id, e.getMessage());
            throttle.release(now);
            run.queue.offerFirst(row);
            run.counts().move(RecipientState.SENDING, row.state());
            throttle.connectFailed(now, e);
            session = null;
            return false;
        }
    }

    private void log(ConnectionId id, LineDirection direction, String text) {
        run.request.listener().line(id, direction, text);
        if (writingAhead && direction == LineDirection.CLIENT) {
            long now = System.currentTimeMillis();
            if (aheadBlock.length() == 0) aheadAt = now;
            LogBlocks.append(aheadBlock, direction, now - aheadAt, text);
            return;
        }
        long recipient = currentRecipient;
        if (logBlock.length() > 0 && (recipient != blockRecipient || id.number() != blockConnection)) flushLog();
        long now = System.currentTimeMillis();
        if (logBlock.length() == 0) {
            blockAt = now;
            blockRecipient = recipient;
            blockConnection = id.number();
        }
        LogBlocks.append(logBlock, direction, now - blockAt, text);
    }

    /**
     * Stores the buffered lines as one row. A transaction's ~9 protocol lines cost one insert instead of nine, which
     * is most of what the connection log adds to a message's cost; readers see the lines one by one again.
     */
    private void flushLog() {
        flushBlock();
        if (aheadBlock.length() > 0) {
            // Commands written ahead on a connection that then ended: they were sent, so they stay in the log.
            run.writer.submit(new LogBlocks.Block(run.runId, blockConnection, aheadAt, ahead == null ? 0 : ahead.row().id(), aheadBlock.toString()));
            aheadBlock.setLength(0);
        }
        writingAhead = false;
    }

    private void flushBlock() {
        if (logBlock.length() == 0) return;
        run.writer.submit(new LogBlocks.Block(run.runId, blockConnection, blockAt, blockRecipient, logBlock.toString()));
        logBlock.setLength(0);
    }

    /**
     * After a message's receipt: its lines are complete, and the client lines written ahead for the next recipient
     * open that recipient's block, which its replies and body lines then continue.
     */
    private void adoptAheadLog(long nextRecipient) {
        flushBlock();
        writingAhead = false;
        if (aheadBlock.length() == 0) return;
        // The two buffers trade places: the lines written ahead become the open block, the emptied one waits.
        StringBuilder emptied = logBlock;
        logBlock = aheadBlock;
        aheadBlock = emptied;
        blockAt = aheadAt;
        blockRecipient = nextRecipient;
        blockConnection = connectionId.number();
    }

    private void closeSession(String why) {
        if (session == null) return;
        if (!inFlight.isEmpty()) {
            try {
                drainWindow();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                // The store failed: what is still in flight stays UNKNOWN, as its durable mark says.
                LOG.warn("Receipts of {} message(s) in flight on {} were not recorded", inFlight.size(), connectionId, e);
            }
            inFlight.clear();
            if (session == null) return;
        }
        MessengerSession s = session;
        session = null;
        try {
            s.close();
        } finally {
            flushLog();
            LOG.debug("Connection {} closed: {}", connectionId, why);
            run.request.listener().connectionClosed(connectionId, why);
        }
    }
}
