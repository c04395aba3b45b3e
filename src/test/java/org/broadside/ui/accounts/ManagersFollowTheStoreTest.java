package org.broadside.ui.accounts;

import org.broadside.accounts.Account;
import org.broadside.accounts.AccountPresets;
import org.broadside.accounts.AccountRepository;
import org.broadside.accounts.InMemoryCredentialStore;
import org.broadside.contacts.BlacklistRepository;
import org.broadside.store.Database;
import org.broadside.ui.blacklist.BlacklistViewModel;
import org.broadside.ui.common.SameThreadRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The Accounts and Blacklist windows follow changes made elsewhere (another window, the command line) while open. */
class ManagersFollowTheStoreTest {
    @TempDir Path dir;

    @Test
    void anAccountAddedElsewhereAppearsAndTheFormKeepsItsUnsavedEdits() {
        Database db = Database.open(dir);
        AccountRepository accounts = new AccountRepository(db);
        accounts.save(account("Office"));
        AccountsViewModel vm = new AccountsViewModel(accounts, InMemoryCredentialStore::new, new SameThreadRunner());
        vm.listenTo(db.events());
        vm.activate();
        vm.form().ehloNameProperty().set("typing.example");
        accounts.save(account("Newsletter"));
        assertThat(vm.items()).extracting(Account::name).containsExactlyInAnyOrder("Office", "Newsletter");
        assertThat(vm.form().ehloNameProperty().get()).isEqualTo("typing.example");
        vm.deactivate();
        assertThat(db.events().listenerCount()).isZero();
    }

    @Test
    void anAddressBlacklistedElsewhereAppears() {
        Database db = Database.open(dir);
        BlacklistRepository blacklist = new BlacklistRepository(db);
        BlacklistViewModel vm = new BlacklistViewModel(blacklist, new SameThreadRunner());
        vm.listenTo(db.events());
        vm.activate();
        blacklist.add("spam-trap@example.com", "test", "cli");
        assertThat(vm.shown()).hasSize(1);
        vm.deactivate();
    }

    private static Account account(String name) {
        return AccountPresets.find("sandbox").orElseThrow().builder(name).host("127.0.0.1").port(2525).build();
    }
}
