-- Pulled accounts are matched to CRM accounts by trimmed, case-insensitive name before one
-- is created (as campaigns are): index exactly that key.

ALTER TABLE crm_account
	ADD COLUMN name_key VARCHAR(255) AS (LOWER(TRIM(name))) STORED,
	ADD INDEX crm_account_name_key_ix (name_key);
