-- Journal rows carry the run they belong to: the run's first execution, the same for the run
-- and its restarts (sync.window.runId in the job's execution context). The journal is
-- unique per run, not per execution, so a chunk replayed by a restart journals nothing twice,
-- and the report of a restarted execution shows the whole run. job_execution_id stays: the
-- execution that recorded the row.
ALTER TABLE sync_error ADD COLUMN run_id BIGINT NULL AFTER job_execution_id;
ALTER TABLE sync_conflict ADD COLUMN run_id BIGINT NULL AFTER job_execution_id;
ALTER TABLE sync_change ADD COLUMN run_id BIGINT NULL AFTER job_execution_id;

CREATE TEMPORARY TABLE journal_run AS
	SELECT e.JOB_EXECUTION_ID AS execution_id, f.first_id AS run_id
	FROM BATCH_JOB_EXECUTION e
	JOIN (SELECT JOB_INSTANCE_ID, MIN(JOB_EXECUTION_ID) AS first_id FROM BATCH_JOB_EXECUTION
		GROUP BY JOB_INSTANCE_ID) f ON f.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID;

UPDATE sync_error j JOIN journal_run r ON r.execution_id = j.job_execution_id SET j.run_id = r.run_id;
UPDATE sync_conflict j JOIN journal_run r ON r.execution_id = j.job_execution_id SET j.run_id = r.run_id;
UPDATE sync_change j JOIN journal_run r ON r.execution_id = j.job_execution_id SET j.run_id = r.run_id;
UPDATE sync_error SET run_id = job_execution_id WHERE run_id IS NULL;
UPDATE sync_conflict SET run_id = job_execution_id WHERE run_id IS NULL;
UPDATE sync_change SET run_id = job_execution_id WHERE run_id IS NULL;
DROP TEMPORARY TABLE journal_run;

-- rows a restart recorded again before this version: the first one stays
DELETE later FROM sync_error later JOIN sync_error earlier ON earlier.run_id = later.run_id
	AND earlier.step = later.step AND earlier.record_key = later.record_key AND earlier.id < later.id;
DELETE later FROM sync_conflict later JOIN sync_conflict earlier ON earlier.run_id = later.run_id
	AND earlier.object_type = later.object_type AND earlier.crm_id = later.crm_id AND earlier.field = later.field
	AND earlier.id < later.id;
DELETE later FROM sync_change later JOIN sync_change earlier ON earlier.run_id = later.run_id
	AND earlier.step = later.step AND earlier.record_key = later.record_key AND earlier.target = later.target
	AND earlier.field = later.field AND earlier.id < later.id;

ALTER TABLE sync_error MODIFY run_id BIGINT NOT NULL, DROP INDEX sync_error_uk,
	ADD CONSTRAINT sync_error_uk UNIQUE (run_id, step, record_key);
ALTER TABLE sync_conflict MODIFY run_id BIGINT NOT NULL, DROP INDEX sync_conflict_uk,
	ADD CONSTRAINT sync_conflict_uk UNIQUE (run_id, object_type, crm_id, field);
ALTER TABLE sync_change MODIFY run_id BIGINT NOT NULL, DROP INDEX sync_change_uk,
	ADD CONSTRAINT sync_change_uk UNIQUE (run_id, step, record_key, target, field);
