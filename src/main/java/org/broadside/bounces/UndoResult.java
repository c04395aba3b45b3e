package org.broadside.bounces;

/** What undoing an event did. */
public enum UndoResult {
    /** The event is undone; its blacklist entry and contact flag, if any, are gone. */
    UNDONE,
    /** It had been undone before: nothing changed. */
    ALREADY_UNDONE,
    /** No event has that id. */
    NOT_FOUND
}
