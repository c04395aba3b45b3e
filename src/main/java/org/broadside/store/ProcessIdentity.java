package org.broadside.store;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.util.Optional;

/**
 * A process that holds something in the store (a run it sends, a scheduled campaign it claimed): its host name, process
 * id and start time, so another process can name it ("process 4242 on host-a") and, on the same host, tell whether it
 * still runs. A process id alone is not enough: the system reuses them, the start time tells a new process from the old.
 */
public record ProcessIdentity(String host, long pid, long startMillis) {
    private static final String HOST = lookUpHostName();

    /** This very process. */
    public static ProcessIdentity self() {
        ProcessHandle me = ProcessHandle.current();
        return new ProcessIdentity(HOST, me.pid(), startMillis(me));
    }

    /** This machine's name as the other machines of a team store will read it. */
    public static String thisHost() { return HOST; }

    public boolean onThisHost() { return HOST.equals(host); }

    /**
     * Whether the process still runs. For a process on another host this cannot be known from here, so it says yes:
     * the caller then relies on the lease the process renews.
     */
    public boolean isAlive() {
        if (!onThisHost()) return true;
        Optional<ProcessHandle> p = ProcessHandle.of(pid);
        return p.isPresent() && p.get().isAlive() && startMillis(p.get()) == startMillis;
    }

    /** "process 1234" on this host, "process 1234 on host-a" on another. */
    public String describe() {
        return "process " + pid + (onThisHost() ? "" : " on " + host);
    }

    private static long startMillis(ProcessHandle p) {
        // Where the system does not say when a process started, 0 on both sides still compares equal.
        return p.info().startInstant().map(Instant::toEpochMilli).orElse(0L);
    }

    private static String lookUpHostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
