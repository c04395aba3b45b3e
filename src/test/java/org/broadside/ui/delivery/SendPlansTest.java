package org.broadside.ui.delivery;

import org.broadside.delivery.RecipientState;
import org.broadside.testing.TempDirs;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SendPlansTest {
    @Test
    void aCampaignNeverSentOrWithRecipientsLeftWouldSend() {
        StoredCampaign stored = new StoredCampaign(TempDirs.create("plans"), "fresh");
        assertThat(SendPlans.nothingDueSentence(stored.campaigns, stored.doc)).isNull();
        stored.freeze(3);
        stored.set(1, RecipientState.SENT, null);
        stored.set(2, RecipientState.DEFERRED, System.currentTimeMillis() + 60_000);
        stored.set(3, RecipientState.FAILED, null);
        assertThat(SendPlans.nothingDueSentence(stored.campaigns, stored.doc)).isNull();
    }

    @Test
    void aCampaignWhoseRecipientsAreAllDoneWouldSendNothingAndSaysWhatToDo() {
        StoredCampaign stored = new StoredCampaign(TempDirs.create("plans"), "done");
        stored.freeze(3);
        stored.set(1, RecipientState.SENT, null);
        stored.set(2, RecipientState.SENT, null);
        stored.set(3, RecipientState.UNKNOWN, null);
        assertThat(SendPlans.nothingDueSentence(stored.campaigns, stored.doc))
                .startsWith("At that time it would send nothing: all 3 recipients of this campaign are done (SENT 2, UNKNOWN 1).")
                .contains("\"Make this a new campaign\"");
    }
}
