package org.broadside.compose;

import java.util.List;

/**
 * Send refused before a campaign's first send because the pre-send check found errors. Carries the findings, so a
 * caller decides by type (and may offer "Send anyway"), never by the wording of the message.
 */
public final class PreSendCheckFailed extends ComposeException {
    private final transient List<CheckLine> errors;

    public PreSendCheckFailed(String message, List<CheckLine> errors) {
        super(message);
        this.errors = List.copyOf(errors);
    }

    /** The errors found, in the order the check reported them. */
    public List<CheckLine> errors() { return errors; }
}
