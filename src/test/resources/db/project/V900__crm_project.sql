-- A test-only synced object (see com.crmsync.project): its CRM table, as a migration of a
-- real object would create it. Matched by trimmed, case-insensitive name.

CREATE TABLE crm_project (
	id BIGINT AUTO_INCREMENT PRIMARY KEY,
	name VARCHAR(80) NULL,
	status VARCHAR(40) NULL,
	updated_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
	deleted_at DATETIME(3) NULL,
	name_key VARCHAR(80) AS (LOWER(TRIM(name))) STORED,
	INDEX crm_project_name_key_ix (name_key),
	INDEX crm_project_updated_at_ix (updated_at, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
