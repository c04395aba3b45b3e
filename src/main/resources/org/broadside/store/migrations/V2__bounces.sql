-- Broadside schema, version 2: bounce and unsubscribe processing from a mailbox.
-- Secrets of mailboxes live in the credential store under "mailbox:<name>", never here.

CREATE TABLE mailboxes (
    id               INTEGER PRIMARY KEY,
    name             TEXT    NOT NULL UNIQUE COLLATE NOCASE,
    protocol         TEXT    NOT NULL,
    host             TEXT    NOT NULL,
    port             INTEGER NOT NULL,
    tls              INTEGER NOT NULL DEFAULT 1,
    username         TEXT    NOT NULL,
    folder           TEXT    NOT NULL DEFAULT 'INBOX',
    after_scan       TEXT    NOT NULL DEFAULT 'KEEP',
    processed_folder TEXT,
    created_at       INTEGER NOT NULL,
    updated_at       INTEGER NOT NULL
);

-- The editable rules: one row. soft_bounce_limit 0 means soft bounces never blacklist.
CREATE TABLE bounce_rules (
    id                     INTEGER PRIMARY KEY CHECK (id = 1),
    hard_bounce_blacklist  INTEGER NOT NULL,
    soft_bounce_limit      INTEGER NOT NULL,
    complaint_blacklist    INTEGER NOT NULL,
    unsubscribe_blacklist  INTEGER NOT NULL,
    updated_at             INTEGER NOT NULL
);
INSERT INTO bounce_rules (id, hard_bounce_blacklist, soft_bounce_limit, complaint_blacklist, unsubscribe_blacklist, updated_at)
    VALUES (1, 1, 3, 1, 1, 0);

-- One row per recognised message. message_key (its Message-ID, else a digest of its headers) keeps a
-- message that stays in the mailbox from being counted twice. blacklist_entry and contact_flag are what
-- this event added, so undo removes exactly that.
CREATE TABLE bounce_events (
    id               INTEGER PRIMARY KEY,
    mailbox          TEXT,
    message_key      TEXT    NOT NULL,
    message_date     INTEGER NOT NULL,
    recorded_at      INTEGER NOT NULL,
    kind             TEXT    NOT NULL,
    email            TEXT,
    email_key        TEXT,
    campaign_id      INTEGER REFERENCES campaigns(id) ON DELETE SET NULL,
    recipient_id     INTEGER REFERENCES recipients(id) ON DELETE SET NULL,
    status           TEXT,
    reason           TEXT,
    action           TEXT    NOT NULL,
    blacklist_entry  TEXT,
    contact_flag     TEXT,
    undone_at        INTEGER
);
CREATE UNIQUE INDEX bounce_events_by_message ON bounce_events (message_key);
CREATE INDEX bounce_events_by_campaign ON bounce_events (campaign_id, kind);
CREATE INDEX bounce_events_by_email ON bounce_events (email_key, id);

-- Bounces name the original Message-ID; without this index each lookup would scan every recipient.
CREATE INDEX recipients_by_message_id ON recipients (message_id);
