/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.emulator.org;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.sforce.soap.partner.FieldType;

/**
 * Merges up to two records of an account, contact or lead into a master record as
 * Salesforce does: the master takes the given field values, the children of the merged
 * records are re-parented to the master, and the merged records go to the recycle bin
 * with {@code MasterRecordId} pointing at the master.
 */
final class RecordMerger {

	private final EmulatorOrg org;

	private final RecordWriter writer;

	RecordMerger(EmulatorOrg org, RecordWriter writer) {
		this.org = org;
		this.writer = writer;
	}

	RecordMerge.Result merge(RecordMerge request) {
		String masterId = SalesforceIds.normalize(request.masterRecord().id());
		Table table = (masterId != null) ? this.org.tableOfId(masterId) : null;
		StoredRecord master = (table != null) ? table.get(masterId) : null;
		if (master == null) {
			return RecordMerge.Result.failed(request.masterRecord().id(),
					List.of(RecordError.of("INVALID_CROSS_REFERENCE_KEY", "invalid cross reference id", "Id")));
		}
		ObjectDefinition object = master.object();
		if (!object.mergeable()) {
			return RecordMerge.Result.failed(masterId, List.of(RecordError.of("INVALID_OPERATION",
					"Merge is only supported for Account, Contact and Lead, not " + object.name())));
		}
		if (master.isDeleted()) {
			return RecordMerge.Result.failed(masterId,
					List.of(RecordError.of("ENTITY_IS_DELETED", "entity is deleted")));
		}
		if (request.recordToMergeIds().isEmpty() || request.recordToMergeIds().size() > 2) {
			return RecordMerge.Result.failed(masterId, List.of(RecordError.of("INVALID_OPERATION",
					"A merge request must name one or two records to merge into the master record")));
		}
		Set<String> merged = new LinkedHashSet<>();
		for (String rawId : request.recordToMergeIds()) {
			String id = SalesforceIds.normalize(rawId);
			StoredRecord record = (id != null) ? table.get(id) : null;
			if (record == null || id.equals(masterId)) {
				return RecordMerge.Result.failed(masterId,
						List.of(RecordError.of("INVALID_CROSS_REFERENCE_KEY", "invalid cross reference id: " + rawId)));
			}
			if (record.isDeleted()) {
				return RecordMerge.Result.failed(masterId,
						List.of(RecordError.of("ENTITY_IS_DELETED", "entity is deleted")));
			}
			merged.add(id);
		}
		RecordInput masterInput = request.masterRecord();
		if (!masterInput.fields().isEmpty() || !masterInput.fieldsToNull().isEmpty()) {
			SaveOutcome outcome = this.writer.update(
					new RecordInput(object.name(), masterId, masterInput.fields(), masterInput.fieldsToNull()), false);
			if (!outcome.success()) {
				return RecordMerge.Result.failed(masterId, outcome.errors());
			}
		}
		Instant now = this.org.clock().next();
		List<String> updatedRelated = reparent(object, merged, masterId, now);
		this.writer.moveToRecycleBin(merged, now, masterId);
		return new RecordMerge.Result(masterId, List.copyOf(merged), updatedRelated, List.of());
	}

	private List<String> reparent(ObjectDefinition object, Set<String> merged, String masterId, Instant now) {
		List<String> updated = new ArrayList<>();
		for (Table child : this.org.tables()) {
			List<FieldDefinition> references = child.object()
				.fields()
				.stream()
				.filter((field) -> field.type() == FieldType.reference && field.referenceTo().contains(object.name())
						&& !field.name().equals("MasterRecordId") && !field.name().equals("PersonContactId"))
				.toList();
			if (references.isEmpty()) {
				continue;
			}
			for (StoredRecord record : child.referencing(references, merged)) {
				if (merged.contains(record.id())) {
					continue;
				}
				Map<String, Object> changes = new java.util.HashMap<>();
				for (FieldDefinition field : references) {
					if (merged.contains(record.get(field.name()))) {
						changes.put(field.name(), masterId);
					}
				}
				if (!changes.isEmpty()) {
					this.writer.writeSystemChanges(record, changes, now);
					updated.add(record.id());
				}
			}
		}
		updated.sort(null);
		return updated;
	}

}
