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
 * page. The CRM's account is always Salesforce's: a record without an account, or whose
 * account has no CRM account (a person account, one deleted or purged in Salesforce),
 * gets none — a vanished account link clears {@code account_id}.
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
		Map<String, SyncLink> accounts = accountIds.isEmpty() ? Map.of()
				: this.links.findBySalesforceIds(AccountRules.DEFINITION.type(), accountIds);
		return candidates.stream().map((candidate) -> {
			if (candidate.salesforce() == null) {
				return candidate;
			}
			String accountId = accountId(candidate);
			SyncLink account = (accountId != null) ? accounts.get(accountId) : null;
			Map<String, Object> derived = new LinkedHashMap<>(candidate.derivedCrmValues());
			derived.put(ACCOUNT_ID, (account != null) ? account.crmId() : null);
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
