/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.score;

import com.crmsync.crm.ObjectType;
import com.crmsync.crm.ScoreCandidate;
import com.crmsync.job.push.PushDecision;

/**
 * What happens to one candidate's score.
 *
 * @param candidate the candidate
 * @param kind the decision
 * @param value for {@link Kind#PUSH}, the value to write (canonical and Salesforce's
 * form); otherwise {@code null}
 * @param reason for {@link Kind#SKIP}, why
 */
public record ScorePush(ScoreCandidate candidate, Kind kind, String value, String reason) implements PushDecision {

	@Override
	public Action action() {
		return this.kind.action;
	}

	@Override
	public ObjectType type() {
		return this.candidate.type();
	}

	@Override
	public Long crmId() {
		return this.candidate.crmId();
	}

	@Override
	public String salesforceId() {
		return this.candidate.salesforceId();
	}

	/** The decisions. */
	public enum Kind {

		/** Write {@link ScorePush#value()} to the linked record. */
		PUSH(Action.SEND),

		/** The record already has what the CRM holds. */
		UNCHANGED(Action.UNCHANGED),

		/**
		 * The CRM has no score (a blank never clears Salesforce's): nothing to write, but
		 * remember the record as seen so incremental runs do not read it again.
		 */
		REMEMBER_BLANK(Action.REMEMBER),

		/** Not pushed by design. */
		SKIP(Action.SKIP);

		private final Action action;

		Kind(Action action) {
			this.action = action;
		}

	}

	static ScorePush push(ScoreCandidate candidate, String value) {
		return new ScorePush(candidate, Kind.PUSH, value, null);
	}

	static ScorePush of(ScoreCandidate candidate, Kind kind) {
		return new ScorePush(candidate, kind, null, null);
	}

	static ScorePush skip(ScoreCandidate candidate, String reason) {
		return new ScorePush(candidate, Kind.SKIP, null, reason);
	}

}
