-- Broadside schema, version 4: scheduled delivery. One row per scheduled campaign, keyed by the campaign's uid.
-- start_at is epoch milliseconds; zone is the IANA zone the user chose, in which the daily window's times are read.
-- A run holds a claim (state RUNNING, claimed_by, heartbeat_at) taken with a compare-and-set UPDATE, so the desktop
-- app and "broadside schedule run" never send the same campaign at once (ADR 0009).
CREATE TABLE schedules (
    campaign_uid   TEXT    PRIMARY KEY,
    campaign_name  TEXT    NOT NULL,
    campaign_file  TEXT    NOT NULL,
    start_at       INTEGER NOT NULL,
    zone           TEXT    NOT NULL,
    window_from    TEXT,
    window_to      TEXT,
    window_days    TEXT,
    state          TEXT    NOT NULL,
    claimed_by     TEXT,
    heartbeat_at   INTEGER,
    last_run_at    INTEGER,
    last_result    TEXT,
    created_at     INTEGER NOT NULL,
    updated_at     INTEGER NOT NULL
);
