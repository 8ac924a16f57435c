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
		new OrgGuard(this.orgConnection).requireOwnOrg(orgId, "connect");
		this.mappings.reloadAndValidate(this.salesforce);
		this.orgConnection.pin(orgId, this.salesforceProperties.loginUrl(), operator);
		return orgId;
	}

	/**
	 * Unpins the org and switches the CRM's sections back on. Links are kept, so
	 * reconnecting the same org carries on where it stopped; another org is refused until
	 * {@link #resetOrg(String) reset-org} forgets them.
	 * @return the org id that was pinned, if any
	 * @throws RefusedException for a non-Administrator
	 */
	public Optional<String> disconnect() {
		this.operatorCheck.requireAdministrator("disconnect the Salesforce org");
		Optional<String> pinned = this.orgConnection.pinnedOrgId();
		this.orgConnection.unpin();
		return pinned;
	}

	/**
	 * Forgets the org the sync's data belongs to: its links and merge bases, references,
	 * watermarks and pushed values; unpins it and switches the CRM's sections back on. No
	 * CRM record is touched; the next run, against any org, is a first run. Named by its
	 * org id, so that the wrong org's data is never forgotten by mistake.
	 * @param orgId the org whose data goes: the connected one, or the one the data
	 * belongs to
	 * @return the links forgotten
	 * @throws RefusedException for a non-Administrator, or another org id
	 */
	public int resetOrg(String orgId) {
		this.operatorCheck.requireAdministrator("reset the Salesforce org");
		Optional<String> owner = this.orgConnection.dataOrgId().or(this.orgConnection::pinnedOrgId);
		if (owner.isEmpty()) {
			throw new RefusedException("The sync holds no org's data: nothing to reset");
		}
		if (!owner.get().equals(orgId)) {
			throw new RefusedException("The sync's data belongs to Salesforce org " + owner.get() + ", not " + orgId
					+ ": nothing was reset");
		}
		return this.orgConnection.forgetOrg();
	}

}
