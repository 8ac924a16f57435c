-- The incremental pushes find the rows whose link changed in the window through
-- sync_link_changed_ix (V12). Without crm_id in it, every entry it found cost a look-up of
-- the link row itself (with its base JSON, most of the table's size): at 1,000,000 records,
-- 300 ms of each such query went there, one disk page per link. With crm_id in the index,
-- the index alone answers (issue 15).
ALTER TABLE sync_link DROP INDEX sync_link_changed_ix, ADD INDEX sync_link_changed_ix (object_type, updated_at, crm_id);
