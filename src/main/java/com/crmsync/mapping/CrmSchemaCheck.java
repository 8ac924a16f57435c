/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.mapping;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Checks mappings against the CRM database's schema, the other half of
 * {@link MappingValidator}: every synced object's CRM table and every synced field's CRM
 * column must exist (a misspelt column would otherwise fail in the middle of a run, after
 * earlier steps wrote). Pure: the caller reads the columns from the database.
 */
public final class CrmSchemaCheck {

	private CrmSchemaCheck() {
	}

	/**
	 * The CRM tables the mappings use.
	 * @param mappings the mappings
	 * @return the table names
	 */
	public static Set<String> tables(SyncMappings mappings) {
		Set<String> tables = new LinkedHashSet<>();
		for (ObjectMapping object : mappings.objects().values()) {
			if (object.direction() != Direction.NONE) {
				tables.add(object.crmTable());
			}
		}
		if (mappings.leadScore().direction() != Direction.NONE) {
			tables.add("crm_lead");
			tables.add("crm_contact");
		}
		if (mappings.events().direction() != Direction.NONE) {
			tables.add(EventTaskMapping.CRM_TABLE);
		}
		return tables;
	}

	/**
	 * Every mapped CRM table or column the database lacks.
	 * @param mappings the mappings
	 * @param columns the database's columns by table (lower case); a table it lacks is
	 * absent
	 * @return one line per problem, empty when the mappings fit
	 */
	public static List<String> problems(SyncMappings mappings, Map<String, Set<String>> columns) {
		List<String> problems = new ArrayList<>();
		for (ObjectMapping object : mappings.objects().values()) {
			if (object.direction() == Direction.NONE) {
				continue;
			}
			Set<String> table = columns.get(key(object.crmTable()));
			if (table == null) {
				problems.add("objects." + object.key() + ".crm-table: the CRM database has no table '"
						+ object.crmTable() + "'");
				continue;
			}
			for (FieldMapping field : object.fields()) {
				if (field.direction() != Direction.NONE && !table.contains(key(field.crmColumn()))) {
					problems.add("objects." + object.key() + ": the CRM table " + object.crmTable() + " has no column '"
							+ field.crmColumn() + "' (mapped to " + object.salesforceObject() + "."
							+ field.salesforceField() + ")");
				}
			}
		}
		if (mappings.leadScore().direction() != Direction.NONE) {
			for (String table : List.of("crm_lead", "crm_contact")) {
				Set<String> found = columns.get(table);
				if (found != null && !found.contains(LeadScoreMapping.CRM_COLUMN)) {
					problems.add("lead-score: the CRM table " + table + " has no column '" + LeadScoreMapping.CRM_COLUMN
							+ "'");
				}
			}
		}
		EventTaskMapping events = mappings.events();
		if (events.direction() != Direction.NONE) {
			Set<String> table = columns.get(EventTaskMapping.CRM_TABLE);
			if (table == null) {
				problems.add("events: the CRM database has no table '" + EventTaskMapping.CRM_TABLE + "'");
			}
			else {
				for (FieldMapping field : events.fields()) {
					if (!table.contains(key(field.crmColumn()))) {
						problems.add("events: the CRM table " + EventTaskMapping.CRM_TABLE + " has no column '"
								+ field.crmColumn() + "' (mapped to " + EventTaskMapping.SALESFORCE_OBJECT + "."
								+ field.salesforceField() + ")");
					}
				}
			}
		}
		return problems;
	}

	private static String key(String name) {
		return name.toLowerCase(Locale.ROOT);
	}

}
