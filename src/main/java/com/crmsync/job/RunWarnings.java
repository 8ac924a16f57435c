/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.job;

import java.util.ArrayList;
import java.util.List;

import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * Warnings a run carries to its report (e.g. a deprecated way of logging in), kept in the
 * job execution's context so that a report made later from the job repository shows them
 * too.
 */
public final class RunWarnings {

	/** The execution-context key: the warnings, one per line. */
	static final String KEY = "sync.warnings";

	private RunWarnings() {
	}

	/**
	 * Adds a warning (once).
	 * @param context the job execution's context
	 * @param warning the warning, one line
	 */
	public static void add(ExecutionContext context, String warning) {
		List<String> warnings = new ArrayList<>(of(context));
		if (!warnings.contains(warning)) {
			warnings.add(warning);
			context.putString(KEY, String.join("\n", warnings));
		}
	}

	/**
	 * The warnings of a run.
	 * @param context the job execution's context
	 * @return the warnings, in the order they were added
	 */
	public static List<String> of(ExecutionContext context) {
		String warnings = context.containsKey(KEY) ? context.getString(KEY) : "";
		return warnings.isEmpty() ? List.of() : List.of(warnings.split("\n"));
	}

}
