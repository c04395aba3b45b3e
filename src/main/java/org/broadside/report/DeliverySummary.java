package org.broadside.report;

import org.broadside.bounces.BounceCounts;
import org.broadside.delivery.CampaignStatus;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The delivery report of one campaign at one moment: totals per state, when the receipts came and how fast, and the
 * breakdowns per account, per recipient domain and per reply code. Computed by {@link DeliverySummaryRepository}.
 *
 * @param firstReceipt null until a server has answered for a recipient (likewise lastReceipt)
 * @param runs         how many times the campaign was started or resumed
 * @param senders      the processes that recorded the recipients' states, most recipients first
 */
public record DeliverySummary(String campaignName, CampaignStatus status, String statusReason, int runs, Instant computedAt,
                              StateCounts totals, Instant firstReceipt, Instant lastReceipt,
                              List<AccountRow> accounts, List<DomainRow> domains, List<ReplyCodeRow> replyCodes,
                              Timeline timeline, BounceCounts bounces, List<SenderRow> senders) {
    public DeliverySummary {
        accounts = List.copyOf(accounts);
        domains = List.copyOf(domains);
        replyCodes = List.copyOf(replyCodes);
        senders = List.copyOf(senders);
    }

    /**
     * True when more than one process sent the campaign: only then do the summaries name them (one sender is the usual
     * case and the per-recipient report and the Delivery panel name it anyway).
     */
    public boolean severalSenders() { return senders.size() > 1; }

    /** From the first receipt to the last; zero before the second receipt. */
    public Duration duration() {
        return firstReceipt == null ? Duration.ZERO : Duration.between(firstReceipt, lastReceipt);
    }

    /**
     * Receipts per minute between the first and the last receipt, or null when that span is under a second (one
     * receipt, or a handful in the same instant): a rate over nothing would be a made-up number.
     */
    public Double ratePerMinute() {
        Duration d = duration();
        if (d.toMillis() < 1000) return null;
        return totals.attempted() * 60_000.0 / d.toMillis();
    }

    /** True when no server has answered for any recipient yet (never sent, or only just started). */
    public boolean noReceipts() { return totals.attempted() == 0; }
}
