/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.crm;

import java.util.Locale;

/**
 * The links a dry run would make, kept in the identity map as planned links so that its
 * later steps see what the real run's later steps will see: a campaign member of a
 * campaign the run would create, the score and events of a lead it would create in
 * Salesforce or match for the first time. A planned link never replaces or moves a real
 * one, and belongs to one run (its job instance): it is removed when that run finishes
 * and before any other run starts (see {@code V14__dry_run_planned_links.sql}); the
 * identity map's repository writes and removes them ({@link SyncLinkRepository#plan}).
 * <p>
 * A record the dry run would create has no id yet on the side it would be created on; its
 * planned link holds a placeholder: a Salesforce id starting {@value #SALESFORCE_PREFIX},
 * which no Salesforce id does (so it is never sent to the org), or a negative CRM id,
 * which no CRM row has.
 */
public final class PlannedLinks {

	/** How a placeholder Salesforce id starts. */
	static final String SALESFORCE_PREFIX = "DRYRUN";

	private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

	private PlannedLinks() {
	}

	/**
	 * The placeholder Salesforce id of a CRM row the dry run would create in Salesforce.
	 * @param crmId the CRM row's id
	 * @return an 18-character id no Salesforce record has
	 */
	public static String salesforcePlaceholder(long crmId) {
		return SALESFORCE_PREFIX + String.format(Locale.ROOT, "%012d", crmId);
	}

	/**
	 * Whether an id is a placeholder: a record that exists only in a dry run's plan.
	 * @param salesforceId a Salesforce id, or {@code null}
	 * @return {@code true} for a placeholder
	 */
	public static boolean isPlaceholder(String salesforceId) {
		return salesforceId != null && salesforceId.startsWith(SALESFORCE_PREFIX);
	}

	/**
	 * The placeholder CRM id of a Salesforce record the dry run would create in the CRM:
	 * negative, and different for every record of one object type (the record-unique part
	 * of its id, the last ten of its first fifteen characters, read as a base-62 number,
	 * fits a long).
	 * @param salesforceId the Salesforce record's id
	 * @return a negative id no CRM row has
	 */
	public static long crmPlaceholder(String salesforceId) {
		long value = 0;
		for (char digit : salesforceId.substring(5, 15).toCharArray()) {
			value = value * 62 + BASE62.indexOf(digit);
		}
		return -1 - value;
	}

}
