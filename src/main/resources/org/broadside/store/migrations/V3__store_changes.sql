-- Broadside schema, version 3: a change counter per kind of data, so a process sees what another one changed.
-- Writers bump their topic's version inside the transaction that changes the data (store.StoreChanges), and write
-- which process (Database instance) did it; a watcher polls this small table when PRAGMA data_version moves.
CREATE TABLE store_changes (
    topic    TEXT    PRIMARY KEY,
    version  INTEGER NOT NULL,
    writer   TEXT
);
INSERT INTO store_changes (topic, version) VALUES ('lists', 0), ('accounts', 0), ('campaigns', 0), ('blacklist', 0);
