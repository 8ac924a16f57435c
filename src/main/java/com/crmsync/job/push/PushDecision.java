/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.job.push;

import com.crmsync.crm.ObjectType;

/**
 * What a push step decided for one CRM record (a lead score, an event): the action the
 * shared writer takes, and the record as the journal names it.
 */
public interface PushDecision {

	/**
	 * What the writer does.
	 * @return the action
	 */
	Action action();

	/**
	 * Why a record is skipped or cannot be pushed.
	 * @return the reason, for {@link Action#SKIP} and {@link Action#FAIL}
	 */
	String reason();

	/**
	 * The sync's own status code of a record that cannot be pushed.
	 * @return the code, for {@link Action#FAIL}
	 */
	default String failureCode() {
		return "INVALID";
	}

	/**
	 * The kind of record, as the journal names it.
	 * @return the type
	 */
	ObjectType type();

	/**
	 * The CRM row.
	 * @return its id
	 */
	Long crmId();

	/**
	 * The Salesforce record, when known.
	 * @return its id, or {@code null}
	 */
	String salesforceId();

	/** What the writer does with a decision. */
	enum Action {

		/** Write the record to Salesforce. */
		SEND,

		/** Salesforce already has what the CRM holds. */
		UNCHANGED,

		/**
		 * Nothing to write, but remember the record as seen (counted as unchanged), so
		 * incremental runs do not read it again.
		 */
		REMEMBER,

		/** Not pushed (yet), by design: journaled with the reason. */
		SKIP,

		/** Cannot be pushed: journaled as an error. */
		FAIL

	}

}
