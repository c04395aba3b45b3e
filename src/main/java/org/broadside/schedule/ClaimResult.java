package org.broadside.schedule;

/** The answer to a claim: this process may run the campaign now, or why not. */
public sealed interface ClaimResult {
    /** The claim is ours; {@code before} is the schedule as it was when claimed. */
    record Claimed(Schedule before) implements ClaimResult {}

    /** Someone else holds it, or it is not waiting; {@code why} finishes "Not started: ...". */
    record Refused(Claimant holder, String why) implements ClaimResult {}
}
