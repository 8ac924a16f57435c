/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.emulator.bulk;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import com.crmsync.emulator.org.EmulatorOrg;
import com.crmsync.emulator.soql.EqualityKey;
import com.crmsync.emulator.soql.RecordSource;

/**
 * The org's records as one chunk of a PK-chunked query sees them: the queried object's
 * records limited to the chunk's id range; parents and other objects as they are.
 */
final class IdRangeSource implements RecordSource {

	private final EmulatorOrg org;

	private final String objectName;

	private final BulkBatch.IdRange range;

	IdRangeSource(EmulatorOrg org, String objectName, BulkBatch.IdRange range) {
		this.org = org;
		this.objectName = objectName;
		this.range = range;
	}

	@Override
	public Stream<Map<String, Object>> records(String object, boolean includeDeleted) {
		return object.equals(this.objectName)
				? this.org.recordsInIdRange(object, this.range.fromId(), this.range.toId(), includeDeleted)
				: this.org.records(object, includeDeleted);
	}

	@Override
	public Map<String, Object> byId(String object, String id) {
		return this.org.byId(object, id);
	}

	@Override
	public boolean inIdOrder() {
		return true;
	}

	@Override
	public Stream<Map<String, Object>> recordsFromId(String object, String fromId, boolean includeDeleted) {
		if (!object.equals(this.objectName)) {
			return this.org.recordsFromId(object, fromId, includeDeleted);
		}
		String from = (fromId.compareTo(this.range.fromId()) > 0) ? fromId : this.range.fromId();
		if (this.range.toId() != null && from.compareTo(this.range.toId()) >= 0) {
			return Stream.empty();
		}
		return this.org.recordsInIdRange(object, from, this.range.toId(), includeDeleted);
	}

	@Override
	public List<? extends Map<String, Object>> recordsWithKeys(String object, String field, EqualityKey kind,
			Set<Object> keys, boolean includeDeleted) {
		List<? extends Map<String, Object>> found = this.org.recordsWithKeys(object, field, kind, keys, includeDeleted);
		if (found == null || !object.equals(this.objectName)) {
			return found;
		}
		return found.stream().filter((record) -> inRange((String) record.get("Id"))).toList();
	}

	private boolean inRange(String id) {
		return id.compareTo(this.range.fromId()) >= 0
				&& (this.range.toId() == null || id.compareTo(this.range.toId()) < 0);
	}

}
