/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.job.twoway;

import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.crmsync.job.SyncedObject;
import com.crmsync.mapping.FieldMapping;
import com.crmsync.salesforce.SalesforceClient;
import com.crmsync.salesforce.SalesforceRecord;

/**
 * The SOQL a two-way step sends: every field the merge needs, and nothing a value could
 * inject into.
 */
final class TwoWayQueries {

	private TwoWayQueries() {
	}

	/**
	 * {@code SELECT <system, match, mapped, derived and extra fields> FROM <object>}.
	 */
	static String select(TwoWayRules rules, List<FieldMapping> fields) {
		Set<String> names = new LinkedHashSet<>(List.of("Id", "LastModifiedDate", "SystemModstamp", "IsDeleted"));
		if (rules.isMergeable()) {
			names.add("MasterRecordId");
		}
		// the match field, or what a partition is split by
		names.add(rules.partitionField());
		fields.forEach((field) -> names.add(field.salesforceField()));
		rules.derivedFields().forEach((field) -> names.add(field.salesforceField()));
		names.addAll(rules.extraSalesforceFields());
		if (rules.definition().createsInSalesforce()) {
			// which CRM row a record was created from, found again if its link was lost
			names.add(SyncedObject.CRM_ID_FIELD);
		}
		return "SELECT " + String.join(", ", names) + " FROM " + rules.definition().salesforceObject();
	}

	/**
	 * The records with these ids, deleted ones included (for {@code queryAll}), in as
	 * many queries as the statement length needs.
	 */
	static Iterator<SalesforceRecord> byIds(SalesforceClient salesforce, TwoWayRules rules, List<FieldMapping> fields,
			Collection<String> ids, boolean includeDeleted) {
		return salesforce.queryIn(select(rules, fields) + " WHERE Id", ids, "", includeDeleted);
	}

}
