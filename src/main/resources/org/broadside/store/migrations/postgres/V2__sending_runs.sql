-- The same as the SQLite store's V7__sending_runs.sql: which process sends a run and whether it is still alive.
ALTER TABLE runs ADD COLUMN host TEXT;
ALTER TABLE runs ADD COLUMN pid BIGINT;
ALTER TABLE runs ADD COLUMN process_started_at BIGINT;
ALTER TABLE runs ADD COLUMN alive_until BIGINT;
ALTER TABLE runs ADD COLUMN stop_requested_at BIGINT;
CREATE INDEX runs_open ON runs(campaign_id) WHERE ended_at IS NULL;
