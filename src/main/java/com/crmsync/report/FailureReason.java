/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.report;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The reason a run failed, in words an operator can act on. The job repository's exit
 * description of a failed run holds a stack trace ({@code com.x.FooException: message},
 * frames, {@code Caused by: ...}); the reason is the innermost cause's message, without
 * the exception class names.
 */
public final class FailureReason {

	/** A leading, package-qualified exception class name and its colon. */
	private static final Pattern CLASS_PREFIX = Pattern.compile("^(?:[a-zA-Z_$][\\w$]*\\.)+([A-Z][\\w$]*)(?::\\s*|$)");

	private static final String CAUSED_BY = "Caused by: ";

	/** How a message lists its problems, one per line. */
	private static final String PROBLEM = "  - ";

	private FailureReason() {
	}

	/**
	 * The reason of an exit description.
	 * @param exitDescription the description as the job repository keeps it; may be
	 * {@code null}
	 * @return one line, or {@code null} when there is nothing to tell
	 */
	public static String of(String exitDescription) {
		if (exitDescription == null || exitDescription.isBlank()) {
			return null;
		}
		String reason = null;
		String kind = null;
		boolean first = true;
		for (String line : exitDescription.lines().toList()) {
			String text = line.strip();
			// only the first line and the "Caused by" lines start a throwable's message;
			// frames and a message's further lines add nothing the operator can use
			boolean start = first || text.startsWith(CAUSED_BY);
			first = false;
			if (!start) {
				continue;
			}
			String throwable = text.startsWith(CAUSED_BY) ? text.substring(CAUSED_BY.length()) : text;
			Matcher className = CLASS_PREFIX.matcher(throwable);
			boolean named = className.find();
			String message = named ? throwable.substring(className.end()).strip() : throwable;
			if (!message.isEmpty()) {
				reason = message;
			}
			else if (named && reason == null) {
				// a throwable without a message still tells its kind
				kind = className.group(1);
			}
		}
		// a message that lists problems on its next lines ends its first line with ':'
		return (reason != null) ? reason.replaceFirst(":$", "") : kind;
	}

	/**
	 * The problems a failure listed, one per line of its message ({@code "  - "} in
	 * front, as a mapping file's problems are): the reason alone ends at
	 * {@code (3 problems):}.
	 * @param exitDescription the description as the job repository keeps it; may be
	 * {@code null}
	 * @return the problems, in order, each once; none when the failure listed none
	 */
	public static List<String> problems(String exitDescription) {
		if (exitDescription == null) {
			return List.of();
		}
		return exitDescription.lines()
			.filter((line) -> line.startsWith(PROBLEM))
			.map((line) -> line.substring(PROBLEM.length()).strip())
			.distinct()
			.toList();
	}

}
