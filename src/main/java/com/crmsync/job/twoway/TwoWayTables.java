/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.job.twoway;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.crmsync.crm.CrmTable;
import com.crmsync.mapping.FieldMapping;

/**
 * The CRM table of a two-way object with the columns a run reads and writes: the mapped
 * ones (custom fields live in their own table), the derived ones, and the object's
 * extras.
 */
final class TwoWayTables {

	private TwoWayTables() {
	}

	static CrmTable of(TwoWayRules rules, List<FieldMapping> fields) {
		Set<String> columns = new LinkedHashSet<>();
		fields.stream().filter((field) -> !field.isCustomField()).forEach((field) -> columns.add(field.crmColumn()));
		rules.derivedFields().forEach((field) -> columns.add(field.crmColumn()));
		columns.addAll(rules.extraCrmColumns());
		return new CrmTable(rules.definition().crmTable(), List.copyOf(columns));
	}

}
