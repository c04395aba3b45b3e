-- Broadside schema, version 5: the recipient indexes on account and Message-ID cover only the recipients that have
-- one. Both are empty until a recipient's first attempt, so freezing a list of a million recipients no longer writes
-- two million index entries that say "NULL". The queries that use them (the account's hourly/daily quota count,
-- "account = ?", and bounce matching, "message_id = ?") imply NOT NULL, so SQLite still chooses them.
DROP INDEX recipients_by_account;
CREATE INDEX recipients_by_account ON recipients (account, updated_at) WHERE account IS NOT NULL;
DROP INDEX recipients_by_message_id;
CREATE INDEX recipients_by_message_id ON recipients (message_id) WHERE message_id IS NOT NULL;
