package org.broadside.delivery.smtp;

import java.util.List;

/**
 * What happened to one message. {@code failedAt} is null when the server accepted it for at least one
 * recipient; "accepted" means the server took it, not that it reached an inbox.
 */
public record TransactionResult(Reply mailReply, List<RecipientReply> rcptReplies, Reply dataReply,
                                Reply endOfDataReply, Stage failedAt) {
    public TransactionResult {
        rcptReplies = List.copyOf(rcptReplies);
    }

    /** True when the final "." was answered with 2xx. */
    public boolean accepted() {
        return failedAt == null && endOfDataReply != null && endOfDataReply.positive();
    }

    /** The reply that decided the outcome (the receipt, or the first rejection). */
    public Reply decisiveReply() {
        if (endOfDataReply != null) {
            return endOfDataReply;
        }
        if (failedAt == Stage.MAIL) {
            return mailReply;
        }
        if (failedAt == Stage.RCPT && !rcptReplies.isEmpty()) {
            return rcptReplies.get(rcptReplies.size() - 1).reply();
        }
        return dataReply != null ? dataReply : mailReply;
    }
}
