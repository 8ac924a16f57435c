-- The values of a score batch in flight packed in one row per batch (a JSON array of
-- [object type, CRM id, field, Salesforce id, value] in the batch's row order) instead of one
-- row per record: a chunk that leaves its batch in flight writes one row, not 2,000 (a flight
-- recording of a 100,000-record full run put the per-record rows at 5.5 % of the job's CPU).
-- Rows of V17's table still waiting for a restart are carried over.
CREATE TABLE sync_pending_batch (
	id BIGINT AUTO_INCREMENT PRIMARY KEY,
	job_instance_id BIGINT NOT NULL,
	step_name VARCHAR(100) NOT NULL,
	batch VARCHAR(200) NOT NULL,
	sent_values LONGTEXT NOT NULL,
	INDEX sync_pending_batch_step_ix (job_instance_id, step_name, batch)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- a batch holds at most 10,000 values: room for them in one GROUP_CONCAT (MySQL's default is 1 KB)
SET SESSION group_concat_max_len = 67108864;

INSERT INTO sync_pending_batch (job_instance_id, step_name, batch, sent_values)
SELECT job_instance_id, step_name, batch,
	CONCAT('[', GROUP_CONCAT(JSON_ARRAY(object_type, CAST(crm_id AS CHAR), field, salesforce_id, value)
		ORDER BY batch_row SEPARATOR ','), ']')
FROM sync_pending_push GROUP BY job_instance_id, step_name, batch;

DROP TABLE sync_pending_push;
