package org.broadside.report;

import java.util.function.ToLongFunction;

/** The outcomes a report's charts stack, with the words and colour both the window and the HTML summary use. */
public enum Outcome {
    SENT("Accepted", "#2e7d32", StateCounts::sent),
    DEFERRED("Deferred (retried later)", "#f0a500", StateCounts::deferred),
    FAILED("Failed", "#c62828", StateCounts::failed),
    UNKNOWN("Unknown", "#7b1fa2", StateCounts::unknown),
    PENDING("Pending", "#9e9e9e", StateCounts::pending),
    SKIPPED("Skipped", "#546e7a", StateCounts::skipped);

    private final String words;
    private final String colour;
    private final ToLongFunction<StateCounts> count;

    Outcome(String words, String colour, ToLongFunction<StateCounts> count) {
        this.words = words;
        this.colour = colour;
        this.count = count;
    }

    public String words() { return words; }

    /** "#2e7d32" */
    public String colour() { return colour; }

    public long of(StateCounts counts) { return count.applyAsLong(counts); }

    /** The outcomes of a receipt (what the timeline stacks). */
    public static final Outcome[] ANSWERED = {SENT, DEFERRED, FAILED, UNKNOWN};

    /** How many of this outcome one step of the timeline holds (only the answered outcomes have any). */
    public long of(TimelinePoint p) {
        return switch (this) {
            case SENT -> p.sent();
            case DEFERRED -> p.deferred();
            case FAILED -> p.failed();
            case UNKNOWN -> p.unknown();
            default -> 0;
        };
    }
}
