/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.job;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import com.crmsync.salesforce.FieldDescription;
import com.crmsync.salesforce.ObjectDescription;

/**
 * Checks that the org has the upsert key every record the sync creates goes out on
 * ({@link SyncedObject#CRM_ID_FIELD}): present, an External ID and Unique on each object
 * the sync creates records of. Without it a create whose response is lost would be sent
 * again as a second record, so a run does not start until an administrator has made it;
 * each problem names exactly the field to create or change.
 */
public final class UpsertKeyCheck {

	private UpsertKeyCheck() {
	}

	/**
	 * The problems of an org's schema, one per object.
	 * @param objects the Salesforce objects the sync creates records of, e.g.
	 * {@code Lead}
	 * @param schema the org's descriptions of them, by object name
	 * @return the problems, empty when every object has the key
	 */
	public static List<String> problems(Collection<String> objects, Map<String, ObjectDescription> schema) {
		List<String> problems = new ArrayList<>();
		for (String object : objects) {
			ObjectDescription description = schema.get(object);
			FieldDescription field = (description != null) ? field(description, SyncedObject.CRM_ID_FIELD) : null;
			String name = object + "." + SyncedObject.CRM_ID_FIELD;
			if (field == null) {
				problems.add(name + " is missing: create the field " + SyncedObject.CRM_ID_FIELD + " on " + object
						+ " (Text(40), External ID, Unique)");
			}
			else if (!field.externalId() || !field.unique()) {
				List<String> missing = new ArrayList<>();
				if (!field.externalId()) {
					missing.add("External ID");
				}
				if (!field.unique()) {
					missing.add("Unique");
				}
				problems.add(name + " is not " + String.join(" and ", missing) + ": edit the field "
						+ SyncedObject.CRM_ID_FIELD + " on " + object + " and tick " + String.join(" and ", missing));
			}
		}
		return problems;
	}

	/**
	 * The refusal a run or {@code connect} stops with when the org lacks the key.
	 * @param problems the problems, not empty
	 * @return the refusal, on one line (what an operator reads on stderr)
	 */
	public static RefusedException refusal(List<String> problems) {
		return new RefusedException(String.join("; ", problems) + " (every record the sync creates in Salesforce is "
				+ "upserted on it, so that a create whose answer was lost is never made twice)");
	}

	private static FieldDescription field(ObjectDescription description, String name) {
		return description.fields()
			.values()
			.stream()
			.filter((field) -> field.name().equalsIgnoreCase(name))
			.findFirst()
			.orElse(null);
	}

}
