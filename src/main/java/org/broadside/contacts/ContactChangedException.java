package org.broadside.contacts;

import org.broadside.store.StoreException;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * A contact's save refused because somebody else changed the contact after the person saving it had opened it
 * (another window, another computer on a team store): nothing was saved, and the message says what it holds now.
 */
public final class ContactChangedException extends StoreException {
    private final Contact now;

    ContactChangedException(Contact opened, Contact now, long changedAtMillis) {
        super("Somebody else changed " + opened.email().strip() + " (in another window or on another computer) at "
                + DateTimeFormatter.ofPattern("HH:mm:ss").format(Instant.ofEpochMilli(changedAtMillis).atZone(ZoneId.systemDefault()))
                + ", after you opened it" + (opened.email().strip().equals(now.email().strip()) ? "" : "; it is now " + now.email())
                + ". Your changes were not saved: the list shows their version; edit it again.");
        this.now = now;
    }

    /** The contact as it is stored now. */
    public Contact now() { return now; }
}
