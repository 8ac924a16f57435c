/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
/**
 * The operator's command line: parses arguments before anything starts, then runs each
 * command on a migrated database.
 */
package com.crmsync.cli;
