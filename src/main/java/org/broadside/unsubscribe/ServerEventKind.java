package org.broadside.unsubscribe;

/** What the server recorded. */
public enum ServerEventKind {
    /** A one-click POST or the landing page's button. */
    UNSUBSCRIBE,
    /** The landing page's undo: takes back the unsubscribe it refers to. */
    UNDO,
    /** The open pixel was loaded. */
    OPEN,
    /** A tracked link was followed. */
    CLICK
}
