/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.job;

import java.util.Optional;

import com.crmsync.crm.OrgConnectionRepository;

import org.springframework.stereotype.Component;

/**
 * Keeps the sync's data with the org it belongs to: the identity map, merge bases,
 * references and watermarks name records of one org, so a run, a restart or a
 * {@code connect} against any other org is refused — also after a {@code disconnect} —
 * until an Administrator forgets that data with {@code reset-org}. Otherwise the new
 * org's records would be read through the old org's links, and CRM rows archived or
 * overwritten because of ids the new org does not have.
 */
@Component
public class OrgGuard {

	/** The command that forgets an org's data, as an operator types it. */
	public static final String RESET_COMMAND = "java -jar crm-salesforce-sync.jar reset-org";

	private final OrgConnectionRepository orgConnection;

	public OrgGuard(OrgConnectionRepository orgConnection) {
		this.orgConnection = orgConnection;
	}

	/**
	 * Refuses an org that is not the one the CRM is connected to, or, disconnected, not
	 * the one the sync's data belongs to.
	 * @param orgId the org logged in to
	 * @param doing what was asked, e.g. {@code sync with}, {@code connect}
	 * @throws RefusedException for another org
	 */
	public void requireOwnOrg(String orgId, String doing) {
		Optional<String> pinned = this.orgConnection.pinnedOrgId();
		if (pinned.isPresent() && !pinned.get().equals(orgId)) {
			throw new RefusedException("This CRM is connected to Salesforce org " + pinned.get() + "; refusing to "
					+ doing + " org " + orgId + " (" + switchAdvice(pinned.get(), orgId) + ")");
		}
		Optional<String> owner = this.orgConnection.dataOrgId();
		if (owner.isPresent() && !owner.get().equals(orgId)) {
			throw new RefusedException("The sync's links, merge bases and watermarks belong to Salesforce org "
					+ owner.get() + ", which was disconnected; refusing to " + doing + " org " + orgId
					+ ": its records would be matched through the other org's links ("
					+ switchAdvice(owner.get(), orgId) + ")");
		}
	}

	private static String switchAdvice(String own, String other) {
		return "to switch to " + other + ", an Administrator runs '" + RESET_COMMAND + " " + own
				+ "', which forgets that org's links and keeps every CRM record, then connects " + other;
	}

}
