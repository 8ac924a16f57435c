/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.job.twoway;

import java.util.List;

/**
 * Looks up, for a page of candidates at once, the CRM values an object derives from other
 * records (e.g. a contact's {@code account_id} from its account's link). I/O belongs
 * here, in the reader, so that the processor stays pure.
 */
@FunctionalInterface
public interface CandidateEnricher {

	/** An enricher that adds nothing. */
	CandidateEnricher NONE = (candidates) -> candidates;

	/**
	 * The candidates with their derived values.
	 * @param candidates one page of candidates
	 * @return the same candidates, in order, enriched
	 */
	List<MergeCandidate> enrich(List<MergeCandidate> candidates);

	/**
	 * This enricher, then another on its result.
	 * @param next the enricher to apply second
	 * @return both, in order
	 */
	default CandidateEnricher andThen(CandidateEnricher next) {
		return (candidates) -> next.enrich(enrich(candidates));
	}

}
