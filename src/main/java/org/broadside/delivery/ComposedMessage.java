package org.broadside.delivery;

/** A recipient's message, or the reason it must be SKIPPED (e.g. a merge field with a line break in a header). */
public record ComposedMessage(OutgoingMessage message, String skipReason) {
    public static ComposedMessage skip(String reason) { return new ComposedMessage(null, reason); }
}
