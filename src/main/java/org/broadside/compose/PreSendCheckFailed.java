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

    /** The refusal for these errors, worded for the command line (the window words each finding by its code). */
    public static PreSendCheckFailed of(List<CheckLine> errors) {
        boolean overridable = overridable(errors);
        return new PreSendCheckFailed("The pre-send check found " + errors.size() + " error" + (errors.size() == 1 ? "" : "s")
                + " (run 'broadside check' for all findings" + (overridable ? "; override to send anyway" : "") + "): "
                + errors.stream().map(CheckLine::toString).collect(java.util.stream.Collectors.joining("; ")), errors);
    }

    /** The errors found, in the order the check reported them. */
    public List<CheckLine> errors() { return errors; }

    /** Whether sending anyway can get past every error found (see {@link CheckCode#overridable()}). */
    public boolean overridable() { return overridable(errors); }

    private static boolean overridable(List<CheckLine> errors) {
        return errors.stream().allMatch(l -> l.code() == null || l.code().overridable());
    }
}
