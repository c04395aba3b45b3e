package org.broadside.ui.settings;

import org.broadside.campaign.Campaign;
import org.broadside.ui.common.SameThreadRunner;
import org.broadside.ui.shell.CampaignDraft;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SettingsViewModelTest {
    private final CampaignDraft draft = new CampaignDraft(Campaign.blank("s-1", "x"), null);
    private final SettingsViewModel vm = new SettingsViewModel(draft, () -> List.of("Sandbox", "Work"), new SameThreadRunner());

    @Test
    void accountsAreACommaSeparatedRotation() {
        vm.accountsProperty().set("Sandbox,  Work ,Sandbox");
        assertThat(draft.campaign().account()).containsExactly("Sandbox", "Work");
    }

    @Test
    void aNumberOutOfRangeIsExplainedAndNotApplied() {
        vm.maxAttemptsProperty().set("3");
        assertThat(draft.campaign().delivery().maxAttempts()).isEqualTo(3);
        vm.maxAttemptsProperty().set("0");
        assertThat(vm.problemProperty().get()).isEqualTo("Attempts must be between 1 and 100.");
        assertThat(draft.campaign().delivery().maxAttempts()).isEqualTo(3);
    }

    @Test
    void unsubscribeMailtoIsStored() {
        vm.unsubscribeMailtoProperty().set("leave@example.com");
        assertThat(draft.campaign().unsubscribe().mailto()).isEqualTo("leave@example.com");
    }

    @Test
    void pickingAnAccountAddsItOnce() {
        vm.refreshAccounts();
        assertThat(vm.knownAccounts()).containsExactly("Sandbox", "Work");
        vm.useAccount("Work");
        vm.useAccount("Work");
        assertThat(draft.campaign().account()).containsExactly("Work");
    }
}
