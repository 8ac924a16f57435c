/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.score;

import com.crmsync.crm.PushedValue;
import com.crmsync.crm.ScoreCandidate;
import com.crmsync.mapping.CanonicalValues;
import com.crmsync.mapping.ValueType;

import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * Decides whether a score is pushed — pure logic, no I/O: a converted lead is skipped
 * (Salesforce refuses updates of it); a score equal to the one last pushed to the same
 * record is left alone (so is a blank score, which never clears Salesforce's); any other
 * score is pushed. Scores compare as numbers ({@code 12} equals {@code 12.0}).
 */
public class LeadScoreItemProcessor implements ItemProcessor<ScoreCandidate, ScorePush> {

	/** Why a converted lead's score is not pushed. */
	public static final String CONVERTED = "converted lead: Salesforce refuses updates of converted leads";

	@Override
	public ScorePush process(ScoreCandidate candidate) {
		if (candidate.converted()) {
			return ScorePush.skip(candidate, CONVERTED);
		}
		String value = CanonicalValues.canonical(candidate.score(), ValueType.NUMBER);
		PushedValue pushed = candidate.pushed();
		if (pushed != null && pushed.isSame(candidate.salesforceId(), value)) {
			return ScorePush.of(candidate, ScorePush.Kind.UNCHANGED);
		}
		if (value == null) {
			// Salesforce keeps the score pushed last, so the record of it stays as it is
			boolean seen = pushed != null && pushed.salesforceId().equals(candidate.salesforceId());
			return ScorePush.of(candidate, seen ? ScorePush.Kind.UNCHANGED : ScorePush.Kind.REMEMBER_BLANK);
		}
		return ScorePush.push(candidate, CanonicalValues.toSalesforce(value, ValueType.NUMBER));
	}

}
