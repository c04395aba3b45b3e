package org.broadside.ui.delivery;

import org.broadside.campaign.CampaignDocument;
import org.broadside.delivery.CampaignRecord;
import org.broadside.delivery.CampaignRepository;
import org.broadside.delivery.RecipientState;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** What a start of the campaign would do, for the windows that start it later (the Schedule dialog). Reads the store. */
public final class SendPlans {
    private SendPlans() {}

    /**
     * Why a start would send nothing (the campaign was sent and every recipient is done), or null when it would send:
     * a first send, or recipients still PENDING or DEFERRED. UNKNOWN ones are not sent again by a start.
     */
    public static String nothingDueSentence(CampaignRepository campaigns, CampaignDocument doc) {
        Optional<CampaignRecord> record = campaigns.find(doc.uid());
        if (record.isEmpty() || !record.get().frozen()) return null;
        // Send's own rule for what is due (a scheduled start is a Send without "Re-send deferred/unknown").
        if (!(new SendPlanner(campaigns).afterFirstSend(record.get(), doc.campaign().list(), false) instanceof SendPlan.NothingDue none)) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        for (RecipientState s : List.of(RecipientState.SENT, RecipientState.FAILED, RecipientState.SKIPPED, RecipientState.UNKNOWN)) {
            long n = none.count(s);
            if (n > 0) parts.add(String.format("%s %,d", s.name(), n));
        }
        long total = none.total();
        return String.format("At that time it would send nothing: all %,d recipients of this campaign are done (%s). To send "
                + "this message to the list again, press Send and then \"Make this a new campaign\", save, and schedule that.",
                total, String.join(", ", parts));
    }
}
