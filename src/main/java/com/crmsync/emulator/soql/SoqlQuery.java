/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.emulator.soql;

import java.util.List;

/**
 * A query resolved against the schema, ready to run.
 *
 * @param object the queried object
 * @param count {@code SELECT COUNT()}
 * @param selected the selected fields in select-list order (empty for a count)
 * @param where the filter, or {@code null} for none
 * @param orderBy the sort keys, most significant first
 * @param limit the {@code LIMIT}, or {@code null} for none
 * @param offset the {@code OFFSET}, 0 for none
 */
record SoqlQuery(SoqlObject object, boolean count, List<FieldPath> selected, Condition where, List<OrderKey> orderBy,
		Integer limit, int offset) {
}
