/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.mapping;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The mapping of one object type: which Salesforce object and CRM table, the object's
 * direction, its mapped fields and how its CRM custom fields are synced. Every field's
 * direction lies within the object's (the loader guarantees it).
 *
 * @param object the object type
 * @param salesforceObject the Salesforce object, e.g. {@code Lead}
 * @param crmTable the CRM table, e.g. {@code crm_lead}
 * @param direction the object's direction; {@link Direction#NONE} switches the object off
 * @param fields the standard field mappings, in file order
 * @param customFields how CRM custom fields are synced
 * ({@link CustomFieldSync#NOT_SYNCED} for objects without custom fields)
 */
public record ObjectMapping(MappedObject object, String salesforceObject, String crmTable, Direction direction,
		List<FieldMapping> fields, CustomFieldSync customFields) {

	public ObjectMapping {
		Objects.requireNonNull(object, "object");
		Objects.requireNonNull(salesforceObject, "salesforceObject");
		Objects.requireNonNull(crmTable, "crmTable");
		Objects.requireNonNull(direction, "direction");
		fields = List.copyOf(fields);
		Objects.requireNonNull(customFields, "customFields");
	}

	/**
	 * The mapping-file key of the object.
	 * @return e.g. {@code lead}
	 */
	public String key() {
		return this.object.key();
	}

	/**
	 * The mapping of one Salesforce field (ignoring case, as Salesforce does).
	 * @param salesforceField e.g. {@code Email}
	 * @return the mapping, empty when the field is not mapped
	 */
	public Optional<FieldMapping> field(String salesforceField) {
		return this.fields.stream()
			.filter((field) -> field.salesforceField().equalsIgnoreCase(salesforceField))
			.findFirst();
	}

	/**
	 * The fields a step merges for this object: the standard fields followed by the CRM
	 * custom fields of this object that name a Salesforce field, each with its direction
	 * and its {@code blankOverwrites} from {@link #customFields()}. Custom fields of
	 * other objects, and unsynced ones, are left out.
	 * @param crmCustomFields the custom fields the CRM declares (any object)
	 * @return the merged field list, standard fields first
	 * @throws IllegalArgumentException when a synced custom field has a data type the
	 * sync does not know ({@link MappingValidator} reports these before any data moves)
	 */
	public List<FieldMapping> fieldsWith(List<CrmCustomField> crmCustomFields) {
		List<FieldMapping> merged = new ArrayList<>(this.fields);
		if (!this.object.hasCustomFields()) {
			return List.copyOf(merged);
		}
		for (CrmCustomField custom : crmCustomFields) {
			if (!custom.object().equals(this.object) || !custom.isSynced()) {
				continue;
			}
			ValueType type = custom.valueType()
				.orElseThrow(() -> new IllegalArgumentException("CRM custom field '" + custom.systemName()
						+ "' has data type '" + custom.dataType() + "', which the sync does not know"));
			merged.add(new FieldMapping(custom.systemName(), custom.salesforceField(),
					this.customFields.directionOf(custom.salesforceField()), type,
					this.customFields.blankOverwritesOf(custom.salesforceField()), custom.id()));
		}
		return List.copyOf(merged);
	}

}
