/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.mapping;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks mappings against the org's schema, so the {@code connect} step can stop a run
 * before any data moves. Every synced field (direction other than {@code none}) of every
 * object that is not switched off, every synced CRM custom field, the lead score field
 * (on the objects that carry it: Lead and Contact) and the event Task fields are checked
 * for:
 * <ul>
 * <li>an object or field the org does not have;</li>
 * <li>a field the sync would write (push, two-way) that Salesforce does not let it create
 * or update;</li>
 * <li>a Salesforce field type the mapped value type cannot hold (a {@code date} mapping
 * on a {@code string} field, a {@code number} on a {@code boolean});</li>
 * <li>a CRM custom field of a data type the sync does not know, or one mapped onto a
 * Salesforce field already mapped;</li>
 * <li>a Task external id field that is not an external id.</li>
 * </ul>
 * All problems are returned, never only the first.
 */
public final class MappingValidator {

	private static final Map<ValueType, Set<String>> COMPATIBLE_TYPES = compatibleTypes();

	private final SalesforceSchemaView schema;

	/**
	 * A validator against one org's schema.
	 * @param schema the org's schema
	 */
	public MappingValidator(SalesforceSchemaView schema) {
		this.schema = schema;
	}

	private static Map<ValueType, Set<String>> compatibleTypes() {
		Map<ValueType, Set<String>> types = new EnumMap<>(ValueType.class);
		types.put(ValueType.STRING, Set.of("string", "email", "phone", "picklist", "multipicklist", "combobox",
				"textarea", "url", "encryptedstring", "reference", "id"));
		types.put(ValueType.EMAIL, Set.of("email", "string"));
		types.put(ValueType.NUMBER, Set.of("double", "currency", "int", "long", "percent"));
		types.put(ValueType.BOOLEAN, Set.of("boolean"));
		types.put(ValueType.DATE, Set.of("date"));
		types.put(ValueType.DATETIME, Set.of("datetime"));
		return types;
	}

	/**
	 * Every problem of the mappings against the schema.
	 * @param mappings the loaded mappings
	 * @param crmCustomFields the custom fields the CRM declares (synced or not, any
	 * object)
	 * @return the problems, empty when the mappings fit the org
	 */
	public List<MappingProblem> validate(SyncMappings mappings, List<CrmCustomField> crmCustomFields) {
		List<MappingProblem> problems = new ArrayList<>();
		for (ObjectMapping object : mappings.objects().values()) {
			if (object.direction() == Direction.NONE) {
				continue;
			}
			if (!this.schema.hasObject(object.salesforceObject())) {
				problems.add(new MappingProblem(object.salesforceObject(), null,
						"the org has no such object (mapped as objects." + object.key() + ")"));
				continue;
			}
			for (FieldMapping field : object.fields()) {
				checkField(object.salesforceObject(), field, "CRM " + object.crmTable() + "." + field.crmColumn(),
						problems);
			}
			checkCustomFields(object, mappings.leadScore(), crmCustomFields, problems);
		}
		checkLeadScore(mappings, problems);
		checkEvents(mappings.events(), problems);
		return problems;
	}

	/**
	 * Validates and fails on any problem.
	 * @param mappings the loaded mappings
	 * @param crmCustomFields the custom fields the CRM declares
	 * @throws MappingException listing every problem, when there is one
	 */
	public void requireValid(SyncMappings mappings, List<CrmCustomField> crmCustomFields) {
		List<MappingProblem> problems = validate(mappings, crmCustomFields);
		if (!problems.isEmpty()) {
			throw new MappingException(
					"The field mappings do not fit the Salesforce org (" + problems.size() + " problem"
							+ ((problems.size() == 1) ? "" : "s") + ")",
					problems.stream().map(MappingProblem::toString).toList());
		}
	}

	private void checkCustomFields(ObjectMapping object, LeadScoreMapping leadScore,
			List<CrmCustomField> crmCustomFields, List<MappingProblem> problems) {
		Map<String, String> mappedBy = new HashMap<>();
		for (FieldMapping field : object.fields()) {
			mappedBy.put(key(field.salesforceField()), "the standard mapping of " + field.crmColumn());
		}
		if (leadScore.direction() != Direction.NONE) {
			mappedBy.put(key(leadScore.salesforceField()), "the lead score");
		}
		for (CrmCustomField custom : crmCustomFields) {
			if (!custom.object().equals(object.object()) || !custom.isSynced()) {
				continue;
			}
			String salesforceField = custom.salesforceField();
			if (!object.object().hasCustomFields()) {
				problems.add(new MappingProblem(object.salesforceObject(), salesforceField, "CRM custom field '"
						+ custom.systemName() + "' is on " + object.key() + ", whose custom fields are not synced"));
				continue;
			}
			Direction direction = object.customFields().directionOf(salesforceField);
			if (direction == Direction.NONE) {
				continue;
			}
			String origin = "CRM custom field '" + custom.systemName() + "'";
			String previous = mappedBy.putIfAbsent(key(salesforceField), origin);
			if (previous != null) {
				problems.add(new MappingProblem(object.salesforceObject(), salesforceField,
						origin + " syncs with a field already synced by " + previous));
				continue;
			}
			Optional<ValueType> type = custom.valueType();
			if (type.isEmpty()) {
				problems.add(new MappingProblem(object.salesforceObject(), salesforceField,
						origin + " has data type '" + custom.dataType() + "', which the sync does not know"));
				continue;
			}
			checkField(object.salesforceObject(),
					new FieldMapping(custom.systemName(), salesforceField, direction, type.get(), false, custom.id()),
					origin, problems);
		}
	}

	private void checkLeadScore(SyncMappings mappings, List<MappingProblem> problems) {
		LeadScoreMapping leadScore = mappings.leadScore();
		if (leadScore.direction() == Direction.NONE) {
			return;
		}
		for (MappedObject object : mappings.objects().keySet().stream().filter(MappedObject::leadScore).toList()) {
			if (!this.schema.hasObject(object.salesforceObject())) {
				problems.add(new MappingProblem(object.salesforceObject(), null,
						"the org has no such object (lead scores are pushed to it)"));
				continue;
			}
			checkField(object.salesforceObject(), leadScore.asFieldMapping(), "the CRM lead score", problems);
		}
	}

	private void checkEvents(EventTaskMapping events, List<MappingProblem> problems) {
		if (events.direction() == Direction.NONE) {
			return;
		}
		String task = EventTaskMapping.SALESFORCE_OBJECT;
		if (!this.schema.hasObject(task)) {
			problems.add(new MappingProblem(task, null, "the org has no such object (CRM events become Tasks)"));
			return;
		}
		for (FieldMapping field : events.fields()) {
			checkField(task, field, "CRM " + EventTaskMapping.CRM_TABLE + "." + field.crmColumn(), problems);
		}
		checkField(task,
				FieldMapping.column("-", EventTaskMapping.STATUS_FIELD, Direction.PUSH, ValueType.STRING, false),
				"the completed status", problems);
		Optional<SalesforceFieldDescription> externalId = checkField(task,
				FieldMapping.column("id", events.externalIdField(), Direction.PUSH, ValueType.STRING, false),
				"the CRM event id", problems);
		if (externalId.isPresent() && !externalId.get().externalId()) {
			problems.add(new MappingProblem(task, events.externalIdField(),
					"not an external id field: Tasks could not be upserted by the CRM event id"));
		}
	}

	/**
	 * Checks that a synced field exists, holds the mapped type and, where the sync writes
	 * to Salesforce, can be created and updated.
	 * @return the field's description when it exists
	 */
	private Optional<SalesforceFieldDescription> checkField(String object, FieldMapping field, String origin,
			List<MappingProblem> problems) {
		if (field.direction() == Direction.NONE) {
			return Optional.empty();
		}
		String name = field.salesforceField();
		Optional<SalesforceFieldDescription> found = this.schema.field(object, name);
		if (found.isEmpty()) {
			problems.add(new MappingProblem(object, name, "the org has no such field (synced with " + origin + ")"));
			return found;
		}
		SalesforceFieldDescription description = found.get();
		String salesforceType = description.type().toLowerCase(Locale.ROOT);
		if (!COMPATIBLE_TYPES.get(field.type()).contains(salesforceType)) {
			problems.add(new MappingProblem(object, name, "incompatible type: mapped as " + field.type().yamlName()
					+ " but the Salesforce field is " + salesforceType + " (synced with " + origin + ")"));
		}
		if (field.direction().writesToSalesforce()) {
			String direction = field.direction().yamlName();
			if (!description.createable() && !description.updateable()) {
				problems.add(new MappingProblem(object, name,
						"read-only in Salesforce but mapped " + direction + " (synced with " + origin + ")"));
			}
			else if (!description.updateable()) {
				problems.add(new MappingProblem(object, name,
						"not updateable in Salesforce but mapped " + direction + " (synced with " + origin + ")"));
			}
			else if (!description.createable()) {
				problems.add(new MappingProblem(object, name,
						"not createable in Salesforce but mapped " + direction + " (synced with " + origin + ")"));
			}
		}
		return found;
	}

	private static String key(String salesforceField) {
		return salesforceField.toLowerCase(Locale.ROOT);
	}

}
