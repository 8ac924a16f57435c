/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.account;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.crmsync.crm.SyncLink;
import com.crmsync.crm.SyncLinkRepository;
import com.crmsync.job.twoway.CandidateEnricher;
import com.crmsync.job.twoway.MergeCandidate;

/**
 * Gives each record read from Salesforce with an {@code AccountId} (contacts,
 * opportunities) the CRM id of its account ({@code account_id}), through the account
 * links the {@code pullAccounts} step made earlier in the run: one batched look-up per
 * page. A record whose account is not linked (none, a person account, not pulled) keeps
 * the {@code account_id} it has.
 */
public class AccountLinkEnricher implements CandidateEnricher {

	/** The CRM column the account's id goes to. */
	public static final String ACCOUNT_ID = "account_id";

	private final SyncLinkRepository links;

	public AccountLinkEnricher(SyncLinkRepository links) {
		this.links = links;
	}

	@Override
	public List<MergeCandidate> enrich(List<MergeCandidate> candidates) {
		List<String> accountIds = candidates.stream()
			.map(AccountLinkEnricher::accountId)
			.filter(Objects::nonNull)
			.distinct()
			.toList();
		if (accountIds.isEmpty()) {
			return candidates;
		}
		Map<String, SyncLink> accounts = this.links.findBySalesforceIds(AccountRules.DEFINITION.type(), accountIds);
		return candidates.stream().map((candidate) -> {
			SyncLink account = accounts.get(accountId(candidate));
			if (account == null) {
				return candidate;
			}
			Map<String, Object> derived = new LinkedHashMap<>(candidate.derivedCrmValues());
			derived.put(ACCOUNT_ID, account.crmId());
			return new MergeCandidate(candidate.salesforce(), candidate.crm(), candidate.link(),
					candidate.missingInSalesforce(), derived);
		}).toList();
	}

	private static String accountId(MergeCandidate candidate) {
		if (candidate.salesforce() == null) {
			return null;
		}
		String id = candidate.salesforce().get("AccountId");
		return (id != null && !id.isBlank()) ? id : null;
	}

}
