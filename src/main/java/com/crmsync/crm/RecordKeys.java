/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.crm;

/**
 * One text key per synced record, for the unique constraints that keep replays
 * idempotent.
 */
public final class RecordKeys {

	private RecordKeys() {
	}

	/**
	 * The key of a record known by its CRM id, Salesforce id, or both.
	 * @param type the kind of record
	 * @param crmId the CRM id or {@code null}
	 * @param salesforceId the Salesforce id or {@code null}
	 * @return the key
	 */
	public static String of(ObjectType type, Long crmId, String salesforceId) {
		return type.name() + ":" + ((crmId != null) ? "crm" + crmId : "sf" + salesforceId);
	}

}
