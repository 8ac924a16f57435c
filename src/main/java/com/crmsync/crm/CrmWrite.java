/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.crm;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/**
 * The CRM rows of one object that a chunk's transaction writes, and the
 * {@code updated_at} it gives them all ({@link CrmRecordRepository#writeStamp()}), so
 * that the links saved in the same transaction remember it
 * ({@code sync_link.crm_synced_at}) and the next incremental run knows those rows,
 * unchanged since, as the sync's own writes ({@link CrmRecordRepository#page}).
 */
public final class CrmWrite {

	/** No row written. */
	public static final CrmWrite NONE = new CrmWrite(null);

	private static final DateTimeFormatter SQL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");

	/**
	 * The stamp as the statements bind it: a {@code DATETIME} literal, formatted once
	 * (Connector/J formats a {@code LocalDateTime} anew for every row it binds).
	 */
	private final String stamp;

	private final Set<Long> rows = new HashSet<>();

	/**
	 * A write stamped so.
	 * @param stamp the {@code updated_at} the rows get
	 */
	public CrmWrite(LocalDateTime stamp) {
		this.stamp = (stamp != null) ? SQL.format(stamp) : null;
	}

	/**
	 * The {@code updated_at} the rows get, as a value to bind.
	 * @return the stamp, e.g. {@code 2026-12-04 23:58:34.123}
	 */
	public String stamp() {
		return this.stamp;
	}

	/**
	 * Rows written with the stamp.
	 * @param crmIds the rows
	 */
	public void wrote(Collection<Long> crmIds) {
		if (this.stamp == null) {
			throw new IllegalStateException("No stamp to write rows with");
		}
		this.rows.addAll(crmIds);
	}

	/**
	 * The stamp of a row, if written.
	 * @param crmId the row
	 * @return the stamp, as {@link #stamp()}, or {@code null} when the row was not
	 * written
	 */
	public String stampOf(long crmId) {
		return this.rows.contains(crmId) ? this.stamp : null;
	}

}
