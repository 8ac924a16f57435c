/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.cli;

/**
 * The process exit codes of every command.
 */
public final class ExitCodes {

	/** The command did what was asked. */
	public static final int OK = 0;

	/** The run failed, or the command could not complete. */
	public static final int FAILED = 1;

	/** Bad arguments: usage was printed (picocli's own code). */
	public static final int USAGE = 2;

	/** The command was refused: wrong operator, wrong org, a run already live. */
	public static final int REFUSED = 3;

	/**
	 * The run completed but Salesforce or the sync rejected records; only with
	 * {@code --fail-on-errors} or {@code sync.fail-on-errors=true} (for schedulers that
	 * should alert on it), otherwise such a run exits {@link #OK}.
	 */
	public static final int COMPLETED_WITH_ERRORS = 4;

	/**
	 * The run was stopped by SIGTERM (systemd's stop, {@code kill}): its current chunk
	 * committed or rolled back, the execution {@code STOPPED}, restartable. 128 + 15, as
	 * the shell and systemd report a process ended by SIGTERM (Ctrl-C: 130).
	 */
	public static final int STOPPED = 143;

	private ExitCodes() {
	}

}
