package org.broadside.delivery.smtp;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** One daemon thread for all connections that aborts writes blocked longer than allowed (see {@link WatchedOutputStream}). */
final class WriteWatchdog {
    private static final Set<WatchedOutputStream> WATCHED = ConcurrentHashMap.newKeySet();
    private static volatile boolean started;

    private WriteWatchdog() {
    }

    static void watch(WatchedOutputStream s) {
        WATCHED.add(s);
        if (!started) {
            start();
        }
    }

    static void unwatch(WatchedOutputStream s) {
        if (s != null) {
            WATCHED.remove(s);
        }
    }

    private static synchronized void start() {
        if (started) {
            return;
        }
        Thread t = new Thread(WriteWatchdog::run, "broadside-smtp-write-watchdog");
        t.setDaemon(true);
        t.start();
        started = true;
    }

    private static void run() {
        while (true) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                return;
            }
            long now = System.nanoTime();
            for (WatchedOutputStream s : WATCHED) {
                s.check(now);
            }
        }
    }
}
