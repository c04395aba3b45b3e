package org.broadside.ui.common;

import org.broadside.campaign.Campaign;
import org.broadside.compose.CampaignChecks;
import org.broadside.compose.CheckLine;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class CheckWordsTest {
    @Test
    void theMissingUnsubscribeMethodNamesTheSettingsTabNotTheFileKeys() {
        Campaign c = Campaign.blank("w-1", "News").withRecipients(List.of("Sandbox"), null, null)
                .withMessage("Me <me@example.com>", null, "Hi", "Hello", "");
        CheckLine missing = CampaignChecks.check(new org.broadside.campaign.CampaignDocument(c, null), null, Set.of("Sandbox"))
                .stream().filter(l -> l.part().equals("unsubscribe")).findFirst().orElseThrow();
        assertThat(missing.message()).contains("unsubscribe.mailto");
        assertThat(CheckWords.of(missing)).contains("Settings tab").contains("Unsubscribe mailto").doesNotContain("unsubscribe.");
    }
}
