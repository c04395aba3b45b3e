package org.broadside.bounces;

import java.util.Locale;

/** What a message in the bounce mailbox is. Auto-replies are recognised so that they can be told apart, then ignored. */
public enum BounceKind {
    HARD_BOUNCE, SOFT_BOUNCE, COMPLAINT, UNSUBSCRIBE, AUTO_REPLY, UNRECOGNISED;

    /** True when the scanner may move or delete the message: everything it understood, nothing else. */
    public boolean recognised() { return this != UNRECOGNISED; }

    /** "hard-bounce", as the CLI prints it. */
    public String label() { return name().toLowerCase(Locale.ROOT).replace('_', '-'); }
}
