/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.mapping;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How a CRM event ({@code crm_event}) becomes a completed Salesforce {@code Task} on the
 * linked Lead or Contact. Tasks are upserted by {@link #externalIdField()} carrying the
 * CRM event id, so a replayed chunk never creates a duplicate.
 *
 * @param direction {@link Direction#PUSH}, or {@link Direction#NONE} to switch events off
 * @param externalIdField the Task external id field, default {@code CRM_Event_Id__c}
 * @param completedStatus the Task {@code Status} of a completed activity, default
 * {@code Completed}
 * @param subjectColumn the {@code crm_event} column feeding {@code Subject}, default
 * {@code event_type}
 * @param activityDateColumn the column feeding {@code ActivityDate}, default
 * {@code occurred_at} (its UTC date)
 * @param descriptionColumn the column feeding {@code Description}, default
 * {@code description}
 */
public record EventTaskMapping(Direction direction, String externalIdField, String completedStatus,
		String subjectColumn, String activityDateColumn, String descriptionColumn) {

	/** The Salesforce object events become. */
	public static final String SALESFORCE_OBJECT = "Task";

	/** The CRM table events come from. */
	public static final String CRM_TABLE = "crm_event";

	/** The Task field set to {@link #completedStatus()}. */
	public static final String STATUS_FIELD = "Status";

	/** The defaults of DESIGN.md §5. */
	public static final EventTaskMapping DEFAULT = new EventTaskMapping(Direction.PUSH, "CRM_Event_Id__c", "Completed",
			"event_type", "occurred_at", "description");

	public EventTaskMapping {
		Objects.requireNonNull(direction, "direction");
		Objects.requireNonNull(externalIdField, "externalIdField");
		Objects.requireNonNull(completedStatus, "completedStatus");
		Objects.requireNonNull(subjectColumn, "subjectColumn");
		Objects.requireNonNull(activityDateColumn, "activityDateColumn");
		Objects.requireNonNull(descriptionColumn, "descriptionColumn");
	}

	/**
	 * The Task fields fed from CRM columns: {@code Subject}, {@code ActivityDate} (a
	 * DATE: a date-time column gives its UTC date) and {@code Description}, all pushed.
	 * @return the three field mappings
	 */
	public List<FieldMapping> fields() {
		return List.of(FieldMapping.column(this.subjectColumn, "Subject", Direction.PUSH, ValueType.STRING, false),
				FieldMapping.column(this.activityDateColumn, "ActivityDate", Direction.PUSH, ValueType.DATE, false),
				FieldMapping.column(this.descriptionColumn, "Description", Direction.PUSH, ValueType.STRING, false));
	}

	/**
	 * The Task field values for one CRM event, as Salesforce field value strings: the
	 * external id, the completed status and the mapped columns (blank columns left out).
	 * The caller adds the link ({@code WhoId}) it resolved through the identity map.
	 * @param eventId the {@code crm_event.id}
	 * @param eventRow the event's columns by name, as JDBC returns them
	 * @return field values keyed by Task field, in a stable order
	 * @throws RejectedValuesException when column values cannot be read as their types or
	 * hold characters Salesforce cannot store as written, each named with its field and
	 * value
	 */
	public Map<String, String> taskFields(long eventId, Map<String, ?> eventRow) {
		Map<String, String> task = new LinkedHashMap<>();
		task.put(this.externalIdField, Long.toString(eventId));
		task.put(STATUS_FIELD, this.completedStatus);
		List<ValueReject> rejects = new ArrayList<>();
		for (FieldMapping field : fields()) {
			Object raw = eventRow.get(field.crmColumn());
			try {
				String value = CanonicalValues.canonical(raw, field.type());
				if (value != null) {
					task.put(field.salesforceField(), CanonicalValues.toSalesforce(value, field.type()));
				}
			}
			catch (IllegalArgumentException ex) {
				// named with its field and value; nothing is altered to make it fit
				rejects.add(new ValueReject(field.salesforceField(), String.valueOf(raw),
						"from the CRM's " + CRM_TABLE + "." + field.crmColumn() + ", " + ex.getMessage()));
			}
		}
		if (!rejects.isEmpty()) {
			throw new RejectedValuesException(rejects);
		}
		return task;
	}

}
