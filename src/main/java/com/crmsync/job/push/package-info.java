/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
/**
 * The shape of the steps of pushed objects (CRM → Salesforce): the keyset reader over a
 * {@link com.crmsync.job.push.PushTarget}'s passes, the object's pure processor, and a
 * shared writer that sends, journals, counts and plans the
 * {@link com.crmsync.job.push.PushDecision}s the same way for every target.
 */
package com.crmsync.job.push;
