/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.mapping;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The object types the sync knows (DESIGN.md §1), with what the product supports for
 * each: its Salesforce object, its CRM table, the widest direction it may be synced in,
 * and whether CRM custom fields ride along with it.
 */
public enum SyncObject {

	/**
	 * Salesforce {@code Account} (business accounts only), pulled into
	 * {@code crm_account}.
	 */
	ACCOUNT("account", "Account", "crm_account", Direction.PULL, false),

	/** Salesforce {@code Opportunity}, pulled into {@code crm_opportunity}. */
	OPPORTUNITY("opportunity", "Opportunity", "crm_opportunity", Direction.PULL, false),

	/** Salesforce {@code Lead} and {@code crm_lead}, two-way, with custom fields. */
	LEAD("lead", "Lead", "crm_lead", Direction.TWO_WAY, true),

	/**
	 * Salesforce {@code Contact} and {@code crm_contact}, two-way, with custom fields.
	 */
	CONTACT("contact", "Contact", "crm_contact", Direction.TWO_WAY, true),

	/** Salesforce {@code Campaign} and {@code crm_campaign}, two-way. */
	CAMPAIGN("campaign", "Campaign", "crm_campaign", Direction.TWO_WAY, false);

	private final String key;

	private final String salesforceObject;

	private final String crmTable;

	private final Direction supportedDirection;

	private final boolean customFields;

	SyncObject(String key, String salesforceObject, String crmTable, Direction supportedDirection,
			boolean customFields) {
		this.key = key;
		this.salesforceObject = salesforceObject;
		this.crmTable = crmTable;
		this.supportedDirection = supportedDirection;
		this.customFields = customFields;
	}

	/**
	 * The key of this object in the mapping file.
	 * @return e.g. {@code lead}
	 */
	public String key() {
		return this.key;
	}

	/**
	 * The Salesforce object the sync reads and writes for this type.
	 * @return e.g. {@code Lead}
	 */
	public String salesforceObject() {
		return this.salesforceObject;
	}

	/**
	 * The CRM table the sync reads and writes for this type.
	 * @return e.g. {@code crm_lead}
	 */
	public String crmTable() {
		return this.crmTable;
	}

	/**
	 * The widest direction the product supports for this type: a mapping may narrow it (a
	 * two-way object may be set to pull) but never widen it (accounts never push).
	 * @return the supported direction
	 */
	public Direction supportedDirection() {
		return this.supportedDirection;
	}

	/**
	 * Whether CRM custom fields with a {@code salesforce_field} are synced with this
	 * type.
	 * @return {@code true} for leads and contacts
	 */
	public boolean hasCustomFields() {
		return this.customFields;
	}

	/**
	 * The object with that mapping-file key.
	 * @param key e.g. {@code lead}
	 * @return the object, empty when the key is none of ours
	 */
	public static Optional<SyncObject> fromKey(String key) {
		return Arrays.stream(values()).filter((object) -> object.key.equals(key)).findFirst();
	}

	/**
	 * The mapping-file keys of all objects, for error messages.
	 * @return {@code account, opportunity, lead, contact, campaign}
	 */
	public static String keys() {
		return Arrays.stream(values()).map(SyncObject::key).collect(Collectors.joining(", "));
	}

}
