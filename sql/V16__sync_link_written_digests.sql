-- What each side of a linked pair looked like when this job last left it in agreement: a digest
-- of the values the merge reads (mapped, derived and system fields), written with the link
-- after a successful merge or create, NULL after a reject or a relink. A record read again with
-- the same digest is the sync's own write coming back (an echo) and is skipped unread; any
-- change of a value the merge reads, however soon after the sync's write, changes the digest.
ALTER TABLE sync_link ADD COLUMN salesforce_digest CHAR(32) NULL, ADD COLUMN crm_digest CHAR(32) NULL;
