-- A run's report marks an error that recurs with the run the record first failed in: that
-- look-up goes by record, across executions.
CREATE INDEX sync_error_record_ix ON sync_error (record_key, job_execution_id);
