/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.emulator.org;

import java.util.List;

/**
 * A lead conversion request, as {@code convertLead}'s {@code LeadConvert} carries it.
 *
 * @param leadId the lead to convert
 * @param convertedStatus the lead status to set; must be a converted status
 * @param accountId an existing account to attach to, or {@code null} to create one named
 * after the lead's company
 * @param contactId an existing contact to merge the lead into, or {@code null} to create
 * one
 * @param doNotCreateOpportunity {@code true} to create no opportunity
 * @param opportunityName the new opportunity's name, or {@code null} for the default
 */
public record LeadConversion(String leadId, String convertedStatus, String accountId, String contactId,
		boolean doNotCreateOpportunity, String opportunityName) {

	/**
	 * The outcome of a conversion, as a {@code LeadConvertResult}.
	 *
	 * @param leadId the lead
	 * @param accountId the account the lead was converted to
	 * @param contactId the contact
	 * @param opportunityId the new opportunity, or {@code null}
	 * @param errors the errors; empty on success
	 */
	public record Result(String leadId, String accountId, String contactId, String opportunityId,
			List<RecordError> errors) {

		public Result {
			errors = List.copyOf(errors);
		}

		public boolean success() {
			return this.errors.isEmpty();
		}

		static Result failed(String leadId, RecordError error) {
			return new Result(leadId, null, null, null, List.of(error));
		}

	}

}
