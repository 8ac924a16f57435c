/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.emulator.org;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import com.sforce.soap.partner.FieldType;

/**
 * Validates and applies record writes the way Salesforce does: field access
 * ({@code INVALID_FIELD}, {@code INVALID_FIELD_FOR_INSERT_UPDATE}), value types, lengths
 * and e-mail format, required fields, references to other records, unique values, then
 * the server-maintained fields (id, timestamps, names, person accounts). Callers hold the
 * org's lock and run in a {@link WriteClock#transaction transaction}, whose stamp every
 * record written gets.
 */
final class RecordWriter {

	private final EmulatorOrg org;

	/** The options of the call in progress (calls are serialized by the org). */
	private SaveOptions options = SaveOptions.DEFAULT;

	/**
	 * Which delete took each record to the recycle bin, by a number per delete: an
	 * undelete restores what the same delete took. Stamps cannot tell, since two delete
	 * calls may share a millisecond (see {@link WriteClock}). Like every call here, kept
	 * under the org's lock.
	 */
	private final Map<String, Long> deletions = new HashMap<>();

	private long lastDeletion;

	RecordWriter(EmulatorOrg org) {
		this.org = org;
	}

	/**
	 * Runs one call's writes with its options.
	 */
	<T> T withOptions(SaveOptions callOptions, Supplier<T> writes) {
		SaveOptions previous = this.options;
		this.options = callOptions;
		try {
			return writes.get();
		}
		finally {
			this.options = previous;
		}
	}

	// ---- create ----

	SaveOutcome create(RecordInput input, boolean system) {
		ObjectDefinition object = this.org.schema().object(input.type());
		if (object == null) {
			return SaveOutcome.failed(null,
					RecordError.of("INVALID_TYPE", "sObject type '" + input.type() + "' is not supported."));
		}
		if (!system && !object.writable()) {
			return SaveOutcome.failed(null, notWritable(object, "inserted"));
		}
		if (!system && this.org.lockContended()) {
			return SaveOutcome.failed(null, lockError());
		}
		if (input.id() != null && !input.id().isEmpty() && !system) {
			return SaveOutcome.failed(null,
					RecordError.of("INVALID_FIELD_FOR_INSERT_UPDATE", "cannot specify Id in an insert call", "Id"));
		}
		List<RecordError> errors = new ArrayList<>();
		Map<String, Object> changes = changes(object, input, true, system, errors);
		if (!errors.isEmpty()) {
			return SaveOutcome.failed(null, errors);
		}
		Table table = this.org.table(object.name());
		Object[] slots = new Object[object.fieldCount()];
		applyDefaults(object, slots);
		changes.forEach((field, value) -> slots[object.slot(field)] = value);
		String id = table.nextId();
		slots[0] = id;
		String personContactId = null;
		if (object.name().equals("Account") && isPersonAccount(changes)) {
			personContactId = this.org.table("Contact").nextId();
			slots[object.slot("IsPersonAccount")] = Boolean.TRUE;
			slots[object.slot("PersonContactId")] = personContactId;
		}
		else if (object.name().equals("Account")) {
			checkNoPersonFields(changes, errors);
		}
		derive(object, slots);
		checkRequired(object, slots, errors);
		checkReferences(object, changes, system, errors);
		checkUnique(table, id, slots, errors);
		checkObjectRules(object, slots, errors);
		if (!errors.isEmpty()) {
			return SaveOutcome.failed(null, errors);
		}
		Instant now = this.org.clock().next();
		stamp(object, slots, now, true, changes);
		table.put(new StoredRecord(object, slots));
		if (!system) {
			this.org.writeTally().created(object.name());
		}
		if (personContactId != null) {
			writePersonContact(personContactId, id, slots, object, now, true);
		}
		return SaveOutcome.ok(id, true);
	}

	// ---- update ----

	SaveOutcome update(RecordInput input, boolean system) {
		ObjectDefinition object = this.org.schema().object(input.type());
		if (object == null) {
			return SaveOutcome.failed(null,
					RecordError.of("INVALID_TYPE", "sObject type '" + input.type() + "' is not supported."));
		}
		if (input.id() == null || input.id().isEmpty()) {
			return SaveOutcome.failed(null,
					RecordError.of("MISSING_ARGUMENT", "Id not specified in an update call", "Id"));
		}
		if (!system && !object.writable()) {
			return SaveOutcome.failed(null, notWritable(object, "updated"));
		}
		String id = SalesforceIds.normalize(input.id());
		if (id == null || !object.keyPrefix().equals(SalesforceIds.keyPrefix(id))) {
			return SaveOutcome.failed(null, RecordError.of("MALFORMED_ID",
					object.name() + " ID: id value of incorrect type: " + input.id(), "Id"));
		}
		Table table = this.org.table(object.name());
		StoredRecord existing = table.get(id);
		if (existing == null) {
			return SaveOutcome.failed(id, RecordError.of("INVALID_CROSS_REFERENCE_KEY", "invalid cross reference id"));
		}
		if (existing.isDeleted()) {
			return SaveOutcome.failed(id, RecordError.of("ENTITY_IS_DELETED", "entity is deleted"));
		}
		if (!system && this.org.lockContended()) {
			return SaveOutcome.failed(id, lockError(id));
		}
		if (!system && Boolean.TRUE.equals(existing.get("IsConverted"))) {
			return SaveOutcome.failed(id,
					RecordError.of("CANNOT_UPDATE_CONVERTED_LEAD", "cannot reference converted lead"));
		}
		List<RecordError> errors = new ArrayList<>();
		Map<String, Object> changes = changes(object, input, false, system, errors);
		if (!errors.isEmpty()) {
			return SaveOutcome.failed(id, errors);
		}
		boolean person = Boolean.TRUE.equals(existing.get("IsPersonAccount"));
		if (object.name().equals("Account")) {
			if (person && changes.containsKey("Name") && !system) {
				errors.add(RecordError.of("INVALID_FIELD_FOR_INSERT_UPDATE",
						"Unable to create/update fields: Name. Person account names are set by FirstName and LastName.",
						"Name"));
			}
			else if (!person) {
				checkNoPersonFields(changes, errors);
			}
		}
		Object[] slots = existing.copyOfValues();
		changes.forEach((field, value) -> slots[object.slot(field)] = value);
		derive(object, slots);
		checkRequired(object, slots, errors);
		checkReferences(object, changes, system, errors);
		Table tableOfRecord = this.org.table(object.name());
		checkUnique(tableOfRecord, id, slots, errors);
		checkObjectRules(object, slots, errors);
		if (!errors.isEmpty()) {
			return SaveOutcome.failed(id, errors);
		}
		if (!system) {
			this.org.writeTally().updated(object.name(), !Arrays.equals(slots, existing.copyOfValues()));
		}
		Instant now = this.org.clock().next();
		stamp(object, slots, now, false, changes);
		tableOfRecord.put(new StoredRecord(object, slots));
		if (person && slots[object.slot("PersonContactId")] != null) {
			writePersonContact((String) slots[object.slot("PersonContactId")], id, slots, object, now, false);
		}
		return SaveOutcome.ok(id, false);
	}

	// ---- upsert ----

	List<SaveOutcome> upsert(String externalIdField, List<RecordInput> records) {
		List<SaveOutcome> outcomes = new ArrayList<>(records.size());
		Map<String, Integer> keyCounts = new HashMap<>();
		List<Object> keys = new ArrayList<>(records.size());
		for (RecordInput record : records) {
			Object key = externalIdValue(record, externalIdField);
			keys.add(key);
			if (key != null) {
				keyCounts.merge(key.toString().toLowerCase(Locale.ROOT), 1, Integer::sum);
			}
		}
		for (int i = 0; i < records.size(); i++) {
			outcomes.add(upsertOne(externalIdField, records.get(i), keys.get(i), keyCounts));
		}
		return outcomes;
	}

	private Object externalIdValue(RecordInput record, String externalIdField) {
		if (externalIdField.equals("Id")) {
			return (record.id() == null || record.id().isEmpty()) ? null : record.id();
		}
		for (Map.Entry<String, Object> entry : record.fields().entrySet()) {
			if (entry.getKey().equalsIgnoreCase(externalIdField)) {
				Object value = entry.getValue();
				return (value == null || value.toString().isEmpty()) ? null : value;
			}
		}
		return null;
	}

	private SaveOutcome upsertOne(String field, RecordInput input, Object key, Map<String, Integer> keyCounts) {
		ObjectDefinition object = this.org.schema().object(input.type());
		if (object == null) {
			return SaveOutcome.failed(null,
					RecordError.of("INVALID_TYPE", "sObject type '" + input.type() + "' is not supported."));
		}
		if (field.equals("Id")) {
			if (key == null) {
				return create(input, false);
			}
			SaveOutcome outcome = update(input, false);
			return outcome;
		}
		if (key == null) {
			return SaveOutcome.failed(null, RecordError.of("MISSING_ARGUMENT", field + " not specified", field));
		}
		if (keyCounts.get(key.toString().toLowerCase(Locale.ROOT)) > 1) {
			return SaveOutcome.failed(null,
					RecordError.of("DUPLICATE_EXTERNAL_ID", "Duplicate external id specified: " + key, field));
		}
		FieldDefinition definition = object.field(field);
		Object typedKey;
		try {
			typedKey = FieldValues.parse(definition, key);
		}
		catch (IllegalArgumentException ex) {
			return SaveOutcome.failed(null, RecordError.of("INVALID_TYPE_ON_FIELD_IN_RECORD",
					field + ": value not of required type: " + key, field));
		}
		List<String> matches = findByValue(this.org.table(object.name()), definition, typedKey);
		if (matches.size() > 1) {
			return SaveOutcome.failed(null, RecordError.of("DUPLICATE_EXTERNAL_ID",
					field + ": more than one record found for external id field: " + matches, field));
		}
		if (matches.isEmpty()) {
			RecordInput forCreate = new RecordInput(input.type(), null, input.fields(), input.fieldsToNull());
			return create(forCreate, false);
		}
		String id = matches.get(0);
		Map<String, Object> fields = new LinkedHashMap<>(input.fields());
		// the matching value is unchanged; leaving it out spares a needless
		// not-updateable error on create-only external ids
		fields.keySet().removeIf((name) -> name.equalsIgnoreCase(field));
		SaveOutcome outcome = update(new RecordInput(input.type(), id, fields, input.fieldsToNull()), false);
		return new SaveOutcome(id, false, outcome.errors());
	}

	private List<String> findByValue(Table table, FieldDefinition field, Object value) {
		if (table.isIndexed(field.name())) {
			String id = table.findUnique(field.name(), value);
			return (id != null) ? List.of(id) : List.of();
		}
		List<String> ids = new ArrayList<>();
		for (StoredRecord record : table.records().values()) {
			Object stored = record.get(field.name());
			if (!record.isDeleted() && stored != null && stored.toString().equalsIgnoreCase(value.toString())) {
				ids.add(record.id());
			}
		}
		ids.sort(null);
		return ids;
	}

	// ---- delete ----

	SaveOutcome delete(String rawId, boolean system) {
		String id = SalesforceIds.normalize(rawId);
		if (id == null) {
			return SaveOutcome.failed(null, RecordError.of("MALFORMED_ID", "malformed id " + rawId));
		}
		Table table = this.org.tableOfId(id);
		StoredRecord existing = (table != null) ? table.get(id) : null;
		if (existing == null) {
			return SaveOutcome.failed(null,
					RecordError.of("INVALID_CROSS_REFERENCE_KEY", "invalid cross reference id"));
		}
		if (existing.isDeleted()) {
			return SaveOutcome.failed(null, RecordError.of("ENTITY_IS_DELETED", "entity is deleted"));
		}
		if (!system && !existing.object().writable()) {
			return SaveOutcome.failed(null, notWritable(existing.object(), "deleted"));
		}
		if (Boolean.TRUE.equals(existing.get("IsPersonAccount")) && existing.object().name().equals("Contact")
				&& !system) {
			return SaveOutcome.failed(null, RecordError.of("INVALID_OPERATION",
					"Person account contacts are deleted with their account: delete the account instead"));
		}
		if (!system && this.org.lockContended()) {
			return SaveOutcome.failed(null, lockError(id));
		}
		moveToRecycleBin(Set.of(id), this.org.clock().next(), null);
		return SaveOutcome.ok(id, false);
	}

	/**
	 * Deletes records and, transitively, the children Salesforce deletes with them
	 * (contacts and opportunities of an account, contact roles, campaign members,
	 * activities, a person account's contact).
	 * @param roots the records to delete
	 * @param now the deletion time
	 * @param masterRecordId the surviving record when deleting for a merge, else
	 * {@code null}
	 */
	void moveToRecycleBin(Set<String> roots, Instant now, String masterRecordId) {
		Set<String> deleted = new LinkedHashSet<>(roots);
		for (String id : roots) {
			Object personContact = this.org.tableOfId(id).get(id).get("PersonContactId");
			if (personContact != null) {
				deleted.add((String) personContact);
			}
		}
		Set<String> frontier = new HashSet<>(deleted);
		while (!frontier.isEmpty()) {
			Set<String> next = new HashSet<>();
			for (Table table : this.org.tables()) {
				List<FieldDefinition> cascading = table.object()
					.fields()
					.stream()
					.filter(FieldDefinition::cascadeDelete)
					.toList();
				if (cascading.isEmpty()) {
					continue;
				}
				for (StoredRecord record : table.referencing(cascading, frontier)) {
					if (!deleted.contains(record.id())) {
						next.add(record.id());
					}
				}
			}
			next.removeAll(deleted);
			deleted.addAll(next);
			frontier = next;
		}
		long deletion = ++this.lastDeletion;
		for (String id : deleted) {
			this.deletions.put(id, deletion);
			Table table = this.org.tableOfId(id);
			StoredRecord record = table.get(id);
			ObjectDefinition object = record.object();
			Object[] slots = record.copyOfValues();
			slots[object.slot("IsDeleted")] = Boolean.TRUE;
			if (masterRecordId != null && roots.contains(id) && object.hasField("MasterRecordId")) {
				slots[object.slot("MasterRecordId")] = masterRecordId;
			}
			slots[object.slot("LastModifiedDate")] = now;
			slots[object.slot("SystemModstamp")] = now;
			table.put(new StoredRecord(object, slots));
		}
	}

	// ---- undelete ----

	/**
	 * Restores a record from the recycle bin with what its delete took with it: the
	 * children deleted in the same transaction through a cascading reference, and a
	 * person account's contact.
	 */
	SaveOutcome undelete(String rawId) {
		String id = SalesforceIds.normalize(rawId);
		if (id == null) {
			return SaveOutcome.failed(null, RecordError.of("MALFORMED_ID", "malformed id " + rawId));
		}
		Table table = this.org.tableOfId(id);
		StoredRecord existing = (table != null) ? table.get(id) : null;
		if (existing == null) {
			return SaveOutcome.failed(null, RecordError.of("INVALID_ID_FIELD", "invalid record id: " + rawId));
		}
		if (!existing.object().writable()) {
			return SaveOutcome.failed(id, notWritable(existing.object(), "undeleted"));
		}
		if (!existing.isDeleted()) {
			return SaveOutcome.failed(id, RecordError.of("UNDELETE_FAILED", "Entity is not in the recycle bin"));
		}
		if (Boolean.TRUE.equals(existing.get("IsPersonAccount")) && existing.object().name().equals("Contact")) {
			return SaveOutcome.failed(id, RecordError.of("UNDELETE_FAILED",
					"Person account contacts are restored with their account: undelete the account instead"));
		}
		for (FieldDefinition field : existing.object().fields()) {
			Object parentId = existing.get(field.name());
			if (field.cascadeDelete() && parentId != null) {
				Map<String, Object> parent = this.org.get((String) parentId);
				if (parent != null && Boolean.TRUE.equals(parent.get("IsDeleted"))) {
					return SaveOutcome.failed(id, RecordError.of("UNDELETE_FAILED", "Undelete failed: its parent "
							+ parentId + " is in the recycle bin; undelete the parent first", field.name()));
				}
			}
		}
		if (this.org.lockContended()) {
			return SaveOutcome.failed(id, lockError(id));
		}
		Set<String> restored = deletedWith(existing);
		List<RecordError> errors = new ArrayList<>();
		for (String restoredId : restored) {
			StoredRecord record = this.org.tableOfId(restoredId).get(restoredId);
			checkUnique(this.org.table(record.object().name()), restoredId, record.copyOfValues(), errors);
		}
		if (!errors.isEmpty()) {
			return SaveOutcome.failed(id, errors);
		}
		Instant now = this.org.clock().next();
		for (String restoredId : restored) {
			Table tableOfRecord = this.org.tableOfId(restoredId);
			StoredRecord record = tableOfRecord.get(restoredId);
			ObjectDefinition object = record.object();
			Object[] slots = record.copyOfValues();
			slots[object.slot("IsDeleted")] = Boolean.FALSE;
			if (object.hasField("MasterRecordId")) {
				slots[object.slot("MasterRecordId")] = null;
			}
			slots[object.slot("LastModifiedDate")] = now;
			slots[object.slot("SystemModstamp")] = now;
			tableOfRecord.put(new StoredRecord(object, slots));
		}
		return SaveOutcome.ok(id, false);
	}

	/**
	 * A deleted record and, transitively, the deleted records its delete cascaded to:
	 * those referencing it through a cascading field that the same delete took.
	 */
	Set<String> deletedWith(StoredRecord root) {
		Long deletion = this.deletions.get(root.id());
		Set<String> restored = new LinkedHashSet<>();
		restored.add(root.id());
		Object personContact = root.get("PersonContactId");
		if (personContact != null) {
			restored.add((String) personContact);
		}
		Set<String> frontier = new HashSet<>(restored);
		while (!frontier.isEmpty()) {
			Set<String> next = new HashSet<>();
			for (Table table : this.org.tables()) {
				List<FieldDefinition> cascading = table.object()
					.fields()
					.stream()
					.filter(FieldDefinition::cascadeDelete)
					.toList();
				if (cascading.isEmpty()) {
					continue;
				}
				for (StoredRecord record : table.referencing(cascading, frontier, true)) {
					if (record.isDeleted() && deletion != null && deletion.equals(this.deletions.get(record.id()))
							&& !restored.contains(record.id())) {
						next.add(record.id());
					}
				}
			}
			restored.addAll(next);
			frontier = next;
		}
		return restored;
	}

	// ---- shared steps ----

	/**
	 * The typed field changes a client asks for, or errors for unknown, read-only and
	 * ill-typed fields.
	 */
	Map<String, Object> changes(ObjectDefinition object, RecordInput input, boolean creating, boolean system,
			List<RecordError> errors) {
		Map<String, Object> changes = new LinkedHashMap<>();
		input.fields().forEach((name, raw) -> {
			if (name.equalsIgnoreCase("Id") || name.equals("type")) {
				return;
			}
			FieldDefinition field = object.field(name);
			if (field == null) {
				errors.add(RecordError.of("INVALID_FIELD",
						"No such column '" + name + "' on sobject of type " + object.name(), name));
				return;
			}
			if (!system && !(creating ? field.createable() : field.updateable())) {
				errors.add(notWritable(field));
				return;
			}
			Object value;
			try {
				value = FieldValues.parse(field, raw);
			}
			catch (IllegalArgumentException ex) {
				errors.add(RecordError.of("INVALID_TYPE_ON_FIELD_IN_RECORD",
						field.name() + ": value not of required type: " + raw, field.name()));
				return;
			}
			if (this.options.allowFieldTruncation() && value instanceof String text) {
				value = truncated(field, text);
			}
			RecordError error = (value != null) ? checkValue(field, value) : null;
			if (error != null) {
				errors.add(error);
				return;
			}
			if (value instanceof String text && field.type() == FieldType.reference) {
				value = SalesforceIds.normalize(text);
			}
			changes.put(field.name(), (value == null && field.type() == FieldType._boolean) ? Boolean.FALSE : value);
		});
		for (String name : input.fieldsToNull()) {
			FieldDefinition field = object.field(name);
			if (field == null) {
				errors.add(RecordError.of("INVALID_FIELD",
						"No such column '" + name + "' on sobject of type " + object.name(), name));
			}
			else if (!system && !(creating ? field.createable() : field.updateable())) {
				errors.add(notWritable(field));
			}
			else {
				// a checkbox cannot be null: nulling it clears it
				changes.put(field.name(), (field.type() == FieldType._boolean) ? Boolean.FALSE : null);
			}
		}
		return changes;
	}

	/**
	 * A text value cut to the field's length, as {@code AllowFieldTruncationHeader} asks
	 * (never splitting a surrogate pair).
	 */
	private static String truncated(FieldDefinition field, String text) {
		if (!field.isText() || field.length() <= 0 || text.length() <= field.length()) {
			return text;
		}
		int end = field.length();
		if (Character.isHighSurrogate(text.charAt(end - 1))) {
			end--;
		}
		return text.substring(0, end);
	}

	private static RecordError notWritable(ObjectDefinition object, String what) {
		return RecordError.of("INVALID_TYPE_FOR_OPERATION", "entity type cannot be " + what + ": " + object.name());
	}

	private static RecordError notWritable(FieldDefinition field) {
		return RecordError.of("INVALID_FIELD_FOR_INSERT_UPDATE", "Unable to create/update fields: " + field.name()
				+ ". Please check the security settings of this field and verify that it is read/write for your profile or permission set.",
				field.name());
	}

	private static RecordError checkValue(FieldDefinition field, Object value) {
		if (field.isText() && value instanceof String text) {
			// Salesforce counts UTF-16 code units: a character outside the BMP (emoji)
			// counts as two
			if (field.length() > 0 && text.length() > field.length()) {
				return RecordError.of("STRING_TOO_LONG",
						field.label() + ": data value too large: " + text + " (max length=" + field.length() + ")",
						field.name());
			}
			if (field.type() == FieldType.email && !FieldValues.isValidEmail(text)) {
				return RecordError.of("INVALID_EMAIL_ADDRESS", field.label() + ": invalid email address: " + text,
						field.name());
			}
		}
		if (field.type() == FieldType.reference && SalesforceIds.normalize(value.toString()) == null) {
			return RecordError.of("MALFORMED_ID", field.label() + ": id value of incorrect type: " + value,
					field.name());
		}
		return null;
	}

	static void applyDefaults(ObjectDefinition object, Object[] slots) {
		for (FieldDefinition field : object.fields()) {
			if (field.defaultValue() != null) {
				slots[object.slot(field.name())] = field.defaultValue();
			}
		}
		if (object.hasField("OwnerId")) {
			slots[object.slot("OwnerId")] = StandardSchema.USER_ID;
		}
	}

	/**
	 * Sets the fields the server computes from others.
	 */
	static void derive(ObjectDefinition object, Object[] slots) {
		switch (object.name()) {
			case "Contact", "Lead", "User" ->
				slots[object.slot("Name")] = fullName(slots[object.slot("FirstName")], slots[object.slot("LastName")]);
			case "Account" -> {
				if (Boolean.TRUE.equals(slots[object.slot("IsPersonAccount")])) {
					slots[object.slot("Name")] = fullName(slots[object.slot("FirstName")],
							slots[object.slot("LastName")]);
				}
			}
			case "Opportunity" -> {
				Object stage = slots[object.slot("StageName")];
				slots[object.slot("IsClosed")] = stage != null && stage.toString().startsWith("Closed");
				slots[object.slot("IsWon")] = "Closed Won".equals(stage);
			}
			case "Task" -> slots[object.slot("IsClosed")] = "Completed".equals(slots[object.slot("Status")]);
			case "CampaignMember" ->
				slots[object.slot("HasResponded")] = "Responded".equals(slots[object.slot("Status")]);
			default -> {
			}
		}
	}

	private static String fullName(Object first, Object last) {
		String name = ((first != null) ? first + " " : "") + ((last != null) ? last : "");
		return name.isBlank() ? null : name.trim();
	}

	private static boolean isPersonAccount(Map<String, Object> changes) {
		return changes.get("LastName") != null && changes.get("Name") == null;
	}

	private static void checkNoPersonFields(Map<String, Object> changes, List<RecordError> errors) {
		for (String field : List.of("FirstName", "LastName", "PersonEmail")) {
			if (changes.get(field) != null) {
				errors.add(RecordError.of("INVALID_FIELD_FOR_INSERT_UPDATE",
						"Unable to create/update fields: " + field + ". It is a person account field.", field));
			}
		}
	}

	private static void checkRequired(ObjectDefinition object, Object[] slots, List<RecordError> errors) {
		List<String> missing = new ArrayList<>();
		for (FieldDefinition field : object.fields()) {
			if (field.requiredOnCreate() && slots[object.slot(field.name())] == null) {
				missing.add(field.name());
			}
		}
		if (!missing.isEmpty()) {
			errors.add(new RecordError("REQUIRED_FIELD_MISSING", "Required fields are missing: " + missing, missing));
		}
	}

	private void checkReferences(ObjectDefinition object, Map<String, Object> changes, boolean system,
			List<RecordError> errors) {
		changes.forEach((name, value) -> {
			FieldDefinition field = object.field(name);
			if (field.type() != FieldType.reference || value == null) {
				return;
			}
			String id = (String) value;
			Table target = this.org.tableOfId(id);
			if (target == null && field.referenceTo().contains("User")) {
				// users and queues live in their own tables; an id of no known object
				// names no user
				errors.add(RecordError.of("INVALID_CROSS_REFERENCE_KEY", "invalid cross reference id: " + field.name(),
						field.name()));
				return;
			}
			if (target == null || !field.referenceTo().contains(target.object().name())) {
				errors.add(RecordError.of("FIELD_INTEGRITY_EXCEPTION",
						field.label() + ": id value of incorrect type: " + id, field.name()));
				return;
			}
			StoredRecord parent = target.get(id);
			if (parent == null) {
				errors.add(RecordError.of("INVALID_CROSS_REFERENCE_KEY", "invalid cross reference id: " + field.name(),
						field.name()));
			}
			else if (parent.isDeleted() && !system) {
				errors.add(RecordError.of("ENTITY_IS_DELETED", "entity is deleted", field.name()));
			}
		});
	}

	private static void checkUnique(Table table, String id, Object[] slots, List<RecordError> errors) {
		ObjectDefinition object = table.object();
		for (FieldDefinition field : object.fields()) {
			Object value = slots[object.slot(field.name())];
			if (field.unique() && value != null) {
				String holder = table.findUnique(field.name(), value);
				if (holder != null && !holder.equals(id)) {
					errors.add(RecordError.of("DUPLICATE_VALUE",
							"duplicate value found: " + field.name() + " duplicates value on record with id: " + holder,
							field.name()));
				}
			}
		}
	}

	private static void checkObjectRules(ObjectDefinition object, Object[] slots, List<RecordError> errors) {
		if (object.name().equals("CampaignMember") && slots[object.slot("LeadId")] == null
				&& slots[object.slot("ContactId")] == null) {
			errors.add(new RecordError("REQUIRED_FIELD_MISSING", "Required fields are missing: [ContactId, LeadId]",
					List.of("ContactId", "LeadId")));
		}
	}

	/**
	 * Sets the system fields of a write; with system rights, timestamps the caller set
	 * are kept.
	 */
	private static void stamp(ObjectDefinition object, Object[] slots, Instant now, boolean creating,
			Map<String, Object> changes) {
		if (creating) {
			slots[object.slot("IsDeleted")] = Boolean.FALSE;
			setUnlessGiven(object, slots, changes, "CreatedDate", now);
			setUnlessGiven(object, slots, changes, "CreatedById", StandardSchema.USER_ID);
		}
		setUnlessGiven(object, slots, changes, "LastModifiedDate", now);
		setUnlessGiven(object, slots, changes, "LastModifiedById", StandardSchema.USER_ID);
		Object modified = slots[object.slot("LastModifiedDate")];
		setUnlessGiven(object, slots, changes, "SystemModstamp", (modified != null) ? modified : now);
	}

	private static void setUnlessGiven(ObjectDefinition object, Object[] slots, Map<String, Object> changes,
			String field, Object value) {
		if (changes.get(field) == null) {
			slots[object.slot(field)] = value;
		}
	}

	/**
	 * Writes the contact that carries a person account's person fields.
	 */
	private void writePersonContact(String contactId, String accountId, Object[] account, ObjectDefinition accounts,
			Instant now, boolean creating) {
		Table contacts = this.org.table("Contact");
		ObjectDefinition contact = contacts.object();
		StoredRecord existing = contacts.get(contactId);
		Object[] slots;
		if (existing != null && !creating) {
			slots = existing.copyOfValues();
		}
		else {
			slots = new Object[contact.fieldCount()];
			applyDefaults(contact, slots);
			slots[0] = contactId;
			slots[contact.slot("CreatedDate")] = now;
			slots[contact.slot("CreatedById")] = StandardSchema.USER_ID;
			slots[contact.slot("IsDeleted")] = Boolean.FALSE;
		}
		slots[contact.slot("AccountId")] = accountId;
		slots[contact.slot("IsPersonAccount")] = Boolean.TRUE;
		slots[contact.slot("FirstName")] = account[accounts.slot("FirstName")];
		slots[contact.slot("LastName")] = account[accounts.slot("LastName")];
		slots[contact.slot("Email")] = account[accounts.slot("PersonEmail")];
		slots[contact.slot("Phone")] = account[accounts.slot("Phone")];
		slots[contact.slot("LastModifiedDate")] = now;
		slots[contact.slot("LastModifiedById")] = StandardSchema.USER_ID;
		slots[contact.slot("SystemModstamp")] = now;
		derive(contact, slots);
		contacts.put(new StoredRecord(contact, slots));
	}

	/**
	 * Writes server-side changes to an existing record (conversion, merge re-parenting),
	 * stamping it as modified.
	 */
	void writeSystemChanges(StoredRecord record, Map<String, Object> changes, Instant now) {
		ObjectDefinition object = record.object();
		Object[] slots = record.copyOfValues();
		changes.forEach((field, value) -> slots[object.slot(field)] = value);
		derive(object, slots);
		slots[object.slot("LastModifiedDate")] = now;
		slots[object.slot("SystemModstamp")] = now;
		this.org.table(object.name()).put(new StoredRecord(object, slots));
	}

	static RecordError lockError() {
		return RecordError.of("UNABLE_TO_LOCK_ROW", "unable to obtain exclusive access to this record");
	}

	static RecordError lockError(String id) {
		return RecordError.of("UNABLE_TO_LOCK_ROW",
				"unable to obtain exclusive access to this record or 1 records: " + id);
	}

}
