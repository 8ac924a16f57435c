/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.job.twoway;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import com.crmsync.crm.CrmRecordRepository;
import com.crmsync.crm.CrmRow;
import com.crmsync.crm.CrmTable;
import com.crmsync.crm.CustomFieldRepository;
import com.crmsync.crm.SyncLink;
import com.crmsync.crm.SyncLinkRepository;
import com.crmsync.job.SyncWindow;
import com.crmsync.mapping.FieldMapping;
import com.crmsync.salesforce.SalesforceClient;
import com.crmsync.salesforce.SalesforceRecord;
import com.crmsync.salesforce.Soql;

import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * Reads one two-way object from both sides, a page at a time, as {@link MergeCandidate}s:
 * first every Salesforce record in the run's window (deleted and merged ones included),
 * in Id order, each with its linked or matching CRM row; then every CRM row in the window
 * that the first pass did not merge, in id order, each with its linked or matching
 * Salesforce record. Each page costs at most one Salesforce call (a query page of up to
 * 2,000 records is shared by ten pages), and its look-ups in the CRM are batched. A
 * pulled object ({@link TwoWayRules#isPullOnly()}) is read in the first pass only.
 * <p>
 * Restartable: on restart it begins again after the last record of the last committed
 * chunk, in the pass it was in.
 */
public class TwoWayItemReader implements ItemStreamReader<MergeCandidate>, StepExecutionListener {

	static final String PHASE_KEY = "twoWay.phase";

	static final String LAST_SALESFORCE_ID_KEY = "twoWay.lastSalesforceId";

	static final String LAST_CRM_ID_KEY = "twoWay.lastCrmId";

	private enum Phase {

		SALESFORCE, CRM, DONE

	}

	private final TwoWayRules rules;

	private final Supplier<List<FieldMapping>> fieldsSupplier;

	private final SalesforceClient salesforce;

	private final CrmRecordRepository crmRecords;

	private final SyncLinkRepository links;

	private final CustomFieldRepository customFields;

	private final CandidateEnricher enricher;

	private final int pageSize;

	private SyncWindow window;

	private List<FieldMapping> fields;

	private CrmTable table;

	private Phase phase = Phase.SALESFORCE;

	private String lastSalesforceId;

	private long lastCrmId;

	private long lastFetchedCrmId;

	private Iterator<SalesforceRecord> salesforceRecords;

	private final Deque<MergeCandidate> buffer = new ArrayDeque<>();

	/**
	 * Records claimed by a match within the current chunk, so no two candidates share
	 * one.
	 */
	private final Set<Long> claimedCrmIds = new HashSet<>();

	private final Set<String> claimedSalesforceIds = new HashSet<>();

	/**
	 * In a full run, the match keys of the Salesforce records changed since the window
	 * ended: the only records the first pass has not seen, so the only ones a CRM row can
	 * still match. {@code null} until the second pass needs it.
	 */
	private Set<String> keysChangedAfterWindow;

	/**
	 * A dry run links nothing, so the second pass must remember what the first merged.
	 */
	private final Set<Long> mergedInDryRun = new HashSet<>();

	/**
	 * CRM rows the first pass returned in the current chunk: not yet written (so not yet
	 * stamped in the identity map) when the second pass starts within the same chunk.
	 */
	private final Set<Long> readInThisChunk = new HashSet<>();

	public TwoWayItemReader(TwoWayRules rules, Supplier<List<FieldMapping>> fields, SalesforceClient salesforce,
			CrmRecordRepository crmRecords, SyncLinkRepository links, CustomFieldRepository customFields,
			CandidateEnricher enricher, int pageSize) {
		this.rules = rules;
		this.fieldsSupplier = fields;
		this.salesforce = salesforce;
		this.crmRecords = crmRecords;
		this.links = links;
		this.customFields = customFields;
		this.enricher = enricher;
		this.pageSize = pageSize;
	}

	@Override
	public void beforeStep(StepExecution stepExecution) {
		this.window = SyncWindow.of(stepExecution);
		this.fields = this.fieldsSupplier.get();
		this.table = TwoWayTables.of(this.rules, this.fields);
	}

	@Override
	public void open(ExecutionContext context) {
		this.phase = Phase.valueOf(context.getString(PHASE_KEY, Phase.SALESFORCE.name()));
		this.lastSalesforceId = context.containsKey(LAST_SALESFORCE_ID_KEY) ? context.getString(LAST_SALESFORCE_ID_KEY)
				: null;
		this.lastCrmId = context.getLong(LAST_CRM_ID_KEY, 0L);
		this.lastFetchedCrmId = this.lastCrmId;
		this.salesforceRecords = null;
		this.keysChangedAfterWindow = null;
		this.buffer.clear();
		this.mergedInDryRun.clear();
		// the reader outlives an execution: claims of a chunk that failed were never
		// written, and would keep a restart in this process from matching those rows
		this.claimedCrmIds.clear();
		this.claimedSalesforceIds.clear();
		this.readInThisChunk.clear();
	}

	@Override
	public void update(ExecutionContext context) {
		context.putString(PHASE_KEY, this.phase.name());
		if (this.lastSalesforceId != null) {
			context.putString(LAST_SALESFORCE_ID_KEY, this.lastSalesforceId);
		}
		context.putLong(LAST_CRM_ID_KEY, this.lastCrmId);
		// the chunk is written: its links are visible to the next look-ups
		this.claimedCrmIds.clear();
		this.claimedSalesforceIds.clear();
		this.readInThisChunk.clear();
	}

	@Override
	public void close() {
		this.salesforceRecords = null;
		this.buffer.clear();
	}

	@Override
	public MergeCandidate read() {
		while (this.buffer.isEmpty()) {
			switch (this.phase) {
				case SALESFORCE -> {
					if (!fillFromSalesforce()) {
						// a pulled object never sends CRM rows anywhere: no second pass
						this.phase = this.rules.isPullOnly() ? Phase.DONE : Phase.CRM;
					}
				}
				case CRM -> {
					if (!fillFromCrm()) {
						this.phase = Phase.DONE;
					}
				}
				case DONE -> {
					return null;
				}
			}
		}
		MergeCandidate candidate = this.buffer.poll();
		if (this.phase == Phase.SALESFORCE) {
			this.lastSalesforceId = candidate.salesforce().id();
			if (candidate.crmId() != null) {
				this.readInThisChunk.add(candidate.crmId());
			}
		}
		else {
			this.lastCrmId = candidate.crm().id();
		}
		if (this.window.dryRun() && candidate.crmId() != null) {
			this.mergedInDryRun.add(candidate.crmId());
		}
		return candidate;
	}

	// --- first pass: Salesforce records in the window ---

	private boolean fillFromSalesforce() {
		if (this.salesforceRecords == null) {
			this.salesforceRecords = this.salesforce.query(windowQuery(), true);
		}
		List<SalesforceRecord> page = new ArrayList<>(this.pageSize);
		while (page.size() < this.pageSize && this.salesforceRecords.hasNext()) {
			page.add(this.salesforceRecords.next());
		}
		if (page.isEmpty()) {
			this.salesforceRecords = null;
			return false;
		}
		Map<String, SyncLink> linked = this.links.findBySalesforceIds(this.rules.type(),
				page.stream().map(SalesforceRecord::id).toList());
		Map<Long, CrmRow> linkedRows = this.crmRecords.findByIds(this.table,
				linked.values().stream().map(SyncLink::crmId).toList());
		Map<String, CrmRow> matches = matchCrmRows(page.stream()
			.filter((record) -> !linked.containsKey(record.id()))
			.filter((record) -> !Boolean.parseBoolean(record.get("IsDeleted")))
			.filter((record) -> this.rules.skipReason(record) == null)
			.toList());
		List<MergeCandidate> candidates = new ArrayList<>(page.size());
		for (SalesforceRecord record : page) {
			SyncLink link = linked.get(record.id());
			CrmRow row = (link != null) ? linkedRows.get(link.crmId()) : matches.get(record.id());
			candidates.add(new MergeCandidate(record, row, link, false, Map.of()));
		}
		this.buffer.addAll(this.enricher.enrich(withCustomValues(candidates)));
		return true;
	}

	private String windowQuery() {
		List<String> conditions = new ArrayList<>();
		if (!this.window.isFull()) {
			conditions.add("SystemModstamp >= " + Soql.dateTime(this.window.salesforceFrom()));
		}
		conditions.add("SystemModstamp <= " + Soql.dateTime(this.window.salesforceTo()));
		if (this.lastSalesforceId != null) {
			conditions.add("Id > " + Soql.quote(this.lastSalesforceId));
		}
		return select() + " WHERE " + String.join(" AND ", conditions) + " ORDER BY Id";
	}

	private String select() {
		return TwoWayQueries.select(this.rules, this.fields);
	}

	/**
	 * The CRM row each unlinked Salesforce record matches by key: the oldest live,
	 * unlinked row with that key that no other record of this chunk claimed.
	 */
	private Map<String, CrmRow> matchCrmRows(List<SalesforceRecord> unlinked) {
		Map<String, CrmRow> matches = new HashMap<>();
		if (this.rules.matchField() == null) {
			return matches;
		}
		Map<String, String> keys = new LinkedHashMap<>();
		for (SalesforceRecord record : unlinked) {
			String key = this.rules.matchKey(record.get(this.rules.matchField()));
			if (key != null) {
				keys.put(record.id(), key);
			}
		}
		if (keys.isEmpty()) {
			return matches;
		}
		Map<String, List<CrmRow>> rowsByKey = this.crmRecords.findByKey(this.table, this.rules.matchKeyColumn(),
				new LinkedHashSet<>(keys.values()));
		Set<Long> alreadyLinked = this.links
			.findByCrmIds(this.rules.type(),
					rowsByKey.values().stream().flatMap(List::stream).map(CrmRow::id).collect(Collectors.toSet()))
			.keySet();
		keys.forEach((salesforceId, key) -> {
			for (CrmRow row : rowsByKey.getOrDefault(key, List.of())) {
				if (!alreadyLinked.contains(row.id()) && this.claimedCrmIds.add(row.id())) {
					matches.put(salesforceId, row);
					break;
				}
			}
		});
		return matches;
	}

	// --- second pass: CRM rows in the window the first pass did not merge ---

	private boolean fillFromCrm() {
		List<CrmRow> page = this.crmRecords.page(this.table, this.window.isFull() ? null : this.window.crmFrom(),
				this.rules.object().hasCustomFields() ? this.rules.type().name() : null, this.lastFetchedCrmId,
				this.pageSize);
		if (page.isEmpty()) {
			return false;
		}
		this.lastFetchedCrmId = page.get(page.size() - 1).id();
		Map<Long, SyncLink> linked = this.links.findByCrmIds(this.rules.type(), page.stream().map(CrmRow::id).toList());
		List<CrmRow> rows = page.stream().filter((row) -> !mergedThisRun(linked.get(row.id()), row)).toList();
		if (rows.isEmpty()) {
			return true;
		}
		Map<String, SalesforceRecord> linkedRecords = fetchLinkedRecords(
				rows.stream().map((row) -> linked.get(row.id())).filter(Objects::nonNull).toList());
		Map<Long, SalesforceRecord> matches = matchSalesforceRecords(
				rows.stream().filter((row) -> !linked.containsKey(row.id()) && !row.isDeleted()).toList());
		List<MergeCandidate> candidates = new ArrayList<>(rows.size());
		for (CrmRow row : rows) {
			SyncLink link = linked.get(row.id());
			if (link != null) {
				SalesforceRecord record = linkedRecords.get(link.salesforceId());
				candidates.add(new MergeCandidate(record, row, link, record == null && !row.isDeleted(), Map.of()));
			}
			else {
				candidates.add(new MergeCandidate(matches.get(row.id()), row, null, false, Map.of()));
			}
		}
		this.buffer.addAll(this.enricher.enrich(withCustomValues(candidates)));
		return true;
	}

	private boolean mergedThisRun(SyncLink link, CrmRow row) {
		if (this.readInThisChunk.contains(row.id())) {
			return true;
		}
		if (this.window.dryRun()) {
			return this.mergedInDryRun.contains(row.id());
		}
		// links carry the run's id, so what an earlier execution of this run merged
		// before it was killed or failed is not merged again after a restart
		return link != null && Objects.equals(link.lastJobExecutionId(), this.window.runId());
	}

	private Map<String, SalesforceRecord> fetchLinkedRecords(List<SyncLink> rowLinks) {
		Map<String, SalesforceRecord> records = new HashMap<>();
		if (rowLinks.isEmpty()) {
			return records;
		}
		TwoWayQueries
			.byIds(this.salesforce, this.rules, this.fields, rowLinks.stream().map(SyncLink::salesforceId).toList(),
					true)
			.forEachRemaining((record) -> records.put(record.id(), record));
		return records;
	}

	/**
	 * The Salesforce record each unlinked CRM row matches by key: the first live,
	 * unlinked record in Id order with that key that no other row of this chunk claimed.
	 */
	private Map<Long, SalesforceRecord> matchSalesforceRecords(List<CrmRow> unlinked) {
		Map<Long, SalesforceRecord> matches = new HashMap<>();
		if (this.rules.matchField() == null) {
			return matches;
		}
		Map<Long, String> keys = new LinkedHashMap<>();
		for (CrmRow row : unlinked) {
			Object value = row.get(matchColumn());
			String key = this.rules.matchKey((value != null) ? value.toString() : null);
			if (key != null) {
				keys.put(row.id(), key);
			}
		}
		if (this.window.isFull()) {
			// the first pass read every record up to the window's end and matched it
			Set<String> changedLater = keysChangedAfterWindow();
			keys.values().retainAll(changedLater);
		}
		if (keys.isEmpty()) {
			return matches;
		}
		Map<String, List<SalesforceRecord>> recordsByKey = new HashMap<>();
		// equal keys share a query, so each key's records still come in Id order
		List<SalesforceRecord> found = new ArrayList<>();
		this.salesforce.queryIn(select() + " WHERE " + this.rules.matchField(), keys.values(), "ORDER BY Id", false)
			.forEachRemaining(found::add);
		Set<String> alreadyLinked = this.links
			.findBySalesforceIds(this.rules.type(), found.stream().map(SalesforceRecord::id).toList())
			.keySet();
		for (SalesforceRecord record : found) {
			String key = this.rules.matchKey(record.get(this.rules.matchField()));
			if (key != null && this.rules.skipReason(record) == null && !alreadyLinked.contains(record.id())) {
				recordsByKey.computeIfAbsent(key, (k) -> new ArrayList<>()).add(record);
			}
		}
		keys.forEach((crmId, key) -> {
			for (SalesforceRecord record : recordsByKey.getOrDefault(key, List.of())) {
				if (this.claimedSalesforceIds.add(record.id())) {
					matches.put(crmId, record);
					break;
				}
			}
		});
		return matches;
	}

	/**
	 * One query for the whole second pass of a full run instead of one per page: the
	 * match keys of the records written after the window's end — by users during the run,
	 * or by the first pass itself — usually few.
	 */
	private Set<String> keysChangedAfterWindow() {
		if (this.keysChangedAfterWindow == null) {
			Set<String> keys = new HashSet<>();
			this.salesforce
				.query("SELECT Id, " + this.rules.matchField() + " FROM " + this.rules.object().salesforceObject()
						+ " WHERE SystemModstamp > " + Soql.dateTime(this.window.salesforceTo()), false)
				.forEachRemaining((record) -> {
					String key = this.rules.matchKey(record.get(this.rules.matchField()));
					if (key != null) {
						keys.add(key);
					}
				});
			this.keysChangedAfterWindow = keys;
		}
		return this.keysChangedAfterWindow;
	}

	private String matchColumn() {
		return this.fields.stream()
			.filter((field) -> field.salesforceField().equals(this.rules.matchField()))
			.map(FieldMapping::crmColumn)
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("The match field " + this.rules.matchField() + " of "
					+ this.rules.object().key() + " is not mapped"));
	}

	// --- custom fields: their values join the CRM row's values under their system name
	// ---

	private List<MergeCandidate> withCustomValues(List<MergeCandidate> candidates) {
		List<FieldMapping> custom = this.fields.stream().filter(FieldMapping::isCustomField).toList();
		if (custom.isEmpty()) {
			return candidates;
		}
		List<Long> rowIds = candidates.stream()
			.map(MergeCandidate::crm)
			.filter(Objects::nonNull)
			.map(CrmRow::id)
			.toList();
		Map<Long, CustomFieldRepository.RecordValues> values = this.customFields
			.values(custom.stream().map(FieldMapping::customFieldId).toList(), rowIds);
		return candidates.stream().map((candidate) -> {
			if (candidate.crm() == null) {
				return candidate;
			}
			Map<String, Object> rowValues = new LinkedHashMap<>(candidate.crm().values());
			CustomFieldRepository.RecordValues recordValues = values.get(candidate.crm().id());
			Map<Long, String> byField = (recordValues != null) ? recordValues.byField() : Map.of();
			custom.forEach((field) -> rowValues.put(field.crmColumn(), byField.get(field.customFieldId())));
			// an edited custom value is an edit of the record, for newest-wins too
			Instant updatedAt = candidate.crm().updatedAt();
			if (recordValues != null && recordValues.changedAt() != null
					&& recordValues.changedAt().isAfter(updatedAt)) {
				updatedAt = recordValues.changedAt();
			}
			CrmRow row = new CrmRow(candidate.crm().id(), rowValues, updatedAt, candidate.crm().deletedAt());
			return new MergeCandidate(candidate.salesforce(), row, candidate.link(), candidate.missingInSalesforce(),
					candidate.derivedCrmValues());
		}).toList();
	}

}
