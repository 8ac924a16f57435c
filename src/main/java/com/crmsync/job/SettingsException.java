/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.job;

import java.util.List;

/**
 * The configuration cannot be used: every missing, unknown or invalid setting at once,
 * one line each, found before anything starts (no database, no execution, no login).
 */
public class SettingsException extends IllegalStateException {

	private final List<String> problems;

	/**
	 * An exception listing problems.
	 * @param problems one line each; at least one
	 */
	public SettingsException(List<String> problems) {
		super(((problems.size() == 1) ? "1 setting cannot be used" : problems.size() + " settings cannot be used")
				+ ":\n  - " + String.join("\n  - ", problems));
		this.problems = List.copyOf(problems);
	}

	/**
	 * Every problem found, one line each.
	 * @return the problems
	 */
	public List<String> problems() {
		return this.problems;
	}

}
