/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
/**
 * Where the CRM database comes from: the configured one, or an embedded MariaDB for the
 * demo and the tests.
 */
package com.crmsync.db;
