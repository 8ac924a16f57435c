/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.job.twoway;

import java.util.HashSet;
import java.util.Set;

import com.crmsync.salesforce.CallAhead;
import com.crmsync.salesforce.Soql;

/**
 * The match keys of one object's Salesforce records changed since a full run's window
 * ended, which its CRM pass matches unlinked rows against ({@link CrmPass}): asked for by
 * the first CRM pass of a run's execution that needs them, and shared by the others in
 * this JVM. The partitions of the CRM phase need them at once, and asked Salesforce the
 * same query each (at 1,000,000 records, about 10,000 keys: five query pages a
 * partition).
 */
final class KeysChangedAfterWindow {

	/** The latest execution's keys; guarded by this. */
	private Asked latest;

	/**
	 * The keys of an execution's window, asked for when no pass of the execution has.
	 * @param jobExecutionId the execution (a restart asks again)
	 * @param lookups the asking pass's look-ups
	 * @return the keys to come
	 */
	synchronized CallAhead<Set<String>> of(long jobExecutionId, CandidateLookups lookups) {
		if (this.latest == null || this.latest.jobExecutionId() != jobExecutionId) {
			this.latest = new Asked(jobExecutionId, lookups.salesforce().ahead(() -> query(lookups)));
		}
		return this.latest.keys();
	}

	private static Set<String> query(CandidateLookups lookups) {
		TwoWayRules rules = lookups.rules();
		Set<String> keys = new HashSet<>();
		lookups.salesforce()
			.query("SELECT Id, " + rules.matchField() + " FROM " + rules.definition().salesforceObject()
					+ " WHERE SystemModstamp > " + Soql.dateTime(lookups.window().salesforceTo()), false)
			.forEachRemaining((record) -> {
				String key = rules.matchKey(record.get(rules.matchField()));
				if (key != null) {
					keys.add(key);
				}
			});
		return Set.copyOf(keys);
	}

	/**
	 * The keys one execution asked for.
	 *
	 * @param jobExecutionId the execution
	 * @param keys the keys to come
	 */
	private record Asked(long jobExecutionId, CallAhead<Set<String>> keys) {

	}

}
