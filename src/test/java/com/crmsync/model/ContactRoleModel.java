/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A small reference model of the contact roles of DESIGN.md §1 (an opportunity's contact
 * roles become {@code OPPORTUNITY} memberships of the linked CRM contacts), written
 * without looking at the production code: the oracle of the randomized test's role
 * operations. Salesforce alone changes roles, opportunities and contacts here; after any
 * run, the CRM's live memberships are exactly the pairs of a live role whose opportunity
 * and contact are live. Deleting an opportunity or a contact deletes its roles, as
 * Salesforce does.
 */
final class ContactRoleModel {

	/** One contact role. */
	static final class Role {

		final String id;

		final String opportunityId;

		String contactId;

		boolean live = true;

		Role(String id, String opportunityId, String contactId) {
			this.id = id;
			this.opportunityId = opportunityId;
			this.contactId = contactId;
		}

	}

	final List<String> opportunities = new ArrayList<>();

	final List<String> contacts = new ArrayList<>();

	final List<Role> roles = new ArrayList<>();

	void opportunityDeleted(String opportunityId) {
		this.opportunities.remove(opportunityId);
		this.roles.stream()
			.filter((role) -> role.opportunityId.equals(opportunityId))
			.forEach((role) -> role.live = false);
	}

	void contactDeleted(String contactId) {
		this.contacts.remove(contactId);
		this.roles.stream().filter((role) -> role.contactId.equals(contactId)).forEach((role) -> role.live = false);
	}

	List<Role> liveRoles() {
		return this.roles.stream().filter((role) -> role.live).toList();
	}

	/**
	 * The memberships the CRM must have after a run.
	 * @return {@code contactId opportunityId} pairs (Salesforce ids), sorted
	 */
	Set<String> expectedMemberships() {
		Set<String> pairs = new TreeSet<>();
		for (Role role : liveRoles()) {
			if (this.opportunities.contains(role.opportunityId) && this.contacts.contains(role.contactId)) {
				pairs.add(role.contactId + " " + role.opportunityId);
			}
		}
		return pairs;
	}

}
