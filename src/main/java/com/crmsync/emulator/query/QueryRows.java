/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.emulator.query;

import java.util.List;
import java.util.Map;

/**
 * The rows a SOQL query matched, as the query operations page through them.
 */
public interface QueryRows {

	/**
	 * The queried object.
	 * @return its canonical name
	 */
	String objectName();

	/**
	 * Whether it was {@code SELECT COUNT()}.
	 * @return {@code true} for a count
	 */
	boolean isCount();

	/**
	 * The query's {@code size}: the count, or the number of rows.
	 * @return the size
	 */
	int totalSize();

	/**
	 * The matching stored records, in result order.
	 * @return the records
	 */
	List<Map<String, Object>> matches();

	/**
	 * One record shaped as selected.
	 * @param record one of {@link #matches()}
	 * @return the row in select order, parents nested
	 */
	Map<String, Object> project(Map<String, Object> record);

}
