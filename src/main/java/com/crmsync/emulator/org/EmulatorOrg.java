/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.emulator.org;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.crmsync.emulator.soql.EqualityKey;
import com.crmsync.emulator.soql.RecordSource;

/**
 * The emulated org's data: every object's records (recycle bin included) in memory, and
 * the writes Salesforce's API offers (create, update, upsert, delete, lead conversion,
 * merge) with Salesforce's validation and per-record errors.
 * <p>
 * Writes are serialized on the org; reads need no lock because a stored record is
 * immutable and replaced as a whole on every write. Each write call is one transaction of
 * the {@link WriteClock}: all the records it writes share one stamp. Tests use the same
 * methods to set up data and check results ({@link #insert}, {@link #get},
 * {@link #records}).
 */
public final class EmulatorOrg implements RecordSource {

	private final OrgSchema schema;

	private final WriteClock clock;

	private final Map<String, Table> tables = new LinkedHashMap<>();

	private final RecordWriter writer;

	private volatile BooleanSupplier lockContention = () -> false;

	private final WriteTally writeTally = new WriteTally();

	/**
	 * Records purged from the recycle bin, by object: id to deletion time, what
	 * {@code getDeleted} still reports.
	 */
	private final Map<String, Map<String, Instant>> purged = new ConcurrentHashMap<>();

	/** The integration user's username when none is given. */
	public static final String DEFAULT_USERNAME = "sync@example.com";

	public EmulatorOrg(OrgSchema schema, WriteClock clock) {
		this(schema, clock, DEFAULT_USERNAME);
	}

	/**
	 * An org holding only its integration user (and, when the schema has groups, its lead
	 * queue).
	 * @param schema the schema
	 * @param clock the write clock
	 * @param username the integration user's username
	 */
	public EmulatorOrg(OrgSchema schema, WriteClock clock, String username) {
		this.schema = schema;
		this.clock = clock;
		for (ObjectDefinition object : schema.objects()) {
			this.tables.put(object.name(), new Table(object));
		}
		this.writer = new RecordWriter(this);
		loadIntegrationUser(username);
	}

	private void loadIntegrationUser(String username) {
		Instant now = this.clock.next();
		Map<String, Object> audit = Map.of("CreatedDate", now, "LastModifiedDate", now, "SystemModstamp", now);
		if (this.tables.containsKey("User")) {
			Map<String, Object> user = new LinkedHashMap<>(audit);
			user.putAll(
					Map.of("Username", username, "FirstName", "Sync", "LastName", "User", "Email", username, "Alias",
							"sync", "IsActive", true, "UserType", "Standard", "TimeZoneSidKey", "America/Los_Angeles"));
			load("User", reserveId("User"), user);
		}
		if (this.tables.containsKey("Group")) {
			Map<String, Object> queue = new LinkedHashMap<>(audit);
			queue.putAll(Map.of("Name", "Lead Queue", "DeveloperName", "Lead_Queue", "Type", "Queue"));
			load("Group", reserveId("Group"), queue);
		}
	}

	/**
	 * The schema.
	 * @return the org's schema
	 */
	public OrgSchema schema() {
		return this.schema;
	}

	/**
	 * Adds an object to the org, without records: how a test extends the standard schema
	 * (e.g. with a custom object made by {@link StandardSchema#customObject}). Define
	 * objects before clients use the org.
	 * @param object the object
	 * @throws IllegalArgumentException when the org has an object of that name or key
	 * prefix
	 */
	public synchronized void define(ObjectDefinition object) {
		this.schema.add(object);
		this.tables.put(object.name(), new Table(object));
	}

	/**
	 * The clock that stamps writes.
	 * @return the write clock
	 */
	public WriteClock clock() {
		return this.clock;
	}

	/**
	 * Sets the source of injected lock contention: asked once per record of a client's
	 * write, {@code true} fails that record with {@code UNABLE_TO_LOCK_ROW}.
	 * @param lockContention the source
	 */
	public void setLockContention(BooleanSupplier lockContention) {
		this.lockContention = lockContention;
	}

	/**
	 * What clients' writes created and changed so far, per object.
	 * @return the tally
	 */
	public WriteTally writeTally() {
		return this.writeTally;
	}

	boolean lockContended() {
		return this.lockContention.getAsBoolean();
	}

	Table table(String objectName) {
		return this.tables.get(objectName);
	}

	Iterable<Table> tables() {
		return this.tables.values();
	}

	/**
	 * The table of the object an id belongs to, or {@code null}.
	 */
	Table tableOfId(String id) {
		ObjectDefinition object = this.schema.objectByKeyPrefix(SalesforceIds.keyPrefix(id));
		return (object != null) ? this.tables.get(object.name()) : null;
	}

	// ---- RecordSource (the SOQL engine reads through these) ----

	@Override
	public Stream<Map<String, Object>> records(String objectName, boolean includeDeleted) {
		Table table = this.tables.get(objectName);
		return (table != null) ? stream(table.records().values(), includeDeleted) : Stream.empty();
	}

	private static Stream<Map<String, Object>> stream(Collection<StoredRecord> records, boolean includeDeleted) {
		Stream<StoredRecord> stream = records.stream();
		if (!includeDeleted) {
			stream = stream.filter((record) -> !record.isDeleted());
		}
		return stream.map((record) -> record);
	}

	/**
	 * Tables keep records sorted by id.
	 * @return {@code true}
	 */
	@Override
	public boolean inIdOrder() {
		return true;
	}

	@Override
	public Stream<Map<String, Object>> recordsFromId(String objectName, String fromId, boolean includeDeleted) {
		Table table = this.tables.get(objectName);
		return (table != null) ? stream(table.records().tailMap(fromId, true).values(), includeDeleted)
				: Stream.empty();
	}

	@Override
	public List<? extends Map<String, Object>> recordsModifiedSince(String objectName, Instant from,
			boolean includeDeleted) {
		Table table = this.tables.get(objectName);
		return (table != null) ? table.modifiedSince(from, includeDeleted) : null;
	}

	/**
	 * Looks records up by id, or through an index of the field that the table builds on
	 * the first query filtering on it.
	 */
	@Override
	public List<? extends Map<String, Object>> recordsWithKeys(String objectName, String field, EqualityKey kind,
			Set<Object> keys, boolean includeDeleted) {
		Table table = this.tables.get(objectName);
		if (table == null) {
			return null;
		}
		if (!field.equals("Id")) {
			return table.withKeys(field, kind, keys, includeDeleted);
		}
		if (kind != EqualityKey.ID) {
			return null;
		}
		// an id's key is its 18-character form, the table's key
		List<StoredRecord> found = new ArrayList<>(keys.size());
		for (Object key : keys) {
			StoredRecord record = table.get((String) key);
			if (record != null && (includeDeleted || !record.isDeleted())) {
				found.add(record);
			}
		}
		found.sort((left, right) -> left.id().compareTo(right.id()));
		return found;
	}

	/**
	 * The records whose id falls in {@code [fromId, toId)}, in id order: one chunk of a
	 * PK-chunked bulk query.
	 * @param objectName the canonical object name
	 * @param fromId the first id, inclusive
	 * @param toId the end, exclusive, or {@code null} for the rest
	 * @param includeDeleted whether to include the recycle bin
	 * @return the records
	 */
	public Stream<Map<String, Object>> recordsInIdRange(String objectName, String fromId, String toId,
			boolean includeDeleted) {
		Table table = this.tables.get(objectName);
		if (table == null) {
			return Stream.empty();
		}
		Collection<StoredRecord> range = (toId != null) ? table.records().subMap(fromId, true, toId, false).values()
				: table.records().tailMap(fromId, true).values();
		return stream(range, includeDeleted);
	}

	/**
	 * The first id of each chunk of {@code chunkSize} records of an object (recycle bin
	 * included), in id order, as Salesforce splits a table for PK chunking: chunk
	 * {@code i} holds the ids from element {@code i} up to element {@code i + 1}.
	 * @param objectName the canonical object name
	 * @param chunkSize records per chunk
	 * @return the chunks' first ids; empty for an empty table
	 */
	public List<String> idChunkStarts(String objectName, int chunkSize) {
		List<String> starts = new ArrayList<>();
		long position = 0;
		for (String id : this.tables.get(objectName).records().keySet()) {
			if (position++ % chunkSize == 0) {
				starts.add(id);
			}
		}
		return starts;
	}

	@Override
	public Map<String, Object> byId(String objectName, String id) {
		Table table = this.tables.get(objectName);
		return (table != null && id != null) ? table.get(id) : null;
	}

	// ---- client writes (SOAP API) ----

	/**
	 * Creates records as the {@code create} call does.
	 * @param records the records (at most 200; the caller enforces the limit)
	 * @return one outcome per record, in order
	 */
	public List<SaveOutcome> create(List<RecordInput> records) {
		return create(records, SaveOptions.DEFAULT);
	}

	/**
	 * Creates records as the {@code create} call does, with the call's options.
	 * @param records the records (at most 200; the caller enforces the limit)
	 * @param options the call's save options
	 * @return one outcome per record, in order
	 */
	public synchronized List<SaveOutcome> create(List<RecordInput> records, SaveOptions options) {
		return this.writer.withOptions(options, () -> this.clock
			.transaction(() -> records.stream().map((record) -> this.writer.create(record, false)).toList()));
	}

	/**
	 * Updates records by id as the {@code update} call does.
	 * @param records the records
	 * @return one outcome per record, in order
	 */
	public List<SaveOutcome> update(List<RecordInput> records) {
		return update(records, SaveOptions.DEFAULT);
	}

	/**
	 * Updates records by id as the {@code update} call does, with the call's options.
	 * @param records the records
	 * @param options the call's save options
	 * @return one outcome per record, in order
	 */
	public synchronized List<SaveOutcome> update(List<RecordInput> records, SaveOptions options) {
		return this.writer.withOptions(options, () -> this.clock
			.transaction(() -> records.stream().map((record) -> this.writer.update(record, false)).toList()));
	}

	/**
	 * Creates or updates records matched on an external id field (or {@code Id}), as the
	 * {@code upsert} call does.
	 * @param externalIdField the canonical matching field
	 * @param records the records
	 * @return one outcome per record, in order
	 */
	public List<SaveOutcome> upsert(String externalIdField, List<RecordInput> records) {
		return upsert(externalIdField, records, SaveOptions.DEFAULT);
	}

	/**
	 * Creates or updates records matched on an external id field (or {@code Id}), as the
	 * {@code upsert} call does, with the call's options.
	 * @param externalIdField the canonical matching field
	 * @param records the records
	 * @param options the call's save options
	 * @return one outcome per record, in order
	 */
	public synchronized List<SaveOutcome> upsert(String externalIdField, List<RecordInput> records,
			SaveOptions options) {
		return this.writer.withOptions(options,
				() -> this.clock.transaction(() -> this.writer.upsert(externalIdField, records)));
	}

	/**
	 * Moves records to the recycle bin as the {@code delete} call does, with the children
	 * Salesforce deletes with them.
	 * @param ids the ids as sent
	 * @return one outcome per id, in order
	 */
	public synchronized List<SaveOutcome> delete(List<String> ids) {
		return this.clock.transaction(() -> ids.stream().map((id) -> this.writer.delete(id, false)).toList());
	}

	/**
	 * Restores records from the recycle bin as the {@code undelete} call does, with the
	 * records their delete cascaded to.
	 * @param ids the ids as sent
	 * @return one outcome per id, in order
	 */
	public synchronized List<SaveOutcome> undelete(List<String> ids) {
		return this.clock.transaction(() -> ids.stream().map(this.writer::undelete).toList());
	}

	/**
	 * Purges records from the recycle bin as the {@code emptyRecycleBin} call does, with
	 * the records their delete cascaded to: {@code queryAll} and {@code retrieve} no
	 * longer find them; {@code getDeleted} still reports them (with their deletion time).
	 * @param ids the ids as sent
	 * @return one outcome per id, in order
	 */
	public synchronized List<SaveOutcome> emptyRecycleBin(List<String> ids) {
		List<SaveOutcome> outcomes = new ArrayList<>();
		for (String rawId : ids) {
			String id = SalesforceIds.normalize(rawId);
			Table table = (id != null) ? tableOfId(id) : null;
			StoredRecord record = (table != null) ? table.get(id) : null;
			if (record == null) {
				outcomes
					.add(SaveOutcome.failed(null, RecordError.of("INVALID_ID_FIELD", "invalid record id: " + rawId)));
			}
			else if (!record.isDeleted()) {
				outcomes.add(SaveOutcome.failed(id, RecordError.of("INVALID_ID_FIELD",
						"Entity is not in the recycle bin: delete it before emptying the recycle bin")));
			}
			else {
				for (String purged : this.writer.deletedWith(record)) {
					Table tableOfPurged = tableOfId(purged);
					StoredRecord removed = tableOfPurged.remove(purged);
					if (removed != null) {
						this.purged.computeIfAbsent(removed.object().name(), (name) -> new ConcurrentSkipListMap<>())
							.put(purged, (Instant) removed.get("SystemModstamp"));
					}
				}
				outcomes.add(SaveOutcome.ok(id, false));
			}
		}
		return outcomes;
	}

	/**
	 * Deletes a record and purges it from the recycle bin at once (a hard delete),
	 * without injected faults.
	 * @param id the record id
	 * @throws IllegalArgumentException when it cannot be deleted
	 */
	public synchronized void purge(String id) {
		if (!Boolean.TRUE.equals(get(id).get("IsDeleted"))) {
			delete(id);
		}
		check(emptyRecycleBin(List.of(id)).get(0));
	}

	/**
	 * Converts a lead as the {@code convertLead} call does.
	 * @param request the conversion
	 * @return the outcome
	 */
	public synchronized LeadConversion.Result convertLead(LeadConversion request) {
		return this.clock.transaction(() -> new LeadConverter(this, this.writer).convert(request));
	}

	/**
	 * Merges up to two records into a master as the {@code merge} call does.
	 * @param request the merge
	 * @return the outcome
	 */
	public synchronized RecordMerge.Result merge(RecordMerge request) {
		return this.clock.transaction(() -> new RecordMerger(this, this.writer).merge(request));
	}

	// ---- direct access for set-up and assertions ----

	/**
	 * Inserts a record with system rights: any field may be set, including read-only ones
	 * such as {@code CreatedDate} or {@code IsConverted}; validation otherwise as for
	 * {@code create}.
	 * @param objectName the object
	 * @param fields the values (typed Java values or wire text)
	 * @return the new id
	 * @throws IllegalArgumentException with the errors when the record is invalid
	 */
	public synchronized String insert(String objectName, Map<String, ?> fields) {
		SaveOutcome outcome = this.clock
			.transaction(() -> this.writer.create(RecordInput.of(objectName, null, fields), true));
		return check(outcome);
	}

	/**
	 * Updates a record with system rights (see {@link #insert}).
	 * @param id the record id
	 * @param fields the new values; a {@code null} value nulls the field
	 * @throws IllegalArgumentException with the errors when the change is invalid
	 */
	public synchronized void update(String id, Map<String, ?> fields) {
		Table table = tableOfId(id);
		if (table == null) {
			throw new IllegalArgumentException("No record " + id);
		}
		Map<String, Object> values = new LinkedHashMap<>();
		List<String> nulls = new ArrayList<>();
		fields.forEach((name, value) -> {
			if (value == null) {
				nulls.add(name);
			}
			else {
				values.put(name, value);
			}
		});
		check(this.clock
			.transaction(() -> this.writer.update(new RecordInput(table.object().name(), id, values, nulls), true)));
	}

	/**
	 * Deletes a record (and its cascade) as {@code delete} does, without injected faults.
	 * @param id the record id
	 * @throws IllegalArgumentException when it cannot be deleted
	 */
	public synchronized void delete(String id) {
		check(this.clock.transaction(() -> this.writer.delete(id, true)));
	}

	/**
	 * Converts a lead into a new account and contact without an opportunity.
	 * @param leadId the lead
	 * @return the outcome
	 */
	public LeadConversion.Result convertLead(String leadId) {
		return convertLead(new LeadConversion(leadId, StandardSchema.CONVERTED_LEAD_STATUS, null, null, true, null));
	}

	/**
	 * Merges records into a master without changing the master's fields.
	 * @param masterId the surviving record
	 * @param mergedIds the one or two records merged into it
	 * @return the outcome
	 */
	public RecordMerge.Result merge(String masterId, String... mergedIds) {
		return merge(new RecordMerge(RecordInput.of(null, masterId, Map.of()), List.of(mergedIds)));
	}

	/**
	 * A record by id, deleted or not.
	 * @param id the 15- or 18-character id
	 * @return an immutable view of the record, or {@code null}
	 */
	public Map<String, Object> get(String id) {
		String normalized = SalesforceIds.normalize(id);
		Table table = (normalized != null) ? tableOfId(normalized) : null;
		return (table != null) ? table.get(normalized) : null;
	}

	/**
	 * The live (not deleted) records of an object, ordered by id.
	 * @param objectName the object
	 * @return immutable views of the records
	 */
	public List<Map<String, Object>> records(String objectName) {
		Table table = this.tables.get(this.schema.object(objectName).name());
		return table.records()
			.values()
			.stream()
			.filter((record) -> !record.isDeleted())
			.collect(Collectors.toCollection(ArrayList::new));
	}

	/**
	 * The number of records of an object.
	 * @param objectName the object
	 * @param includeDeleted whether to count the recycle bin too
	 * @return the count
	 */
	public long count(String objectName, boolean includeDeleted) {
		Table table = this.tables.get(this.schema.object(objectName).name());
		return includeDeleted ? table.records().size()
				: table.records().values().stream().filter((record) -> !record.isDeleted()).count();
	}

	/**
	 * The ids of live records of an object whose {@code SystemModstamp} falls in
	 * {@code [start, end)}, as {@code getUpdated} reports them.
	 * @param objectName the canonical object name
	 * @param start inclusive start
	 * @param end exclusive end
	 * @return the ids, ordered
	 */
	public List<String> updatedIds(String objectName, Instant start, Instant end) {
		return this.tables.get(objectName)
			.records()
			.values()
			.stream()
			.filter((record) -> !record.isDeleted())
			.filter((record) -> inRange((Instant) record.get("SystemModstamp"), start, end))
			.map(StoredRecord::id)
			.sorted()
			.toList();
	}

	/**
	 * The records of an object deleted in {@code [start, end)} with their deletion times,
	 * as {@code getDeleted} reports them: those in the recycle bin and those purged from
	 * it.
	 * @param objectName the canonical object name
	 * @param start inclusive start
	 * @param end exclusive end
	 * @return id to deletion time, ordered by id
	 */
	public Map<String, Instant> deletedIds(String objectName, Instant start, Instant end) {
		Map<String, Instant> deleted = new java.util.TreeMap<>();
		for (StoredRecord record : this.tables.get(objectName).records().values()) {
			Instant when = (Instant) record.get("SystemModstamp");
			if (record.isDeleted() && inRange(when, start, end)) {
				deleted.put(record.id(), when);
			}
		}
		this.purged.getOrDefault(objectName, Map.of()).forEach((id, when) -> {
			if (inRange(when, start, end)) {
				deleted.put(id, when);
			}
		});
		return Collections.unmodifiableMap(deleted);
	}

	private static boolean inRange(Instant when, Instant start, Instant end) {
		return when != null && !when.isBefore(start) && when.isBefore(end);
	}

	private static String check(SaveOutcome outcome) {
		if (!outcome.success()) {
			throw new IllegalArgumentException(outcome.errors()
				.stream()
				.map((error) -> error.statusCode() + ": " + error.message())
				.collect(Collectors.joining("; ")));
		}
		return outcome.id();
	}

	/**
	 * Reserves the id of a record the seeder will {@link #load} (so that two records can
	 * point at each other).
	 * @param objectName the object
	 * @return a fresh id
	 */
	public String reserveId(String objectName) {
		return this.tables.get(objectName).nextId();
	}

	/**
	 * Stores a record built by the seeder, bypassing validation: defaults and derived
	 * fields (names, closed flags) are filled in, owner and creator are the org's user.
	 * @param objectName the object
	 * @param id an id from {@link #reserveId}
	 * @param values field name to typed value, timestamps included
	 */
	public void load(String objectName, String id, Map<String, Object> values) {
		Table table = this.tables.get(objectName);
		ObjectDefinition object = table.object();
		Object[] slots = new Object[object.fieldCount()];
		RecordWriter.applyDefaults(object, slots);
		slots[0] = id;
		values.forEach((name, value) -> slots[object.slot(name)] = value);
		RecordWriter.derive(object, slots);
		if (object.hasField("IsDeleted")) {
			slots[object.slot("IsDeleted")] = Boolean.FALSE;
		}
		slots[object.slot("CreatedById")] = StandardSchema.USER_ID;
		slots[object.slot("LastModifiedById")] = StandardSchema.USER_ID;
		table.put(new StoredRecord(object, slots));
	}

}
