/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.salesforce;

import java.util.List;

/**
 * The {@code sync.salesforce.*} settings cannot be used to log in: every problem at once,
 * found before anything is created.
 */
public class SalesforceSettingsException extends IllegalArgumentException {

	private final List<String> problems;

	public SalesforceSettingsException(List<String> problems) {
		super("The Salesforce settings cannot be used to log in:\n  - " + String.join("\n  - ", problems));
		this.problems = List.copyOf(problems);
	}

	/**
	 * The problems, one per setting.
	 * @return the problems
	 */
	public List<String> problems() {
		return this.problems;
	}

}
