-- Broadside schema, version 6: what the Broadside server (broadside serve) records, ADR 0020.
-- One row per event the server took: an unsubscribe (RFC 8058 one-click POST or the landing page's button), an undo
-- of one, an open or a click. uid is random and names the event everywhere (a desktop applies it under
-- message_key 'server:<uid>' in bounce_events, so applying twice records nothing twice). acked_at is set when a
-- desktop that pulls (no shared store) has applied it; an acknowledged event is not sent again.
-- email is the full address because the desktop that pulls must find its contact; logs never carry it.
CREATE TABLE server_events (
    id            INTEGER PRIMARY KEY,
    uid           TEXT    NOT NULL UNIQUE,
    kind          TEXT    NOT NULL,
    source        TEXT    NOT NULL,
    campaign_uid  TEXT    NOT NULL,
    email         TEXT    NOT NULL,
    email_key     TEXT    NOT NULL,
    refers_to     TEXT,
    link          INTEGER,
    url           TEXT,
    at            INTEGER NOT NULL,
    acked_at      INTEGER
);
CREATE INDEX server_events_by_recipient ON server_events (campaign_uid, email_key, id);
CREATE INDEX server_events_unacked ON server_events (acked_at, id);

-- The Broadside servers this desktop pulls from (broadside unsubscribes pull --save-key, the app's timer). Their keys
-- live in the credential store under "unsubscribe-server:<origin>", never here.
CREATE TABLE unsubscribe_servers (
    url          TEXT    PRIMARY KEY,
    added_at     INTEGER NOT NULL,
    last_pull_at INTEGER,
    last_result  TEXT
);

-- Opens and clicks of campaigns that ask for tracking, as the sending desktop knows them: written by the server when
-- it shares the store, else by a pull. uid is the server event's, so a pull never counts one twice.
CREATE TABLE tracking_events (
    uid           TEXT    PRIMARY KEY,
    campaign_uid  TEXT    NOT NULL,
    email         TEXT    NOT NULL,
    email_key     TEXT    NOT NULL,
    kind          TEXT    NOT NULL,
    link          INTEGER,
    url           TEXT,
    at            INTEGER NOT NULL
);
CREATE INDEX tracking_events_by_campaign ON tracking_events (campaign_uid, kind, email_key);
