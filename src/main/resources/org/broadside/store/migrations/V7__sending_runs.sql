-- Which process sends a run, and whether it is still alive (issue 15): a run's sender renews alive_until while it
-- sends; a run that has not ended and whose alive_until is in the future is being sent. Other windows show it
-- ("Sending on host-a, process 4242") and follow its counts, a second Send of the same campaign is refused while it
-- lives, and stop_requested_at is how a window stops a run of another process (the sender reads it as it renews).
ALTER TABLE runs ADD COLUMN host TEXT;
ALTER TABLE runs ADD COLUMN pid INTEGER;
ALTER TABLE runs ADD COLUMN process_started_at INTEGER;
ALTER TABLE runs ADD COLUMN alive_until INTEGER;
ALTER TABLE runs ADD COLUMN stop_requested_at INTEGER;
CREATE INDEX runs_open ON runs(campaign_id) WHERE ended_at IS NULL;
