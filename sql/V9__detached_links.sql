-- A CRM delete never deletes in Salesforce: the link stays as a tombstone (detached), so the
-- Salesforce record is not imported again as a new CRM row; restoring the CRM row re-attaches it.
ALTER TABLE sync_link ADD COLUMN detached_at DATETIME(3) NULL;
