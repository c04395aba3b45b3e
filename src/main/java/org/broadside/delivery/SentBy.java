package org.broadside.delivery;

import org.broadside.store.ProcessIdentity;

/**
 * The process that recorded a recipient's state: the host and pid of the run in {@code recipients.run_id}. Several
 * processes on several machines may send one campaign (issue 15), so the report and the Delivery panel name it.
 * Unlike {@code ProcessIdentity.describe()} it always names the host: the words are read on other machines and in
 * exported files, where "this host" means nothing.
 */
public record SentBy(String host, Long pid) {
    /** The sender of a run's columns, or null when the run recorded neither (runs from before the columns existed). */
    public static SentBy of(String host, Long pid) {
        return host == null && pid == null ? null : new SentBy(host, pid);
    }

    /** A process as its runs record it (SendingRuns writes the identity's host and pid). */
    public static SentBy of(ProcessIdentity process) {
        return new SentBy(process.host(), process.pid());
    }

    /** "office-pc (process 4242)"; "process 4242" or "office-pc" when the run recorded only one of them. */
    public String label() {
        if (host == null) return "process " + pid;
        return pid == null ? host : host + " (process " + pid + ")";
    }

    /**
     * "laptop-anne (pid 99121)" for a narrow table column: the host without its domain (the part people name their
     * machines by; an address stays whole) and the process id. {@link #label()} is the whole of it.
     */
    public String shortLabel() {
        String h = host;
        int dot = h == null ? -1 : h.indexOf('.');
        if (dot > 0 && h.indexOf(':') < 0 && !h.chars().allMatch(c -> c == '.' || Character.isDigit(c))) h = h.substring(0, dot);
        if (h == null) return "pid " + pid;
        return pid == null ? h : h + " (pid " + pid + ")";
    }

    /** The label of a possibly absent sender: empty for a recipient no run has recorded. */
    public static String label(SentBy sentBy) {
        return sentBy == null ? "" : sentBy.label();
    }
}
