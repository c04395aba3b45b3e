package org.broadside.ui.accounts;

import org.broadside.accounts.Account;
import org.broadside.accounts.AccountRepository;
import org.broadside.accounts.InMemoryCredentialStore;
import org.broadside.store.Database;
import org.broadside.testing.TempDirs;
import org.broadside.ui.common.BackgroundRunner;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

class AccountsViewModelTest {
    /** Keeps work pending until the test finishes it, like a server that has not answered yet. */
    static final class PendingRunner implements BackgroundRunner {
        final List<Runnable> finishers = new ArrayList<>();
        int cancelled;

        @Override
        public <T> Cancellable run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
            finishers.add(() -> {
                try {
                    onSuccess.accept(work.call());
                } catch (Exception e) {
                    onFailure.accept(e);
                }
            });
            return () -> cancelled++;
        }
    }

    @Test
    void newAccountHasHostAndUserToFill() {
        AccountsViewModel vm = new AccountsViewModel(new AccountRepository(Database.open(TempDirs.create("acc"))),
                InMemoryCredentialStore::new, new PendingRunner());
        vm.newAccount();
        assertThat(vm.form().hostProperty().get()).isEmpty();
        assertThat(vm.form().usernameProperty().get()).isEmpty();
        assertThat(vm.form().portProperty().get()).isEqualTo("587");
    }

    @Test
    void aRenamedAccountKeepsItsPassword() {
        AccountRepository repo = new AccountRepository(Database.open(TempDirs.create("acc")));
        InMemoryCredentialStore store = new InMemoryCredentialStore();
        AccountsViewModel vm = new AccountsViewModel(repo, () -> store, new org.broadside.ui.common.SameThreadRunner());
        saveOfficeWithAPassword(vm);
        assertThat(store.get(org.broadside.accounts.CredentialKeys.account("Office"))).hasValueSatisfying(p -> assertThat(p).containsExactly("s3cret-pass".toCharArray()));

        vm.form().nameProperty().set("Office mail");
        vm.save(); // the password box left empty: "unchanged"

        assertThat(vm.resultProperty().get()).isEqualTo("Saved Office mail.");
        assertThat(repo.list()).extracting(Account::name).containsExactly("Office mail");
        assertThat(store.get(org.broadside.accounts.CredentialKeys.account("Office mail")))
                .as("sending as the renamed account logs in with the password it had").isPresent();
        assertThat(store.get(org.broadside.accounts.CredentialKeys.account("Office"))).isEmpty();
    }

    @Test
    void aPasswordTheCredentialStoreRefusesSavesNothing() {
        AccountRepository repo = new AccountRepository(Database.open(TempDirs.create("acc")));
        AccountsViewModel vm = new AccountsViewModel(repo, () -> {
            throw new org.broadside.accounts.CredentialStoreException("No passphrase was chosen for the credential file.");
        }, new org.broadside.ui.common.SameThreadRunner());
        saveOfficeWithAPassword(vm);

        assertThat(vm.resultProperty().get()).isEqualTo("Not saved: No passphrase was chosen for the credential file.");
        assertThat(repo.list()).as("an account saved without the password the user typed would fail its first login").isEmpty();
    }

    /** A new account "Office" with a login and the password "s3cret-pass" typed in, and Save. */
    private static void saveOfficeWithAPassword(AccountsViewModel vm) {
        vm.newAccount();
        vm.form().nameProperty().set("Office");
        vm.form().hostProperty().set("127.0.0.1");
        vm.form().usernameProperty().set("me");
        vm.form().passwordProperty().set("s3cret-pass");
        vm.save();
    }

    @Test
    void theWindowOpensOnTheFirstAccountRatherThanAnEmptyForm() {
        AccountRepository repo = new AccountRepository(Database.open(TempDirs.create("acc")));
        repo.save(Account.builder("Office").host("127.0.0.1").port(2525).security(org.broadside.accounts.AccountSecurity.NONE).build());
        AccountsViewModel vm = new AccountsViewModel(repo, InMemoryCredentialStore::new, new org.broadside.ui.common.SameThreadRunner());
        vm.refresh();
        assertThat(vm.form().nameProperty().get()).isEqualTo("Office");
        assertThat(vm.form().hostProperty().get()).isEqualTo("127.0.0.1");
    }

    @Test
    void savingAnAccountKeepsItsLimitOfFailedConnections() {
        AccountRepository repo = new AccountRepository(Database.open(TempDirs.create("acc")));
        repo.save(Account.builder("Office").host("127.0.0.1").port(2525).security(org.broadside.accounts.AccountSecurity.NONE)
                .maxConnectionFailures(9).build());
        AccountsViewModel vm = new AccountsViewModel(repo, InMemoryCredentialStore::new, new org.broadside.ui.common.SameThreadRunner());
        vm.refresh();
        vm.selectedProperty().set(vm.items().get(0));
        assertThat(vm.form().maxConnectionFailuresProperty().get()).isEqualTo("9");
        vm.form().maxConnectionFailuresProperty().set("3");
        vm.save();
        assertThat(repo.find("Office").orElseThrow().maxConnectionFailures()).isEqualTo(3);
    }

    @Test
    void theMessagesInFlightFieldSwitchesChunkingOffAndOn() {
        AccountRepository repo = new AccountRepository(Database.open(TempDirs.create("acc")));
        repo.save(Account.builder("Office").host("127.0.0.1").port(2525).security(org.broadside.accounts.AccountSecurity.NONE).build());
        AccountsViewModel vm = new AccountsViewModel(repo, InMemoryCredentialStore::new, new org.broadside.ui.common.SameThreadRunner());
        vm.refresh();
        vm.selectedProperty().set(vm.items().get(0));
        assertThat(vm.form().chunkingWindowProperty().get()).isEqualTo("4");
        vm.form().chunkingWindowProperty().set("0");
        vm.save();
        assertThat(repo.find("Office").orElseThrow().chunkingWindow()).isZero();
        vm.newAccount();
        assertThat(vm.form().chunkingWindowProperty().get()).as("a new account starts at the default").isEqualTo("4");
    }

    @Test
    void newAfterAnAccountWithItsOwnPacingShowsTheDefaultsOfANewAccountAndChangesNothingElse() {
        AccountRepository repo = new AccountRepository(Database.open(TempDirs.create("acc")));
        Account gmail = org.broadside.accounts.AccountPresets.find("gmail").orElseThrow().builder("Mine").username("me").build();
        repo.save(gmail);
        AccountsViewModel vm = new AccountsViewModel(repo, InMemoryCredentialStore::new, new org.broadside.ui.common.SameThreadRunner());
        vm.refresh();
        vm.selectedProperty().set(vm.items().get(0));
        assertThat(vm.form().maxPerDayProperty().get()).isEqualTo("500");

        vm.newAccount();

        AccountForm fresh = new AccountForm();
        assertThat(pacing(vm.form())).isEqualTo(pacing(fresh)).containsExactly("1", "100", "0", "0", "0", "0");
        assertThat(vm.form().securityProperty().get()).isEqualTo(fresh.securityProperty().get());
        assertThat(vm.form().authProperty().get()).isEqualTo(fresh.authProperty().get());
        assertThat(vm.form().pinnedProperty().get()).isEmpty();
        assertThat(vm.selectedProperty().get()).isNull();
        assertThat(repo.find("Mine")).contains(gmail);
        assertThat(vm.items()).containsExactly(gmail);
    }

    @Test
    void newAfterApplyingAPresetForgetsThePresetsPacing() {
        AccountsViewModel vm = new AccountsViewModel(new AccountRepository(Database.open(TempDirs.create("acc"))),
                InMemoryCredentialStore::new, new PendingRunner());
        vm.applyPreset(org.broadside.accounts.AccountPresets.find("ses").orElseThrow());
        vm.newAccount();
        assertThat(pacing(vm.form())).isEqualTo(pacing(new AccountForm()));
    }

    private static List<String> pacing(AccountForm f) {
        return List.of(f.connectionsProperty().get(), f.perConnectionProperty().get(), f.groupSizeProperty().get(),
                f.groupSecondsProperty().get(), f.maxPerHourProperty().get(), f.maxPerDayProperty().get());
    }

    /** A wrong password: the test says what the server answered and then what to check, as the connection log does. */
    @Test
    void aRefusedLoginSaysWhatToCheck() throws Exception {
        try (var server = org.broadside.testing.smtp.ScriptedSmtpServer.start().auth("me", "right", "PLAIN")) {
            AccountsViewModel vm = new AccountsViewModel(new AccountRepository(Database.open(TempDirs.create("acc"))),
                    InMemoryCredentialStore::new, new org.broadside.ui.common.SameThreadRunner());
            vm.newAccount();
            vm.form().nameProperty().set("Work");
            vm.form().hostProperty().set("127.0.0.1");
            vm.form().portProperty().set(Integer.toString(server.port()));
            vm.form().securityProperty().set(org.broadside.accounts.AccountSecurity.NONE);
            vm.form().authProperty().set(org.broadside.accounts.AccountAuth.PLAIN);
            vm.form().usernameProperty().set("me");
            vm.form().passwordProperty().set("wrong");
            vm.testConnection();
            assertThat(vm.resultProperty().get()).startsWith("✘ ").contains("535")
                    .endsWith("\nCheck the user name and password; providers with two-step login need an app password.")
                    .doesNotContain("wrong");
        }
    }

    /** A refused connection is checked by hand: nothing "tries again after a pause". */
    @Test
    void aRefusedConnectionSaysWhatToCheckWithoutPromisingARetry() throws Exception {
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        AccountsViewModel vm = new AccountsViewModel(new AccountRepository(Database.open(TempDirs.create("acc"))),
                InMemoryCredentialStore::new, new org.broadside.ui.common.SameThreadRunner());
        vm.newAccount();
        vm.form().nameProperty().set("Dead");
        vm.form().hostProperty().set("127.0.0.1");
        vm.form().portProperty().set(Integer.toString(port));
        vm.form().securityProperty().set(org.broadside.accounts.AccountSecurity.NONE);
        vm.form().authProperty().set(org.broadside.accounts.AccountAuth.NONE);
        vm.testConnection();
        assertThat(vm.resultProperty().get()).startsWith("✘ could not connect to 127.0.0.1:" + port)
                .endsWith("\nCheck the server and port of the account, or the firewall.")
                .doesNotContain("tries again");
    }

    @Test
    void cancellingATestFreesTheFormAndIgnoresTheLateAnswer() {
        PendingRunner runner = new PendingRunner();
        AccountsViewModel vm = new AccountsViewModel(new AccountRepository(Database.open(TempDirs.create("acc"))),
                InMemoryCredentialStore::new, runner);
        vm.newAccount();
        vm.form().nameProperty().set("Silent");
        vm.form().hostProperty().set("127.0.0.1");
        vm.form().portProperty().set("9");
        vm.form().securityProperty().set(org.broadside.accounts.AccountSecurity.NONE);
        vm.form().authProperty().set(org.broadside.accounts.AccountAuth.NONE);
        vm.testConnection();
        assertThat(vm.busyProperty().get()).isTrue();
        vm.cancelTest();
        assertThat(vm.busyProperty().get()).isFalse();
        assertThat(vm.resultProperty().get()).isEqualTo("Test cancelled.");
        assertThat(runner.cancelled).isEqualTo(1);
        runner.finishers.get(runner.finishers.size() - 1).run(); // the late answer (connection refused on port 9)
        assertThat(vm.resultProperty().get()).isEqualTo("Test cancelled.");
    }
}
