package org.broadside.ui.settings;

import org.broadside.accounts.Account;
import org.broadside.accounts.AccountPresets;
import org.broadside.accounts.AccountRepository;
import org.broadside.campaign.Campaign;
import org.broadside.store.Database;
import org.broadside.ui.common.SameThreadRunner;
import org.broadside.ui.shell.CampaignDraft;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The accounts the Settings tab offers follow the store while it shows, and stop following when it hides. */
class SettingsFollowAccountsTest {
    @TempDir Path dir;

    @Test
    void anAccountAddedElsewhereIsOfferedWhileTheTabShowsOnly() {
        Database db = Database.open(dir);
        AccountRepository accounts = new AccountRepository(db);
        SettingsViewModel vm = new SettingsViewModel(new CampaignDraft(Campaign.blank("s", "x"), null),
                () -> accounts.list().stream().map(Account::name).toList(), new SameThreadRunner());
        // The bus delivers on the writing thread; the app hands the view model the FX-thread adapter instead.
        vm.listenTo(db.events());
        vm.activate();
        accounts.save(account("Office"));
        assertThat(vm.knownAccounts()).containsExactly("Office");
        vm.deactivate();
        accounts.save(account("Newsletter"));
        assertThat(vm.knownAccounts()).containsExactly("Office");
        assertThat(db.events().listenerCount()).isZero();
    }

    private static Account account(String name) {
        return AccountPresets.find("sandbox").orElseThrow().builder(name).host("127.0.0.1").port(2525).build();
    }
}
