-- The same as the SQLite store's V8__shared_sending.sql: several processes sending one campaign together.
-- recipients.claimed_by: the run that took the recipient to send it (SELECT ... FOR UPDATE SKIP LOCKED). A claim
-- holds while its run is live; the rows a dead run claimed but never started go back to the others.
ALTER TABLE recipients ADD COLUMN claimed_by BIGINT;
CREATE INDEX recipients_claimed ON recipients (claimed_by) WHERE claimed_by IS NOT NULL;
-- Sending permits an account was granted per minute by every process together, so that its hourly and daily limits
-- hold for the account as a whole, whoever sends.
CREATE TABLE quota_grants (
    account TEXT    NOT NULL,
    minute  BIGINT  NOT NULL,
    granted INTEGER NOT NULL,
    PRIMARY KEY (account, minute)
);
