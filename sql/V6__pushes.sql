-- What the push steps last sent to Salesforce, so that a value is pushed only when it
-- changed since (pushLeadScores). Events keep theirs in sync_link (object type EVENT:
-- crm_event id -> Task id, base_values = the Task fields pushed).

-- The last value of one field pushed for one linked CRM row: value is in canonical form,
-- NULL when the row had nothing to push (a blank score never clears Salesforce's).
-- salesforce_id is the record it went to: a row linked to another record is pushed again.
CREATE TABLE sync_pushed_value (
	id BIGINT AUTO_INCREMENT PRIMARY KEY,
	object_type VARCHAR(32) NOT NULL,
	crm_id BIGINT NOT NULL,
	field VARCHAR(100) NOT NULL,
	salesforce_id CHAR(18) NOT NULL,
	value VARCHAR(255) NULL,
	job_execution_id BIGINT NULL,
	updated_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
	CONSTRAINT sync_pushed_value_uk UNIQUE (object_type, crm_id, field)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
