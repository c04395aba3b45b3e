-- Broadside schema, version 1.
-- Sized for a million contacts per list and a million recipients per campaign:
-- contact fields live in one JSON column per row (one row per contact, no entity-attribute-value join),
-- every lookup the engine or the list manager makes has an index, and times are epoch milliseconds.

CREATE TABLE lists (
    id          INTEGER PRIMARY KEY,
    name        TEXT    NOT NULL UNIQUE COLLATE NOCASE,
    created_at  INTEGER NOT NULL
);

-- The user's fields of a list, in display order. Email is implicit and never listed here.
CREATE TABLE list_fields (
    list_id   INTEGER NOT NULL REFERENCES lists(id) ON DELETE CASCADE,
    position  INTEGER NOT NULL,
    name      TEXT    NOT NULL COLLATE NOCASE,
    PRIMARY KEY (list_id, position),
    UNIQUE (list_id, name)
);

-- email is stored as written; email_key is the comparison form (lower-case, domain in punycode).
CREATE TABLE contacts (
    id          INTEGER PRIMARY KEY,
    list_id     INTEGER NOT NULL REFERENCES lists(id) ON DELETE CASCADE,
    email       TEXT    NOT NULL,
    email_key   TEXT    NOT NULL,
    fields      TEXT    NOT NULL DEFAULT '{}',
    flags       TEXT,
    created_at  INTEGER NOT NULL,
    updated_at  INTEGER NOT NULL,
    UNIQUE (list_id, email_key)
);

-- Addresses ("someone@example.com") and whole domains ("@example.com"), lower-case.
CREATE TABLE blacklist (
    id        INTEGER PRIMARY KEY,
    entry     TEXT    NOT NULL UNIQUE,
    reason    TEXT,
    source    TEXT,
    added_at  INTEGER NOT NULL
);

-- Saved import sources; config is JSON without secrets (those live in the credential store).
CREATE TABLE import_sources (
    id          INTEGER PRIMARY KEY,
    name        TEXT    NOT NULL UNIQUE COLLATE NOCASE,
    list_id     INTEGER NOT NULL REFERENCES lists(id) ON DELETE CASCADE,
    kind        TEXT    NOT NULL,
    config      TEXT    NOT NULL,
    created_at  INTEGER NOT NULL,
    last_run_at INTEGER
);

-- Sending accounts; config is JSON without secrets.
CREATE TABLE accounts (
    id          INTEGER PRIMARY KEY,
    name        TEXT    NOT NULL UNIQUE COLLATE NOCASE,
    config      TEXT    NOT NULL,
    created_at  INTEGER NOT NULL,
    updated_at  INTEGER NOT NULL
);

-- One row per campaign document ever run. uid comes from the document (its id, or its path).
CREATE TABLE campaigns (
    id            INTEGER PRIMARY KEY,
    uid           TEXT    NOT NULL UNIQUE,
    name          TEXT    NOT NULL,
    document_path TEXT,
    state         TEXT    NOT NULL,
    state_reason  TEXT,
    frozen_at     INTEGER,
    created_at    INTEGER NOT NULL,
    updated_at    INTEGER NOT NULL
);

-- The frozen recipient list of a campaign with each recipient's delivery state.
-- fields is the contact's data at freeze time, so a resumed run renders exactly what the first did.
CREATE TABLE recipients (
    id               INTEGER PRIMARY KEY,
    campaign_id      INTEGER NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
    seq              INTEGER NOT NULL,
    email            TEXT    NOT NULL,
    fields           TEXT    NOT NULL DEFAULT '{}',
    state            TEXT    NOT NULL,
    reason           TEXT,
    code             INTEGER,
    enhanced_code    TEXT,
    reply            TEXT,
    queue_id         TEXT,
    attempts         INTEGER NOT NULL DEFAULT 0,
    next_attempt_at  INTEGER,
    first_attempt_at INTEGER,
    account          TEXT,
    message_id       TEXT,
    run_id           INTEGER,
    connection_no    INTEGER,
    updated_at       INTEGER NOT NULL,
    UNIQUE (campaign_id, seq)
);
CREATE INDEX recipients_by_state ON recipients (campaign_id, state, next_attempt_at);
CREATE INDEX recipients_by_email ON recipients (campaign_id, email COLLATE NOCASE);
CREATE INDEX recipients_by_account ON recipients (account, updated_at);

-- One row per time a campaign was started or resumed.
CREATE TABLE runs (
    id           INTEGER PRIMARY KEY,
    campaign_id  INTEGER NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
    started_at   INTEGER NOT NULL,
    ended_at     INTEGER,
    outcome      TEXT
);

-- Every protocol line of every connection of a run, credentials already hidden. A row holds one line, or (direction
-- BLOCK) the lines of one transaction encoded by delivery.LogBlocks, which costs one insert per message instead of ~9.
CREATE TABLE connection_log (
    id            INTEGER PRIMARY KEY,
    run_id        INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
    connection_no INTEGER NOT NULL,
    at            INTEGER NOT NULL,
    direction     TEXT    NOT NULL,
    line          TEXT    NOT NULL,
    recipient_id  INTEGER
);
CREATE INDEX connection_log_by_connection ON connection_log (run_id, connection_no, id);
CREATE INDEX connection_log_by_recipient ON connection_log (recipient_id);
