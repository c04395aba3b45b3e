package org.broadside.delivery.direct;

import org.broadside.delivery.Attempt;
import org.broadside.delivery.RecipientState;
import org.broadside.delivery.smtp.Reply;
import org.broadside.delivery.smtp.SmtpException;
import org.broadside.delivery.smtp.TransactionResult;

/**
 * Maps SMTP outcomes to {@link Attempt}s. A broken connection to one destination never reports
 * {@code connectionLost}: the direct session stays usable for every other destination.
 */
final class DirectAttempts {
    private DirectAttempts() {
    }

    static Attempt of(TransactionResult result) {
        Reply r = result.decisiveReply();
        RecipientState state = result.accepted() ? RecipientState.SENT
                : r != null && r.transientFailure() ? RecipientState.DEFERRED : RecipientState.FAILED;
        if (r == null) {
            return new Attempt(RecipientState.DEFERRED, 0, null, "the server gave no reply", null, false, false);
        }
        String queueId = state == RecipientState.SENT ? r.queueId() : null;
        return new Attempt(state, r.code(), r.enhancedCode(), r.text(), queueId, false, false);
    }

    static Attempt of(SmtpException e, String where) {
        Reply r = e.reply();
        String text = where + ": " + e.getMessage();
        if (e.endOfDataSent()) {
            Attempt lost = Attempt.lostAfterEndOfData(text);
            return new Attempt(lost.outcome(), 0, null, lost.reply(), null, false, false);
        }
        return new Attempt(RecipientState.DEFERRED, r == null ? 0 : r.code(), r == null ? null : r.enhancedCode(), text,
                null, false, false);
    }

    static Attempt deferred(String why) {
        return new Attempt(RecipientState.DEFERRED, 0, null, why, null, false, false);
    }

    static Attempt failed(String why) {
        return new Attempt(RecipientState.FAILED, 0, null, why, null, false, false);
    }

    /** Temporary refusals that concern the sender or the destination as a whole, not one mailbox (4.2.2 full, 4.1.x). */
    static boolean backsOffDestination(Attempt a) {
        if (a.outcome() != RecipientState.DEFERRED || a.code() < 400 || a.code() >= 500) {
            return false;
        }
        String e = a.enhancedCode();
        return e == null || !(e.startsWith("4.1.") || e.startsWith("4.2."));
    }
}
