-- Incremental pushLeadScores / pushEvents read through indexes only (issue 15 item 5):
-- the links changed in the window (a new or moved link), and the rejects a push step
-- journaled in it.
ALTER TABLE sync_link ADD INDEX sync_link_changed_ix (object_type, updated_at);
ALTER TABLE sync_error ADD INDEX sync_error_step_ix (step, created_at);
