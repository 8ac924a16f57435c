/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
/**
 * The job {@code salesforceSyncJob}: {@code connect}, the object steps, {@code report}.
 * <p>
 * Every synced object is defined once, in its own package, as a
 * {@link com.crmsync.job.SyncedObject} (its names on both sides, match key, direction,
 * step) with an {@link com.crmsync.job.ObjectStep} bean that builds its step from one of
 * the shared shapes ({@code twoway}, {@code push}). {@link com.crmsync.job.SyncedObjects}
 * derives from those definitions the job's steps in their fixed order (pulls, two-way
 * merges, pushes), what the mapping file must map, the CRM tables the sync may touch and
 * the watermark keys. Nothing here names a particular object.
 * <p>
 * Beside the job: the run's window ({@link com.crmsync.job.SyncWindow}), the counts and
 * journal of each chunk ({@link com.crmsync.job.StepCounts},
 * {@link com.crmsync.job.ChunkReport}), the listeners every step carries (progress, API
 * calls), and launching and restarting on an Administrator's authority
 * ({@link com.crmsync.job.SyncRunner}).
 */
package com.crmsync.job;
