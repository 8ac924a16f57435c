/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.report;

import com.crmsync.crm.SyncError;
import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * A record the run did not sync, as the report tells it: the journal's row, and what lets
 * an operator find the record and judge the error — its name and e-mail, a link to it in
 * Salesforce, and, for a record that failed before, the run it first failed in.
 *
 * @param error the journal's row (step, ids, status code, message, fields, skip)
 * @param name the record's name in the CRM, or {@code null}
 * @param email its e-mail in the CRM, or {@code null}
 * @param salesforceUrl where it opens in Salesforce, or {@code null} when it has no
 * Salesforce record or the org's address is unknown
 * @param firstFailedIn the first earlier execution that recorded an error for the same
 * record in the same step, or {@code null} when it fails for the first time
 */
public record ReportedError(@JsonUnwrapped SyncError error, String name, String email, String salesforceUrl,
		Long firstFailedIn) {

	/**
	 * A journal row with nothing added.
	 * @param error the row
	 * @return the error
	 */
	static ReportedError of(SyncError error) {
		return new ReportedError(error, null, null, null, null);
	}

	/**
	 * Whether the record was skipped by design rather than rejected.
	 * @return {@code true} for a skip
	 */
	public boolean skip() {
		return this.error.skip();
	}

	/**
	 * Whether the record failed in an earlier run too.
	 * @return {@code true} when it recurs
	 */
	public boolean recurring() {
		return this.firstFailedIn != null;
	}

	/**
	 * The record's CRM id and Salesforce id, the ones the journal lacks filled in from
	 * the identity map.
	 * @return e.g. {@code crm 12 / sf 00Q...}
	 */
	String ids() {
		return "crm " + ((this.error.crmId() != null) ? this.error.crmId() : "-") + " / sf "
				+ ((this.error.salesforceId() != null) ? this.error.salesforceId() : "-");
	}

}
