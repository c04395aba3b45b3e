package org.broadside.ui.delivery;

import org.broadside.compose.CheckLine;
import org.broadside.compose.PreSendCheckFailed;
import org.broadside.delivery.RecipientState;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Why Send did not start, in plain words with the way forward: the banners of a refused Send. */
final class SendAnswers {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy 'at' HH:mm", Locale.ENGLISH)
            .withZone(ZoneId.systemDefault());
    private static final int LISTED_ERRORS = 8;

    private SendAnswers() {}

    /**
     * Nobody is left to send to. Explains that the recipients were fixed at the first send, which is what a user who
     * chose another list since then needs to hear: CampaignSender keeps the frozen recipients for good (so a resumed
     * send never doubles or loses anyone) and never looks at the list again.
     */
    static Banner nothingDue(SendPlan.NothingDue plan, boolean canStartOver) {
        List<String> parts = new ArrayList<>();
        for (RecipientState s : List.of(RecipientState.SENT, RecipientState.FAILED, RecipientState.SKIPPED, RecipientState.UNKNOWN)) {
            long n = plan.count(s);
            if (n > 0) parts.add(String.format("%s (%,d)", s.name(), n));
        }
        StringBuilder sb = new StringBuilder(String.format("Nothing is due: all %,d recipients of this campaign are %s.",
                plan.total(), parts.isEmpty() ? "done" : joinOr(parts)));
        long unknown = plan.count(RecipientState.UNKNOWN);
        if (unknown > 0) {
            sb.append(String.format(" %,d %s UNKNOWN: the server may have accepted them; \"Re-send deferred/unknown\" sends to them"
                    + " again and may duplicate.", unknown, unknown == 1 ? "is" : "are"));
        }
        sb.append(" Its recipients were taken from the list at its first send, on ").append(WHEN.format(plan.frozenAt()))
                .append(", and stay fixed: a list or filter chosen on the Recipients tab since then is not used");
        if (plan.listNow() != null && !plan.listNow().isBlank()) sb.append(" (it now names \"").append(plan.listNow()).append("\")");
        sb.append('.');
        if (canStartOver) {
            sb.append(" To send this message to the list it names now, press \"Make this a new campaign\"; the results above stay in the store.");
        }
        List<Banner.Action> actions = new ArrayList<>();
        if (unknown > 0) actions.add(Banner.Action.RESEND_UNKNOWN);
        if (canStartOver) actions.add(Banner.Action.NEW_CAMPAIGN);
        return Banner.info(sb.toString(), actions.toArray(Banner.Action[]::new));
    }

    /**
     * The pre-send check refused the first send: every error (the first few), and Send anyway unless an error is one
     * the send cannot get past (no list, no account).
     */
    static Banner blocked(PreSendCheckFailed e) {
        List<CheckLine> errors = e.errors();
        boolean anyway = e.overridable();
        StringBuilder sb = new StringBuilder(String.format("Not sent: the pre-send check found %d error%s. Fix %s on the Message, "
                        + "Recipients or Settings tab%s.", errors.size(), errors.size() == 1 ? "" : "s",
                errors.size() == 1 ? "it" : "them", anyway ? ", or press \"Send anyway\" if you are sure" : ""));
        for (int i = 0; i < errors.size() && i < LISTED_ERRORS; i++) {
            CheckLine l = errors.get(i);
            sb.append("\n• ").append(l.line() > 0 ? l.part() + " line " + l.line() + ": " : l.part() + ": ").append(org.broadside.ui.common.CheckWords.of(l));
        }
        if (errors.size() > LISTED_ERRORS) sb.append(String.format("%n… and %d more.", errors.size() - LISTED_ERRORS));
        return anyway ? Banner.error(sb.toString(), Banner.Action.SEND_ANYWAY) : Banner.error(sb.toString());
    }

    /** Any other reason the send could not start (no list, no account, a template error...). */
    static Banner cannotStart(String sentence) {
        return Banner.error("Not sent: " + sentence);
    }

    private static String joinOr(List<String> parts) {
        if (parts.size() == 1) return parts.get(0);
        return String.join(", ", parts.subList(0, parts.size() - 1)) + " or " + parts.get(parts.size() - 1);
    }
}
