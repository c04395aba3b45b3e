package org.broadside.store;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Each store replays only its own journals: this computer's in journal/, a team store's in a folder named after it. */
class StateJournalFolderTest {
    private final Path data = Path.of("data");

    @Test
    void thisComputersStoreKeepsItsJournalsInTheJournalFolder() {
        assertThat(StateJournal.folder(data, null)).isEqualTo(data.resolve("journal"));
    }

    @Test
    void aTeamStoresJournalsLiveInAFolderNamedAfterItsHostPortAndDatabase() {
        TeamStore team = new TeamStore("jdbc:postgresql://DB.Acme.example:5433/broadside?sslmode=verify-full", "bs", "secret");
        assertThat(StateJournal.folder(data, team)).isEqualTo(data.resolve("journal").resolve("team-db.acme.example_5433_broadside"));
    }

    @Test
    void theDefaultPortNamesTheSameFolderWhetherWrittenOrNot() {
        assertThat(StateJournal.teamFolderName(new TeamStore("jdbc:postgresql://db.example/bs", null, null)))
                .isEqualTo(StateJournal.teamFolderName(new TeamStore("jdbc:postgresql://db.example:5432/bs", null, null)));
        assertThat(StateJournal.teamFolderName(new TeamStore("jdbc:postgresql://[::1]/bs", null, null))).isEqualTo("team-___1__5432_bs");
    }

    @Test
    void twoDatabasesOnOneServerHaveTwoFolders() {
        assertThat(StateJournal.teamFolderName(new TeamStore("jdbc:postgresql://db.example/sales", null, null)))
                .isNotEqualTo(StateJournal.teamFolderName(new TeamStore("jdbc:postgresql://db.example/support", null, null)));
    }
}
