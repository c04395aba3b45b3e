package org.broadside.ui;

import org.broadside.accounts.Account;
import org.broadside.accounts.InMemoryCredentialStore;
import org.broadside.testing.TempDirs;
import org.broadside.ui.common.SameThreadRunner;
import org.broadside.ui.sandbox.SandboxServer;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class SandboxAccountTest {
    @Test
    void theSandboxAccountPointsAtTheSamePortAfterARestartAndKeepsTheUsersPacing() {
        Path home = TempDirs.create("home");
        int port;
        try (AppServices first = new AppServices(home, new SameThreadRunner(), InMemoryCredentialStore::new)) {
            port = first.sandbox().port();
            Account a = first.accounts().find(SandboxServer.ACCOUNT_NAME).orElseThrow();
            assertThat(a.port()).isEqualTo(port);
            first.accounts().save(a.toBuilder().maxPerHour(1200).build());
        }
        try (AppServices again = new AppServices(home, new SameThreadRunner(), InMemoryCredentialStore::new)) {
            assertThat(again.sandbox().port()).isEqualTo(port);
            Account a = again.accounts().find(SandboxServer.ACCOUNT_NAME).orElseThrow();
            assertThat(a.port()).isEqualTo(port);
            assertThat(a.maxPerHour()).isEqualTo(1200);
        }
    }
}
