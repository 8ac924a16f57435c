/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.job.twoway;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import com.crmsync.crm.CrmRow;
import com.crmsync.crm.SyncLink;
import com.crmsync.salesforce.SalesforceRecord;

/**
 * One record as the reader found it on both sides: the Salesforce record, the CRM row
 * (linked or matched), and the link with its merge base. Either side may be missing.
 *
 * @param salesforce the Salesforce record, or {@code null} when there is none (yet)
 * @param crm the CRM row with its custom field values merged into its values, or
 * {@code null}
 * @param link the identity map entry, or {@code null} when not linked
 * @param missingInSalesforce the link points at a record Salesforce no longer has at all
 * @param derivedCrmValues pull-only CRM column values the reader looked up (e.g. a
 * contact's {@code account_id} from its account's link); {@code null} clears the column
 */
public record MergeCandidate(SalesforceRecord salesforce, CrmRow crm, SyncLink link, boolean missingInSalesforce,
		Map<String, Object> derivedCrmValues) {

	public MergeCandidate {
		// a null value clears the column (a link that vanished)
		derivedCrmValues = (derivedCrmValues != null)
				? Collections.unmodifiableMap(new LinkedHashMap<>(derivedCrmValues)) : Map.of();
	}

	/**
	 * The Salesforce id, from the record or the link.
	 * @return the id or {@code null}
	 */
	public String salesforceId() {
		if (this.salesforce != null) {
			return this.salesforce.id();
		}
		return (this.link != null) ? this.link.salesforceId() : null;
	}

	/**
	 * The CRM id, from the row or the link.
	 * @return the id or {@code null}
	 */
	public Long crmId() {
		if (this.crm != null) {
			return this.crm.id();
		}
		return (this.link != null) ? this.link.crmId() : null;
	}

}
