/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.opportunity;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import com.crmsync.crm.ObjectType;
import com.crmsync.crm.SyncLink;
import com.crmsync.crm.SyncLinkRepository;
import com.crmsync.job.twoway.CandidateEnricher;
import com.crmsync.job.twoway.MergeCandidate;
import com.crmsync.salesforce.SalesforceRecord;

/**
 * Gives each opportunity of a page the CRM id of its account ({@code account_id}), from
 * the links of the page's {@code AccountId}s, in one look-up. Accounts are pulled before
 * opportunities, so an account in the run's window is linked by then. An opportunity
 * whose account is not linked (a person account, or none) keeps its {@code account_id}.
 */
final class OpportunityAccountEnricher implements CandidateEnricher {

	private final SyncLinkRepository links;

	OpportunityAccountEnricher(SyncLinkRepository links) {
		this.links = links;
	}

	@Override
	public List<MergeCandidate> enrich(List<MergeCandidate> candidates) {
		Set<String> accountIds = new LinkedHashSet<>();
		candidates.stream()
			.map(OpportunityAccountEnricher::accountId)
			.filter(Objects::nonNull)
			.forEach(accountIds::add);
		if (accountIds.isEmpty()) {
			return candidates;
		}
		Map<String, SyncLink> accounts = this.links.findBySalesforceIds(ObjectType.ACCOUNT, accountIds);
		return candidates.stream().map((candidate) -> {
			SyncLink account = accounts.get(accountId(candidate));
			if (account == null) {
				return candidate;
			}
			Map<String, Object> derived = new LinkedHashMap<>(candidate.derivedCrmValues());
			derived.put(OpportunityRules.ACCOUNT_COLUMN, account.crmId());
			return new MergeCandidate(candidate.salesforce(), candidate.crm(), candidate.link(),
					candidate.missingInSalesforce(), derived);
		}).toList();
	}

	private static String accountId(MergeCandidate candidate) {
		SalesforceRecord opportunity = candidate.salesforce();
		String accountId = (opportunity != null) ? opportunity.get("AccountId") : null;
		return (accountId != null && !accountId.isBlank()) ? accountId : null;
	}

}
