-- The org the sync's own data belongs to: the identity map (sync_link) with its merge bases,
-- the references (sync_reference), the watermarks (sync_watermark) and what was pushed
-- (sync_pushed_value) name records of one Salesforce org. sync_org is the pinned connection and
-- goes with disconnect; this row stays, so that a run against another org is refused instead of
-- reading that org's records through the old org's links. Only `reset-org` removes it, with
-- the data it owns.
CREATE TABLE sync_data_org (
	id BIGINT AUTO_INCREMENT PRIMARY KEY,
	singleton CHAR(1) NOT NULL DEFAULT 'X',
	org_id CHAR(18) NOT NULL,
	recorded_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	CONSTRAINT sync_data_org_singleton_uk UNIQUE (singleton)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- a connected CRM's data belongs to its pinned org
INSERT INTO sync_data_org (singleton, org_id) SELECT 'X', org_id FROM sync_org;
