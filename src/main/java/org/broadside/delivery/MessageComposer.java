package org.broadside.delivery;

/** Turns a frozen recipient into its personalised message, just in time. Must be thread-safe. */
@FunctionalInterface
public interface MessageComposer {
    ComposedMessage compose(RecipientRow recipient);
}
