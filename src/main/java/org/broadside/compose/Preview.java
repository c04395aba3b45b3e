package org.broadside.compose;

/**
 * One recipient's merged message for display: the parts as text and the raw message as it goes on the wire.
 * When the recipient would be SKIPPED, skipReason says why and the rest may be null.
 */
public record Preview(String subject, String text, String html, byte[] raw, String messageId, String skipReason) {}
