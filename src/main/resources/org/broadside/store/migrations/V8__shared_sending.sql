-- Several processes sending one campaign together (issue 15, team store). The SQLite store has the same columns so
-- that `store copy` moves a team store and a data directory into each other unchanged; on SQLite one process sends a
-- campaign at a time and nothing here is written.
-- recipients.claimed_by: the run that took the recipient to send it (SELECT ... FOR UPDATE SKIP LOCKED on the team
-- store). A claim holds while its run is live; the rows a dead run claimed but never started go back to the others.
ALTER TABLE recipients ADD COLUMN claimed_by INTEGER;
-- Sending permits an account was granted per minute by every process together, so that its hourly and daily limits
-- hold for the account as a whole, whoever sends.
CREATE TABLE quota_grants (
    account TEXT    NOT NULL,
    minute  INTEGER NOT NULL,
    granted INTEGER NOT NULL,
    PRIMARY KEY (account, minute)
);
