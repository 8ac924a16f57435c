/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.job.twoway;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.crmsync.crm.CrmRecordRepository;
import com.crmsync.crm.CrmRow;
import com.crmsync.crm.CrmTable;
import com.crmsync.crm.CustomFieldRepository;
import com.crmsync.crm.JournaledRejects;
import com.crmsync.crm.SyncLinkRepository;
import com.crmsync.job.SyncWindow;
import com.crmsync.mapping.FieldMapping;
import com.crmsync.salesforce.SalesforceClient;
import com.crmsync.salesforce.SalesforceRecord;

/**
 * What both passes of a two-way step look up, a page at a time, for one run of one
 * object: the run's fields, table and window, and the batched look-ups that turn a page
 * of records or rows into {@link MergeCandidate}s (links, linked records, custom field
 * values, derived values).
 *
 * @param rules the object's rules
 * @param fields the mapped fields of the run (standard and custom)
 * @param table the object's CRM table with the columns the run reads
 * @param window the run's window
 * @param salesforce the Salesforce client
 * @param crmRecords the CRM tables
 * @param links the identity map
 * @param customFields the CRM custom field values
 * @param enricher looks up the object's derived CRM values
 */
record CandidateLookups(TwoWayRules rules, List<FieldMapping> fields, CrmTable table, SyncWindow window,
		SalesforceClient salesforce, CrmRecordRepository crmRecords, SyncLinkRepository links,
		CustomFieldRepository customFields, CandidateEnricher enricher) {

	/**
	 * {@code SELECT <every field the merge needs> FROM <object>}.
	 * @return the SOQL head
	 */
	String select() {
		return TwoWayQueries.select(this.rules, this.fields);
	}

	/**
	 * The records this step journaled as failed in earlier runs of an incremental window,
	 * which it reads again; none in a full run, which reads every record.
	 * @return the rejects, or {@code null} in a full run
	 */
	JournaledRejects rejects() {
		if (this.window.isFull() || this.window.crmFrom() == null) {
			return null;
		}
		return new JournaledRejects(this.rules.stepName(), this.rules.type(), this.window.crmFrom(),
				this.window.runId());
	}

	/**
	 * The Salesforce records with these ids, deleted ones included, by id.
	 * @param ids the ids
	 * @return the records found
	 */
	Map<String, SalesforceRecord> recordsByIds(Collection<String> ids) {
		Map<String, SalesforceRecord> records = new HashMap<>();
		if (!ids.isEmpty()) {
			TwoWayQueries.byIds(this.salesforce, this.rules, this.fields, ids, true)
				.forEachRemaining((record) -> records.put(record.id(), record));
		}
		return records;
	}

	/**
	 * The candidates as the processor needs them: each CRM row with its custom field
	 * values (under their system names) and the object's derived values.
	 * @param candidates one page of candidates
	 * @return the same candidates, in order, completed
	 */
	List<MergeCandidate> completed(List<MergeCandidate> candidates) {
		Map<Long, CrmRow> rows = new HashMap<>();
		withCustomValues(candidates.stream().map(MergeCandidate::crm).filter(Objects::nonNull).toList())
			.forEach((row) -> rows.put(row.id(), row));
		return enriched(candidates.stream()
			.map((candidate) -> (candidate.crm() == null) ? candidate
					: new MergeCandidate(candidate.salesforce(), rows.get(candidate.crm().id()), candidate.link(),
							candidate.missingInSalesforce(), candidate.derivedCrmValues()))
			.toList());
	}

	/**
	 * Candidates whose rows already carry their custom field values
	 * ({@link #withCustomValues}) with the object's derived values.
	 * @param candidates one page of candidates
	 * @return the same candidates, in order, completed
	 */
	List<MergeCandidate> enriched(List<MergeCandidate> candidates) {
		return this.enricher.enrich(candidates);
	}

	/**
	 * The rows with their custom field values under the fields' system names; a row whose
	 * custom value was edited after the row counts as edited then.
	 * @param rows one page of rows
	 * @return the same rows, in order
	 */
	List<CrmRow> withCustomValues(List<CrmRow> rows) {
		List<FieldMapping> custom = this.fields.stream().filter(FieldMapping::isCustomField).toList();
		if (custom.isEmpty() || rows.isEmpty()) {
			return rows;
		}
		Map<Long, CustomFieldRepository.RecordValues> values = this.customFields
			.values(custom.stream().map(FieldMapping::customFieldId).toList(), rows.stream().map(CrmRow::id).toList());
		return rows.stream().map((row) -> {
			Map<String, Object> rowValues = new LinkedHashMap<>(row.values());
			CustomFieldRepository.RecordValues recordValues = values.get(row.id());
			Map<Long, String> byField = (recordValues != null) ? recordValues.byField() : Map.of();
			custom.forEach((field) -> rowValues.put(field.crmColumn(), byField.get(field.customFieldId())));
			// an edited custom value is an edit of the record, for newest-wins too
			Instant updatedAt = row.updatedAt();
			if (recordValues != null && recordValues.changedAt() != null
					&& recordValues.changedAt().isAfter(updatedAt)) {
				updatedAt = recordValues.changedAt();
			}
			return new CrmRow(row.id(), rowValues, updatedAt, row.deletedAt());
		}).toList();
	}

	/**
	 * The digests of this run's records, to tell the sync's own echoes.
	 * @return the digests
	 */
	WrittenDigests digests() {
		return new WrittenDigests(this.rules, this.fields);
	}

}
