/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.job;

import java.util.Optional;

import com.crmsync.crm.OrgConnectionRepository;
import com.crmsync.salesforce.SalesforceClient;
import com.crmsync.salesforce.SalesforceProperties;

import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Connects the CRM to its one Salesforce org, and disconnects it: only an Administrator
 * may, a different org than the pinned one is refused, and the mappings must fit the
 * org's schema.
 */
@Component
public class OrgConnector {

	private final OperatorCheck operatorCheck;

	private final SalesforceClient salesforce;

	private final SalesforceProperties salesforceProperties;

	private final OrgConnectionRepository orgConnection;

	private final MappingsProvider mappings;

	public OrgConnector(OperatorCheck operatorCheck, @Lazy SalesforceClient salesforce,
			SalesforceProperties salesforceProperties, OrgConnectionRepository orgConnection,
			MappingsProvider mappings) {
		this.operatorCheck = operatorCheck;
		this.salesforce = salesforce;
		this.salesforceProperties = salesforceProperties;
		this.orgConnection = orgConnection;
		this.mappings = mappings;
	}

	/**
	 * Logs in, checks the org and the mappings, pins the org and switches the CRM's
	 * Accounts, Pipeline and Reports sections off.
	 * @return the org id
	 * @throws RefusedException for a non-Administrator or another org than the pinned one
	 */
	public String connect() {
		String operator = this.operatorCheck.requireAdministrator("connect the Salesforce org");
		String orgId = this.salesforce.login();
		Optional<String> pinned = this.orgConnection.pinnedOrgId();
		if (pinned.isPresent() && !pinned.get().equals(orgId)) {
			throw new RefusedException("This CRM is connected to Salesforce org " + pinned.get()
					+ "; refusing to connect org " + orgId + " (disconnect first to change orgs)");
		}
		this.mappings.reloadAndValidate(this.salesforce);
		this.orgConnection.pin(orgId, this.salesforceProperties.loginUrl(), operator);
		return orgId;
	}

	/**
	 * Unpins the org and switches the CRM's sections back on. Links are kept, so
	 * reconnecting the same org carries on where it stopped.
	 * @return the org id that was pinned, if any
	 * @throws RefusedException for a non-Administrator
	 */
	public Optional<String> disconnect() {
		this.operatorCheck.requireAdministrator("disconnect the Salesforce org");
		Optional<String> pinned = this.orgConnection.pinnedOrgId();
		this.orgConnection.unpin();
		return pinned;
	}

}
