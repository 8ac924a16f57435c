/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.crm;

/**
 * A reference from a synced CRM row to a Salesforce record of another object, resolved
 * into CRM data once that record is linked.
 *
 * @param objectType the referring row's type
 * @param crmId the referring row
 * @param kind what the reference means
 * @param targetSalesforceId the Salesforce record referred to
 * @param name a name to show with it (e.g. the opportunity's name)
 * @param status the campaign member's status, for {@link Kind#CAMPAIGN_CONTACT} and
 * {@link Kind#CAMPAIGN_LEAD}; {@code null} otherwise
 */
public record SyncReference(ObjectType objectType, long crmId, Kind kind, String targetSalesforceId, String name,
		String status) {

	/**
	 * A reference without a status.
	 * @param objectType the referring row's type
	 * @param crmId the referring row
	 * @param kind what the reference means
	 * @param targetSalesforceId the Salesforce record referred to
	 * @param name a name to show with it
	 */
	public SyncReference(ObjectType objectType, long crmId, Kind kind, String targetSalesforceId, String name) {
		this(objectType, crmId, kind, targetSalesforceId, name, null);
	}

	/** What a reference means, and so how it is resolved. */
	public enum Kind {

		/** A converted lead's contact: {@code crm_lead.converted_contact_id}. */
		CONVERTED_CONTACT("CONTACT"),

		/**
		 * An opportunity contact role: an {@code OPPORTUNITY} membership of the contact.
		 */
		OPPORTUNITY_CONTACT("CONTACT"),

		/**
		 * A campaign member contact: a {@code CAMPAIGN} membership and a campaign member
		 * row.
		 */
		CAMPAIGN_CONTACT("CONTACT"),

		/** A campaign member lead: a campaign member row. */
		CAMPAIGN_LEAD("LEAD");

		private final ObjectType target;

		Kind(String target) {
			this.target = ObjectType.of(target);
		}

		/**
		 * The type of the records references of this kind point at, whose link resolves
		 * them.
		 * @return e.g. {@code CONTACT}
		 */
		public ObjectType target() {
			return this.target;
		}

	}

}
