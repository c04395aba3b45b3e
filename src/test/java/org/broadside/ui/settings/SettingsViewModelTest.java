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
    void aCampaignWhoseUnsubscribeOmitsNoneOpens() {
        // A hand-written campaign file with only a mailto: the window failed to open before (NullPointerException).
        CampaignDraft handWritten = new CampaignDraft(Campaign.blank("s-2", "y")
                .withUnsubscribe(new org.broadside.campaign.Unsubscribe("leave@example.com", null, null)), null);
        SettingsViewModel opened = new SettingsViewModel(handWritten, () -> List.of("Sandbox"), new SameThreadRunner());
        assertThat(opened.unsubscribeMailtoProperty().get()).isEqualTo("leave@example.com");
        assertThat(opened.noUnsubscribeProperty().get()).isFalse();
    }

    @Test
    void theUnsubscribeServerLanguageAndTrackingSurviveAnEditAndCanBeSetHere() {
        // A campaign written for the Broadside server: editing any other setting used to drop server and language.
        CampaignDraft served = new CampaignDraft(Campaign.blank("s-3", "z")
                .withUnsubscribe(new org.broadside.campaign.Unsubscribe(null, null, null, "https://news.acme.example", "[Language]"))
                .withTracking(new org.broadside.campaign.Tracking(true, null)), null);
        SettingsViewModel opened = new SettingsViewModel(served, () -> List.of("Sandbox"), new SameThreadRunner());
        assertThat(opened.unsubscribeServerProperty().get()).isEqualTo("https://news.acme.example");
        assertThat(opened.pageLanguageProperty().get()).isEqualTo("[Language]");
        assertThat(opened.trackOpensProperty().get()).isTrue();
        assertThat(opened.trackClicksProperty().get()).isFalse();

        opened.maxAttemptsProperty().set("4");
        assertThat(served.campaign().unsubscribe().server()).isEqualTo("https://news.acme.example");
        assertThat(served.campaign().unsubscribe().language()).isEqualTo("[Language]");
        assertThat(served.campaign().tracksOpens()).isTrue();

        opened.trackClicksProperty().set(true);
        opened.trackOpensProperty().set(false);
        opened.pageLanguageProperty().set("fr");
        assertThat(served.campaign().tracksClicks()).isTrue();
        assertThat(served.campaign().tracksOpens()).isFalse();
        assertThat(served.campaign().unsubscribe().language()).isEqualTo("fr");
        opened.trackClicksProperty().set(false);
        assertThat(served.campaign().tracking()).as("no tracking object when both are off").isNull();
    }

    @Test
    void pickingAnAccountAddsItOnce() {
        vm.refreshAccounts();
        assertThat(vm.knownAccounts()).containsExactly("Sandbox", "Work");
        vm.useAccount("Work");
        vm.useAccount("Work");
        assertThat(draft.campaign().account()).containsExactly("Work");
    }

    @Test
    void domainCheckListsFailuresWithTheirFixAndSaysHowBadItIs() {
        vm.setDomainChecker(doc -> List.of(
                new org.broadside.compose.CheckLine(org.broadside.merge.Severity.ERROR, "domain", 0, 0, "SPF: no record. Fix: publish one"),
                new org.broadside.compose.CheckLine(org.broadside.merge.Severity.WARNING, "domain", 0, 0, "DKIM: not signed")));
        vm.checkDomain();
        assertThat(vm.domainFindings()).containsExactly("Fail: SPF: no record. Fix: publish one", "Warning: DKIM: not signed");
        assertThat(vm.domainStatusProperty().get()).startsWith("1 check failed");
        assertThat(vm.checkingDomainProperty().get()).isFalse();
    }

    @Test
    void domainCheckWithNothingToReportSaysSo() {
        vm.setDomainChecker(doc -> List.of());
        vm.checkDomain();
        assertThat(vm.domainStatusProperty().get()).isEqualTo("SPF, DKIM, DMARC and MX look right.");
    }
}
