package org.broadside.ui.delivery;

import org.broadside.campaign.Campaign;
import org.broadside.campaign.CampaignDocument;
import org.broadside.compose.ComposeException;
import org.broadside.contacts.BlacklistRepository;
import org.broadside.contacts.ContactList;
import org.broadside.contacts.ContactRepository;
import org.broadside.delivery.CampaignRecord;
import org.broadside.delivery.CampaignRepository;
import org.broadside.delivery.RecipientState;
import org.broadside.ui.recipients.AudienceCount;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Finds out what Send would do before anything starts: a first send (and to how many), a resume, or nothing at all.
 * Reads the store only; runs in the background.
 */
final class SendPlanner {
    private final CampaignRepository campaigns;

    SendPlanner(CampaignRepository campaigns) {
        this.campaigns = campaigns;
    }

    SendPlan plan(CampaignDocument doc, boolean resendUnknown) {
        Campaign c = doc.campaign();
        Optional<CampaignRecord> record = campaigns.find(doc.uid());
        if (record.isEmpty() || !record.get().frozen()) {
            return new SendPlan.FirstSend(audience(c), c.list(), c.filter(), c.account());
        }
        return afterFirstSend(record.get(), c.list(), resendUnknown);
    }

    /** What a start does to a campaign sent before: resume its due recipients, or nothing when none is due. */
    SendPlan afterFirstSend(CampaignRecord record, String listNow, boolean resendUnknown) {
        Map<RecipientState, Long> counts = campaigns.counts(record.id());
        long due = counts.getOrDefault(RecipientState.PENDING, 0L) + counts.getOrDefault(RecipientState.DEFERRED, 0L)
                + counts.getOrDefault(RecipientState.SENDING, 0L) + (resendUnknown ? counts.getOrDefault(RecipientState.UNKNOWN, 0L) : 0L);
        if (due > 0) return new SendPlan.Resume(due);
        return new SendPlan.NothingDue(counts, Instant.ofEpochMilli(record.frozenAt()), listNow);
    }

    /** How many the first send would reach, or -1 when that cannot be said (no such list, a filter error): Send then explains. */
    private long audience(Campaign c) {
        if (c.list() == null || c.list().isBlank()) return -1;
        ContactRepository contacts = new ContactRepository(campaigns.database());
        Optional<ContactList> list = contacts.findList(c.list());
        if (list.isEmpty()) return -1;
        try {
            return AudienceCount.count(contacts, new BlacklistRepository(campaigns.database()), list.get(), c.filter()).willReceive();
        } catch (ComposeException e) {
            return -1;
        }
    }
}
