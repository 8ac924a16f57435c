/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.mapping;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An object as the mapping file knows it (DESIGN.md §1): its key under {@code objects:},
 * its Salesforce object, its CRM table, the widest direction it may be synced in, and
 * whether CRM custom fields and the lead score ride along with it. Instances come from
 * the objects' definitions (each object's package); the mapping file must map every one
 * of them.
 *
 * @param key the key of the object in the mapping file, e.g. {@code lead}
 * @param salesforceObject the Salesforce object the sync reads and writes, e.g.
 * {@code Lead}
 * @param crmTable the CRM table the sync reads and writes, e.g. {@code crm_lead}
 * @param supportedDirection the widest direction the product supports: a mapping may
 * narrow it (a two-way object set to pull) but never widen it (accounts never push)
 * @param customFieldType the {@code crm_custom_field.object_type} of the CRM custom
 * fields synced with the object ({@code LEAD}, {@code CONTACT}), or {@code null} when
 * custom fields are not synced with it
 * @param leadScore whether the score step pushes the CRM's lead score to the object (so
 * no mapping of the object may sync the score field itself)
 */
public record MappedObject(String key, String salesforceObject, String crmTable, Direction supportedDirection,
		String customFieldType, boolean leadScore) {

	private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9-]*");

	public MappedObject {
		Objects.requireNonNull(key, "key");
		Objects.requireNonNull(salesforceObject, "salesforceObject");
		Objects.requireNonNull(crmTable, "crmTable");
		Objects.requireNonNull(supportedDirection, "supportedDirection");
		if (!KEY.matcher(key).matches()) {
			throw new IllegalArgumentException("Not an object key (lower case, digits, -): " + key);
		}
	}

	/**
	 * Whether CRM custom fields with a {@code salesforce_field} are synced with this
	 * object.
	 * @return {@code true} for leads and contacts
	 */
	public boolean hasCustomFields() {
		return this.customFieldType != null;
	}

}
