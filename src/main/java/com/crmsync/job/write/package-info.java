/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
/**
 * How each step's Salesforce saves go out: SOAP calls of 200 or the step's Bulk API jobs,
 * as {@link com.crmsync.job.read.ApiChoice#forWrites} decides per step, restart-safe
 * through the step's execution context ({@link com.crmsync.job.write.SalesforceWrites}).
 */
package com.crmsync.job.write;
