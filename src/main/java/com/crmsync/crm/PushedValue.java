/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.crm;

/**
 * The last value of one field pushed for one linked CRM row.
 *
 * @param type the kind of record
 * @param crmId the CRM row
 * @param field the Salesforce field
 * @param salesforceId the record the value went to
 * @param value the value in canonical form, or {@code null} when there was nothing to
 * push
 */
public record PushedValue(ObjectType type, long crmId, String field, String salesforceId, String value) {

	/**
	 * Whether this value went to the given record and was the given value.
	 * @param salesforceId the record now linked
	 * @param value the canonical value now
	 * @return {@code true} when pushing again would change nothing
	 */
	public boolean isSame(String salesforceId, String value) {
		return this.salesforceId.equals(salesforceId)
				&& ((this.value == null) ? value == null : this.value.equals(value));
	}

}
