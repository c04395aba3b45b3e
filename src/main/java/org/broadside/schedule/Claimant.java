package org.broadside.schedule;

import org.broadside.store.ProcessIdentity;

/**
 * The process that holds a schedule's claim: what it is (the desktop app, the command line), its process id, its
 * host, and when the process started. The start time tells a live claimant from a new process that got the same id.
 */
public record Claimant(Kind kind, long pid, String host, long processStartMillis) {
    /** Which part of Broadside holds the claim, for the sentence that names it. */
    public enum Kind {
        APP("the desktop app"), COMMAND_LINE("broadside schedule run");

        private final String words;

        Kind(String words) { this.words = words; }

        public String words() { return words; }
    }

    /** This very process. */
    public static Claimant self(Kind kind) {
        ProcessIdentity me = ProcessIdentity.self();
        return new Claimant(kind, me.pid(), me.host(), me.startMillis());
    }

    private ProcessIdentity process() { return new ProcessIdentity(host, pid, processStartMillis); }

    /** Whether the claimant still runs; for a claimant on another host this cannot be known, so it says yes. */
    public boolean isAlive() { return process().isAlive(); }

    /** "the desktop app (process 1234)". */
    public String describe() { return kind.words() + " (" + process().describe() + ")"; }

    String encode() { return kind.name() + "|" + pid + "|" + processStartMillis + "|" + host; }

    static Claimant decode(String s) {
        String[] p = s.split("\\|", 4);
        return new Claimant(Kind.valueOf(p[0]), Long.parseLong(p[1]), p[3], Long.parseLong(p[2]));
    }
}
