-- The Lead Gen & CRM tables the sync reads and writes (DESIGN.md §5).
-- Every syncable table keeps updated_at current on every change (ON UPDATE) and archives
-- rather than deletes (deleted_at), so incremental runs can find what changed.

CREATE TABLE crm_user (
	id BIGINT AUTO_INCREMENT PRIMARY KEY,
	email VARCHAR(254) NOT NULL,
	role VARCHAR(32) NOT NULL,
	updated_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
	deleted_at DATETIME(3) NULL,
	CONSTRAINT crm_user_email_uk UNIQUE (email),
	CONSTRAINT crm_user_role_ck CHECK (role IN ('ADMINISTRATOR', 'COMPANY_MANAGER', 'MARKETING_MANAGER',
		'SALES_MANAGER', 'SALESPERSON', 'JR_SALESPERSON'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE crm_settings (
	id BIGINT AUTO_INCREMENT PRIMARY KEY,
	name VARCHAR(100) NOT NULL,
	value VARCHAR(255) NULL,
	updated_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
	CONSTRAINT crm_settings_name_uk UNIQUE (name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

INSERT INTO crm_settings (name, value) VALUES
	('accounts_section_enabled', 'true'),
	('pipeline_section_enabled', 'true'),
	('reports_section_enabled', 'true');

CREATE TABLE crm_account (
	id BIGINT AUTO_INCREMENT PRIMARY KEY,
	name VARCHAR(255) NULL,
	website VARCHAR(255) NULL,
	industry VARCHAR(255) NULL,
	phone VARCHAR(40) NULL,
	billing_city VARCHAR(40) NULL,
	billing_country VARCHAR(80) NULL,
	updated_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
	deleted_at DATETIME(3) NULL,
	INDEX crm_account_updated_at_ix (updated_at, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE crm_contact (
	id BIGINT AUTO_INCREMENT PRIMARY KEY,
	first_name VARCHAR(40) NULL,
	last_name VARCHAR(80) NULL,
	email VARCHAR(254) NULL,
	phone VARCHAR(40) NULL,
	title VARCHAR(128) NULL,
	company_name VARCHAR(255) NULL,
	account_id BIGINT NULL,
	lead_score INT NULL,
	updated_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
	deleted_at DATETIME(3) NULL,
	CONSTRAINT crm_contact_account_fk FOREIGN KEY (account_id) REFERENCES crm_account (id),
	-- matching is by trimmed, case-insensitive e-mail: index exactly that key
	email_key VARCHAR(254) AS (LOWER(TRIM(email))) STORED,
	INDEX crm_contact_email_key_ix (email_key),
	INDEX crm_contact_updated_at_ix (updated_at, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE crm_lead (
	id BIGINT AUTO_INCREMENT PRIMARY KEY,
	first_name VARCHAR(40) NULL,
	last_name VARCHAR(80) NULL,
	email VARCHAR(254) NULL,
	phone VARCHAR(40) NULL,
	title VARCHAR(128) NULL,
	company_name VARCHAR(255) NULL,
	status VARCHAR(100) NULL,
	lead_score INT NULL,
	converted_contact_id BIGINT NULL,
	updated_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
	deleted_at DATETIME(3) NULL,
	CONSTRAINT crm_lead_converted_contact_fk FOREIGN KEY (converted_contact_id) REFERENCES crm_contact (id),
	email_key VARCHAR(254) AS (LOWER(TRIM(email))) STORED,
	INDEX crm_lead_email_key_ix (email_key),
	INDEX crm_lead_updated_at_ix (updated_at, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE crm_opportunity (
	id BIGINT AUTO_INCREMENT PRIMARY KEY,
	name VARCHAR(120) NULL,
	stage VARCHAR(255) NULL,
	amount DECIMAL(18, 2) NULL,
	close_date DATE NULL,
	account_id BIGINT NULL,
	updated_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
	deleted_at DATETIME(3) NULL,
	CONSTRAINT crm_opportunity_account_fk FOREIGN KEY (account_id) REFERENCES crm_account (id),
	INDEX crm_opportunity_updated_at_ix (updated_at, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE crm_membership (
	id BIGINT AUTO_INCREMENT PRIMARY KEY,
	contact_id BIGINT NOT NULL,
	kind VARCHAR(16) NOT NULL,
	ref_id BIGINT NOT NULL,
	name VARCHAR(255) NULL,
	updated_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
	deleted_at DATETIME(3) NULL,
	CONSTRAINT crm_membership_contact_fk FOREIGN KEY (contact_id) REFERENCES crm_contact (id),
	CONSTRAINT crm_membership_kind_ck CHECK (kind IN ('OPPORTUNITY', 'CAMPAIGN')),
	-- one membership per contact and referenced record: replays stay idempotent
	CONSTRAINT crm_membership_uk UNIQUE (contact_id, kind, ref_id),
	INDEX crm_membership_ref_ix (kind, ref_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE crm_campaign (
	id BIGINT AUTO_INCREMENT PRIMARY KEY,
	name VARCHAR(80) NULL,
	status VARCHAR(255) NULL,
	type VARCHAR(255) NULL,
	start_date DATE NULL,
	end_date DATE NULL,
	is_active BOOLEAN NULL,
	updated_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
	deleted_at DATETIME(3) NULL,
	name_key VARCHAR(80) AS (LOWER(TRIM(name))) STORED,
	INDEX crm_campaign_name_key_ix (name_key),
	INDEX crm_campaign_updated_at_ix (updated_at, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE crm_campaign_member (
	id BIGINT AUTO_INCREMENT PRIMARY KEY,
	campaign_id BIGINT NOT NULL,
	contact_id BIGINT NULL,
	lead_id BIGINT NULL,
	status VARCHAR(40) NULL,
	updated_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
	deleted_at DATETIME(3) NULL,
	CONSTRAINT crm_campaign_member_campaign_fk FOREIGN KEY (campaign_id) REFERENCES crm_campaign (id),
	CONSTRAINT crm_campaign_member_contact_fk FOREIGN KEY (contact_id) REFERENCES crm_contact (id),
	CONSTRAINT crm_campaign_member_lead_fk FOREIGN KEY (lead_id) REFERENCES crm_lead (id),
	CONSTRAINT crm_campaign_member_contact_uk UNIQUE (campaign_id, contact_id),
	CONSTRAINT crm_campaign_member_lead_uk UNIQUE (campaign_id, lead_id),
	INDEX crm_campaign_member_updated_at_ix (updated_at, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE crm_custom_field (
	id BIGINT AUTO_INCREMENT PRIMARY KEY,
	object_type VARCHAR(16) NOT NULL,
	label VARCHAR(255) NOT NULL,
	system_name VARCHAR(100) NOT NULL,
	data_type VARCHAR(32) NOT NULL,
	salesforce_field VARCHAR(100) NULL,
	updated_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
	deleted_at DATETIME(3) NULL,
	CONSTRAINT crm_custom_field_object_type_ck CHECK (object_type IN ('LEAD', 'CONTACT')),
	CONSTRAINT crm_custom_field_uk UNIQUE (object_type, system_name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE crm_custom_field_value (
	id BIGINT AUTO_INCREMENT PRIMARY KEY,
	field_id BIGINT NOT NULL,
	record_id BIGINT NOT NULL,
	value TEXT NULL,
	updated_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
	deleted_at DATETIME(3) NULL,
	CONSTRAINT crm_custom_field_value_field_fk FOREIGN KEY (field_id) REFERENCES crm_custom_field (id),
	CONSTRAINT crm_custom_field_value_uk UNIQUE (field_id, record_id),
	INDEX crm_custom_field_value_record_ix (record_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE crm_event (
	id BIGINT AUTO_INCREMENT PRIMARY KEY,
	contact_id BIGINT NULL,
	lead_id BIGINT NULL,
	event_type VARCHAR(100) NOT NULL,
	occurred_at DATETIME(3) NOT NULL,
	description TEXT NULL,
	updated_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
	deleted_at DATETIME(3) NULL,
	CONSTRAINT crm_event_contact_fk FOREIGN KEY (contact_id) REFERENCES crm_contact (id),
	CONSTRAINT crm_event_lead_fk FOREIGN KEY (lead_id) REFERENCES crm_lead (id),
	INDEX crm_event_updated_at_ix (updated_at, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
