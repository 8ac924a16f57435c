/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.crm;

/**
 * A share of a table's rows by {@code MOD(id, count) = index}: what one partition of a
 * step whose rows are independent of each other reads (docs/PARTITIONING.md §2.5).
 *
 * @param index the share's remainder, from 0
 * @param count how many shares the rows are split into
 */
public record RowShare(int index, int count) {

	/** Every row. */
	public static final RowShare WHOLE = new RowShare(0, 1);

	public RowShare {
		if (count < 1 || index < 0 || index >= count) {
			throw new IllegalArgumentException("Not a share: " + index + " of " + count);
		}
	}

	/**
	 * Whether a row is in this share.
	 * @param id the row's id
	 * @return {@code true} when {@code id mod count = index}
	 */
	public boolean contains(long id) {
		return Math.floorMod(id, this.count) == this.index;
	}

	/**
	 * The SQL condition of this share on an id column, for a query whose parameters
	 * {@code :shares} and {@code :share} are {@link #count()} and {@link #index()}.
	 * @param idColumn the column, e.g. {@code r.id}
	 * @return {@code " AND MOD(r.id, :shares) = :share"}, or nothing for every row (the
	 * serial queries stay as they are)
	 */
	String sql(String idColumn) {
		return (this.count == 1) ? "" : " AND MOD(" + idColumn + ", :shares) = :share";
	}

}
