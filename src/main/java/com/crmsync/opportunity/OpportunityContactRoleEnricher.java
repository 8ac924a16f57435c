/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.opportunity;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.crmsync.job.twoway.CandidateEnricher;
import com.crmsync.job.twoway.MergeCandidate;
import com.crmsync.salesforce.SalesforceClient;
import com.crmsync.salesforce.SalesforceRecord;

/**
 * Reads the contact roles of a page of opportunities in one query and hands them to the
 * writer with each opportunity (see {@link OpportunityRules#references}).
 * <p>
 * Every live opportunity gets all its roles (none: an empty list), so that a role removed
 * in Salesforce is seen as gone. An opportunity whose roles changed in the window but
 * which did not change itself is read again by the step for that
 * ({@link OpportunityRules#changedThroughChild()}).
 */
final class OpportunityContactRoleEnricher implements CandidateEnricher {

	private final SalesforceClient salesforce;

	OpportunityContactRoleEnricher(SalesforceClient salesforce) {
		this.salesforce = salesforce;
	}

	@Override
	public List<MergeCandidate> enrich(List<MergeCandidate> candidates) {
		List<String> opportunityIds = candidates.stream()
			.map(MergeCandidate::salesforce)
			.filter(OpportunityContactRoleEnricher::isLive)
			.map(SalesforceRecord::id)
			.toList();
		if (opportunityIds.isEmpty()) {
			return candidates;
		}
		Map<String, Set<String>> contactsByOpportunity = new HashMap<>();
		this.salesforce
			.queryIn("SELECT OpportunityId, ContactId FROM OpportunityContactRole WHERE OpportunityId", opportunityIds,
					"", false)
			.forEachRemaining(
					(role) -> contactsByOpportunity.computeIfAbsent(role.get("OpportunityId"), (id) -> new TreeSet<>())
						.add(role.get("ContactId")));
		return candidates.stream().map((candidate) -> {
			if (!isLive(candidate.salesforce())) {
				return candidate;
			}
			Set<String> contacts = contactsByOpportunity.getOrDefault(candidate.salesforce().id(), Set.of());
			return new MergeCandidate(OpportunityRules.withContactRoles(candidate.salesforce(), contacts),
					candidate.crm(), candidate.link(), candidate.missingInSalesforce(), candidate.derivedCrmValues());
		}).toList();
	}

	private static boolean isLive(SalesforceRecord opportunity) {
		return opportunity != null && !Boolean.parseBoolean(opportunity.get("IsDeleted"));
	}

}
