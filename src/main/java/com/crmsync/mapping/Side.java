/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.mapping;

/**
 * One of the two systems the sync keeps in step.
 */
public enum Side {

	/** The CRM database. */
	CRM,

	/** The Salesforce org. */
	SALESFORCE

}
