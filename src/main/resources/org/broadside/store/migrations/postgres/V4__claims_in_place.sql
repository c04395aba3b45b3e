-- A claim (recipients.claimed_by) is written for every recipient of a team campaign, a queue's worth at a time. With
-- claimed_by out of every index and a fifth of each page left free, PostgreSQL rewrites the row within its page
-- (a heap-only update) instead of adding an entry to each of the table's indexes; the claims of a run are found
-- through the campaign's due states instead (RecipientClaims.release).
DROP INDEX recipients_claimed;
ALTER TABLE recipients SET (fillfactor = 80);
