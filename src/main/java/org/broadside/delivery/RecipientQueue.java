package org.broadside.delivery;

import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The due recipients between the feeder and the connection workers. Unlike a blocking deque, which wakes the feeder
 * for every slot a worker frees (a thread switch per message), the feeder sleeps until the queue has drained to half
 * its capacity and then refills it in one go. Recipients given back by a worker go to the front and may exceed the
 * capacity: a worker must never block on putting one back.
 */
final class RecipientQueue {
    private final ArrayDeque<RecipientRow> rows = new ArrayDeque<>();
    private final int capacity;
    private final int lowWater;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notEmpty = lock.newCondition();
    private final Condition drained = lock.newCondition();

    RecipientQueue(int capacity) {
        if (capacity < 2) throw new IllegalArgumentException("capacity must be at least 2");
        this.capacity = capacity;
        this.lowWater = capacity / 2;
    }

    /** Waits up to {@code timeout} for the queue to drain to half its capacity; false if it did not. */
    boolean awaitRoom(long timeout, TimeUnit unit) throws InterruptedException {
        long nanos = unit.toNanos(timeout);
        lock.lock();
        try {
            while (rows.size() > lowWater) {
                if (nanos <= 0) return false;
                nanos = drained.awaitNanos(nanos);
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Free slots now (the feeder's batch size after {@link #awaitRoom}). */
    int room() {
        lock.lock();
        try {
            return Math.max(0, capacity - rows.size());
        } finally {
            lock.unlock();
        }
    }

    /** Adds at the back without waiting (the feeder calls it after {@link #awaitRoom}). */
    void addLast(RecipientRow row) {
        lock.lock();
        try {
            rows.addLast(row);
            notEmpty.signal();
        } finally {
            lock.unlock();
        }
    }

    /** Puts a recipient back at the front (a worker could not send it); never blocks. */
    void offerFirst(RecipientRow row) {
        lock.lock();
        try {
            rows.addFirst(row);
            notEmpty.signal();
        } finally {
            lock.unlock();
        }
    }

    /** The next recipient, or null at once when there is none. */
    RecipientRow pollFirst() {
        lock.lock();
        try {
            return take();
        } finally {
            lock.unlock();
        }
    }

    /** The next recipient, waiting up to {@code timeout}; null if none came. */
    RecipientRow pollFirst(long timeout, TimeUnit unit) throws InterruptedException {
        long nanos = unit.toNanos(timeout);
        lock.lock();
        try {
            while (rows.isEmpty()) {
                if (nanos <= 0) return null;
                nanos = notEmpty.awaitNanos(nanos);
            }
            return take();
        } finally {
            lock.unlock();
        }
    }

    boolean isEmpty() {
        lock.lock();
        try {
            return rows.isEmpty();
        } finally {
            lock.unlock();
        }
    }

    private RecipientRow take() {
        RecipientRow row = rows.pollFirst();
        if (row != null && rows.size() == lowWater) drained.signal();
        return row;
    }
}
