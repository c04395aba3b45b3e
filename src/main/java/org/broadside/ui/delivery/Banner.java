package org.broadside.ui.delivery;

import java.util.List;

/**
 * A message across the top of the Delivery panel: what is wrong (or why Send did not start), in plain words, with
 * the ways forward as buttons. The view picks colour and buttons from the severity and actions, never from the text.
 */
public record Banner(String text, Severity severity, List<Action> actions) {
    public Banner {
        actions = List.copyOf(actions);
    }

    /** How the banner is coloured. */
    public enum Severity { INFO, WARNING, ERROR }

    /** A way forward the banner offers; the view shows each as a button that calls the view model. */
    public enum Action {
        SEND_ANYWAY("Send anyway"),
        RESEND_UNKNOWN("Re-send deferred/unknown"),
        RESUME("Resume"),
        NEW_CAMPAIGN("Make this a new campaign");

        private final String label;

        Action(String label) { this.label = label; }

        /** The button's words. */
        public String label() { return label; }
    }

    static Banner info(String text, Action... actions) { return new Banner(text, Severity.INFO, List.of(actions)); }

    static Banner warning(String text, Action... actions) { return new Banner(text, Severity.WARNING, List.of(actions)); }

    static Banner error(String text, Action... actions) { return new Banner(text, Severity.ERROR, List.of(actions)); }
}
