-- The sync's own tables: identity map, merge bases, watermarks, the pinned org, and what each
-- run reports (rejected records, conflicts, planned changes of a dry run).

-- CRM id <-> Salesforce id per object type. base_values holds, as a JSON object keyed by
-- Salesforce field name, the value of every two-way field both sides agreed on at the last
-- successful sync of this record (the "base" of smart override).
CREATE TABLE sync_link (
	id BIGINT AUTO_INCREMENT PRIMARY KEY,
	object_type VARCHAR(32) NOT NULL,
	crm_id BIGINT NOT NULL,
	salesforce_id CHAR(18) NOT NULL,
	base_values LONGTEXT NULL,
	-- CRM updated_at and Salesforce SystemModstamp as of the last write of either side
	crm_synced_at DATETIME(3) NULL,
	salesforce_synced_at DATETIME(3) NULL,
	-- the execution that last merged this record: a step's second pass skips what its first did
	last_job_execution_id BIGINT NULL,
	created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	updated_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
	CONSTRAINT sync_link_crm_uk UNIQUE (object_type, crm_id),
	CONSTRAINT sync_link_salesforce_uk UNIQUE (object_type, salesforce_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- References from one synced record to a Salesforce record of another object, resolved into CRM
-- rows once the target is linked (perhaps later in the same run): a converted lead's contact,
-- an opportunity's contact roles, campaign members.
CREATE TABLE sync_reference (
	id BIGINT AUTO_INCREMENT PRIMARY KEY,
	object_type VARCHAR(32) NOT NULL,
	crm_id BIGINT NOT NULL,
	kind VARCHAR(32) NOT NULL,
	target_salesforce_id CHAR(18) NOT NULL,
	name VARCHAR(255) NULL,
	resolved_at DATETIME(3) NULL,
	updated_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
	CONSTRAINT sync_reference_uk UNIQUE (object_type, crm_id, kind, target_salesforce_id),
	INDEX sync_reference_pending_ix (kind, resolved_at, target_salesforce_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- Upper watermark of the last successful run per object type; the next incremental run reads
-- what changed at or after it (minus a look-back).
CREATE TABLE sync_watermark (
	id BIGINT AUTO_INCREMENT PRIMARY KEY,
	object_type VARCHAR(32) NOT NULL,
	salesforce_watermark DATETIME(3) NULL,
	crm_watermark DATETIME(3) NULL,
	job_execution_id BIGINT NULL,
	updated_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
	CONSTRAINT sync_watermark_uk UNIQUE (object_type)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- The one Salesforce org this CRM is connected to, pinned at the first connect.
CREATE TABLE sync_org (
	id BIGINT AUTO_INCREMENT PRIMARY KEY,
	singleton CHAR(1) NOT NULL DEFAULT 'X',
	org_id CHAR(18) NOT NULL,
	login_url VARCHAR(512) NULL,
	pinned_by VARCHAR(254) NULL,
	pinned_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	CONSTRAINT sync_org_singleton_uk UNIQUE (singleton)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- Records a step could not sync (kind ERROR: Salesforce's status code and message) or did not
-- sync by design (kind SKIP: e.g. person accounts, CRM deletes). record_key makes a replayed
-- chunk idempotent (one row per execution, step and record).
CREATE TABLE sync_error (
	id BIGINT AUTO_INCREMENT PRIMARY KEY,
	job_execution_id BIGINT NOT NULL,
	kind VARCHAR(8) NOT NULL DEFAULT 'ERROR',
	step VARCHAR(100) NOT NULL,
	object_type VARCHAR(32) NOT NULL,
	record_key VARCHAR(64) NOT NULL,
	crm_id BIGINT NULL,
	salesforce_id CHAR(18) NULL,
	status_code VARCHAR(64) NOT NULL,
	message TEXT NULL,
	fields VARCHAR(1000) NULL,
	created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	CONSTRAINT sync_error_uk UNIQUE (job_execution_id, step, record_key),
	INDEX sync_error_execution_ix (job_execution_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- True conflicts of two-way fields: both values and the side that won.
CREATE TABLE sync_conflict (
	id BIGINT AUTO_INCREMENT PRIMARY KEY,
	job_execution_id BIGINT NOT NULL,
	step VARCHAR(100) NOT NULL,
	object_type VARCHAR(32) NOT NULL,
	crm_id BIGINT NOT NULL,
	salesforce_id CHAR(18) NOT NULL,
	field VARCHAR(100) NOT NULL,
	crm_value TEXT NULL,
	salesforce_value TEXT NULL,
	winner VARCHAR(16) NOT NULL,
	created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	CONSTRAINT sync_conflict_uk UNIQUE (job_execution_id, object_type, crm_id, field),
	INDEX sync_conflict_execution_ix (job_execution_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- Every change a run planned, field by field: what a dry run reports instead of writing.
CREATE TABLE sync_change (
	id BIGINT AUTO_INCREMENT PRIMARY KEY,
	job_execution_id BIGINT NOT NULL,
	step VARCHAR(100) NOT NULL,
	object_type VARCHAR(32) NOT NULL,
	record_key VARCHAR(64) NOT NULL,
	crm_id BIGINT NULL,
	salesforce_id CHAR(18) NULL,
	target VARCHAR(16) NOT NULL,
	operation VARCHAR(16) NOT NULL,
	field VARCHAR(100) NOT NULL,
	old_value TEXT NULL,
	new_value TEXT NULL,
	CONSTRAINT sync_change_uk UNIQUE (job_execution_id, step, record_key, target, field),
	INDEX sync_change_execution_ix (job_execution_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
