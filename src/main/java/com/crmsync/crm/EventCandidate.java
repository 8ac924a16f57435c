/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.crm;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A live CRM event that may need pushing, with the Salesforce records of the people it
 * belongs to and what was pushed for it last time.
 *
 * @param eventId the {@code crm_event} id
 * @param columns the event's mapped columns by name, as JDBC returns them
 * @param hasPerson whether the event names a lead or a contact at all
 * @param contactSalesforceId the Contact linked to the event's contact, or {@code null}
 * @param leadSalesforceId the Lead linked to the event's lead, or {@code null}
 * @param leadConverted whether the event's lead was converted into a contact
 * @param convertedContactSalesforceId the Contact linked to the contact the lead became,
 * or {@code null}
 * @param link the event's link to its Task (the fields pushed last as its base), or
 * {@code null} before the first push
 */
public record EventCandidate(long eventId, Map<String, Object> columns, boolean hasPerson, String contactSalesforceId,
		String leadSalesforceId, boolean leadConverted, String convertedContactSalesforceId, SyncLink link) {

	public EventCandidate {
		columns = Collections.unmodifiableMap(new LinkedHashMap<>(columns));
	}

	/**
	 * The Salesforce person the Task belongs to: the linked contact; else, for a lead,
	 * the linked contact it was converted into (Salesforce moves a converted lead's
	 * activities there), or the linked lead.
	 * @return the Contact or Lead id, or {@code null} while nobody is linked
	 */
	public String whoId() {
		if (this.contactSalesforceId != null) {
			return this.contactSalesforceId;
		}
		return this.leadConverted ? this.convertedContactSalesforceId : this.leadSalesforceId;
	}

	/**
	 * The Task this event was pushed to.
	 * @return the Task id, or {@code null} before the first push
	 */
	public String taskId() {
		return (this.link != null) ? this.link.salesforceId() : null;
	}

}
