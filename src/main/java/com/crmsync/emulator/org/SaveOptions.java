/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.emulator.org;

/**
 * Options of one write call, from the SOAP headers that change how records are saved.
 *
 * @param allowFieldTruncation {@code AllowFieldTruncationHeader}: text longer than its
 * field is cut to the field's length instead of failing with {@code STRING_TOO_LONG}
 */
public record SaveOptions(boolean allowFieldTruncation) {

	/** Salesforce's defaults: over-long text is an error. */
	public static final SaveOptions DEFAULT = new SaveOptions(false);

}
