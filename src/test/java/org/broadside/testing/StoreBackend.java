package org.broadside.testing;

import org.broadside.store.Database;

import java.nio.file.Path;

/**
 * The two stores a contract test runs against: {@code @ParameterizedTest @EnumSource(StoreBackend.class)} and open the
 * store with {@link #open}. SQLite in the test's data directory; PostgreSQL as a fresh database on the shared
 * {@link TeamStoreServer}, with the data directory keeping what stays on the machine (journals, secrets).
 */
public enum StoreBackend {
    SQLITE {
        @Override
        public Database open(Path dataDirectory) {
            return Database.open(dataDirectory);
        }
    },
    POSTGRES {
        @Override
        public Database open(Path dataDirectory) {
            return Database.openTeam(dataDirectory, TeamStoreServer.freshStore());
        }
    };

    /** A new, empty store of this kind. */
    public abstract Database open(Path dataDirectory);
}
