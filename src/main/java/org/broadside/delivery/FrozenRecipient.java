package org.broadside.delivery;

/**
 * A recipient as it enters the frozen list: to be sent (skipReason null) or SKIPPED with the reason.
 */
public record FrozenRecipient(String email, String fieldsJson, String skipReason) {}
