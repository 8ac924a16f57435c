-- Scores sent to Salesforce in a bulk batch whose results a later chunk applies (a push step
-- keeps several chunks' batches in flight, so that Salesforce saves them side by side). Each
-- row is one record of one batch: what the batch's result for that row is applied to. The rows
-- are written in the transaction of the chunk that sent the batch and deleted in the one that
-- applies its results; a restart finds the rows of its step's committed chunks and applies
-- those batches' results instead of reading and sending the records again.
CREATE TABLE sync_pending_push (
	id BIGINT AUTO_INCREMENT PRIMARY KEY,
	job_instance_id BIGINT NOT NULL,
	step_name VARCHAR(100) NOT NULL,
	batch VARCHAR(200) NOT NULL,
	batch_row INT NOT NULL,
	object_type VARCHAR(32) NOT NULL,
	crm_id BIGINT NOT NULL,
	field VARCHAR(100) NOT NULL,
	salesforce_id CHAR(18) NOT NULL,
	value VARCHAR(255) NULL,
	INDEX sync_pending_push_step_ix (job_instance_id, step_name, batch)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
