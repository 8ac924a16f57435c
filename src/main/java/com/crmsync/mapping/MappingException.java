/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.mapping;

import java.util.List;

/**
 * The mappings cannot be used: the file is unreadable or wrong, or they do not fit the
 * org's schema. Carries every problem found, not only the first, each one line that names
 * where it is and what is wrong, so an operator can fix them all in one go.
 */
public class MappingException extends RuntimeException {

	private final List<String> problems;

	/**
	 * An exception listing problems.
	 * @param summary one line saying what was being checked, e.g. the file name
	 * @param problems the problems, one line each; at least one
	 */
	public MappingException(String summary, List<String> problems) {
		super(summary + ":\n  - " + String.join("\n  - ", problems));
		this.problems = List.copyOf(problems);
	}

	/**
	 * Every problem found, one line each.
	 * @return the problems, in the order found
	 */
	public List<String> problems() {
		return this.problems;
	}

}
