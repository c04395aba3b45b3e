package org.broadside.cli;

import org.broadside.testing.TempDirs;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** --store: a wrong team store URL is named before anything is opened, and a password in it is never echoed. */
class StoreOptionTest {
    @Test
    void aUrlWithAPasswordIsRefusedWithoutShowingIt() {
        CliRun r = CliRun.run(TempDirs.create("store-pw"), "--store", "jdbc:postgresql://db.example.org/bs?user=bs&password=hunter2", "list", "list");
        assertThat(r.exitCode()).isNotZero();
        assertThat(r.err()).contains("must not carry a password").contains("BROADSIDE_STORE_PASSWORD");
        assertThat(r.out() + r.err()).doesNotContain("hunter2");
    }

    @Test
    void aUrlOfAnotherDatabaseIsNamed() {
        CliRun r = CliRun.run(TempDirs.create("store-mysql"), "--store", "jdbc:mysql://db.example.org/bs", "list", "list");
        assertThat(r.exitCode()).isNotZero();
        assertThat(r.err()).contains("A team store is a PostgreSQL database").contains("jdbc:mysql://db.example.org/bs");
    }

    @Test
    void theOptionsValueIsNotTakenForACommandName() {
        assertThat(BroadsideCommand.commandsFor("--store", "jdbc:postgresql://h/db", "list", "list")).containsExactly(ListCommand.class);
        assertThat(BroadsideCommand.commandsFor("--store=jdbc:postgresql://h/db", "send", "c.json")).containsExactly(SendCommand.class);
    }
}
