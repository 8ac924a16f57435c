/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
/**
 * The one restartable reader of every object step:
 * {@link com.crmsync.job.read.KeysetItemReader} reads one or more
 * {@link com.crmsync.job.read.KeysetPass}es in turn (a Salesforce query in Id order, a
 * CRM table in id order), a page at a time, and saves with each chunk the pass it is in
 * and the key of the last item returned, so a restart resumes after the last committed
 * chunk.
 */
package com.crmsync.job.read;
