/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.crm;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One entry of the identity map: a CRM row and the Salesforce record it is synced with,
 * and the base of smart override (the values of its two-way fields both sides agreed on
 * last time).
 *
 * @param objectType the kind of record
 * @param crmId the CRM row's id
 * @param salesforceId the Salesforce record's 18-character id
 * @param base the agreed values by Salesforce field name (empty before the first merge)
 * @param lastJobExecutionId the execution that last merged the record
 * @param detached the CRM row was deleted: the pair is no longer synced, and the link
 * stays only so that the Salesforce record is not imported again
 * @param salesforceDigest the digest of the Salesforce record as this job last left it
 * agreeing with its CRM row, {@code null} when unknown (see {@link LinkDigests})
 * @param crmDigest the digest of the CRM row as this job last left it, {@code null} when
 * unknown
 */
public record SyncLink(ObjectType objectType, long crmId, String salesforceId, Map<String, String> base,
		Long lastJobExecutionId, boolean detached, String salesforceDigest, String crmDigest) {

	public SyncLink {
		// a null value is a field both sides agreed is blank: keep the key
		base = (base != null) ? Collections.unmodifiableMap(new LinkedHashMap<>(base)) : Map.of();
	}

	/**
	 * An attached link: the pair is synced.
	 * @param objectType the kind of record
	 * @param crmId the CRM row's id
	 * @param salesforceId the Salesforce record's id
	 * @param base the agreed values
	 * @param lastJobExecutionId the execution that last merged the record
	 */
	public SyncLink(ObjectType objectType, long crmId, String salesforceId, Map<String, String> base,
			Long lastJobExecutionId) {
		this(objectType, crmId, salesforceId, base, lastJobExecutionId, false);
	}

	/**
	 * A link whose sides' digests are unknown.
	 * @param objectType the kind of record
	 * @param crmId the CRM row's id
	 * @param salesforceId the Salesforce record's id
	 * @param base the agreed values
	 * @param lastJobExecutionId the execution that last merged the record
	 * @param detached the CRM row was deleted
	 */
	public SyncLink(ObjectType objectType, long crmId, String salesforceId, Map<String, String> base,
			Long lastJobExecutionId, boolean detached) {
		this(objectType, crmId, salesforceId, base, lastJobExecutionId, detached, null, null);
	}

}
