-- A dry run writes nothing to either side, yet its later steps (campaign members, score and
-- event pushes) must count what the real run will do, and the real run's later steps see the
-- links its earlier steps made. So a dry run records the links its creates and first matches
-- would make as planned links: planned_by names the run (job instance) that planned them.
-- They are removed when that run finishes and before any other run starts; a real run never
-- reads one. A planned create has a placeholder id on the side it would be created on
-- (PlannedLinks in the code).
ALTER TABLE sync_link ADD COLUMN planned_by BIGINT NULL;
CREATE INDEX sync_link_planned_ix ON sync_link (planned_by);
