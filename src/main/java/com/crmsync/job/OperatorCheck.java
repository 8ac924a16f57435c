/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.job;

import com.crmsync.crm.OrgConnectionRepository;

import org.springframework.stereotype.Component;

/**
 * Only a CRM Administrator may connect or disconnect the org, change mappings, or launch
 * and restart the job: anyone else is refused before anything changes.
 */
@Component
public class OperatorCheck {

	private final SyncProperties properties;

	private final OrgConnectionRepository orgConnection;

	public OperatorCheck(SyncProperties properties, OrgConnectionRepository orgConnection) {
		this.properties = properties;
		this.orgConnection = orgConnection;
	}

	/**
	 * The configured operator, if an Administrator.
	 * @param action what the operator wants to do, for the refusal's message
	 * @return the operator's e-mail
	 * @throws RefusedException for anyone else
	 */
	public String requireAdministrator(String action) {
		String operator = this.properties.operator();
		if (operator == null || operator.isBlank()) {
			throw new RefusedException("Refused to " + action + ": sync.operator is not set (the e-mail of a CRM "
					+ "Administrator on whose authority the sync runs)");
		}
		String role = this.orgConnection.roleOf(operator)
			.orElseThrow(() -> new RefusedException(
					"Refused to " + action + ": " + operator + " is not a CRM user (sync.operator)"));
		if (!"ADMINISTRATOR".equals(role)) {
			throw new RefusedException(
					"Refused to " + action + ": " + operator + " is a " + role + ", only an ADMINISTRATOR may do that");
		}
		return operator;
	}

}
