/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.job.twoway;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.crmsync.crm.CrmRecordRepository;
import com.crmsync.crm.CrmTable;
import com.crmsync.crm.CrmWrite;
import com.crmsync.crm.CustomFieldRepository;
import com.crmsync.crm.SyncLink;
import com.crmsync.crm.SyncLinkRepository;
import com.crmsync.crm.SyncReference;
import com.crmsync.crm.SyncReferenceRepository;
import com.crmsync.mapping.MergeDecision;

/**
 * The CRM side of one chunk of a two-way step, in the chunk's transaction. Inserts,
 * archives and detaches go out at once (what follows needs the new ids, and sees the
 * archived rows gone); column updates, custom field values, links and references are
 * gathered and {@link #flush() flushed} last, one JDBC batch each. Every row and custom
 * value it writes gets one stamp ({@link CrmWrite}), which the row's link saved with it
 * remembers: the next incremental run leaves the row out unread while it carries it.
 */
final class CrmSide {

	private static final String UPDATED_AT = "updated_at";

	private final TwoWayRules rules;

	private final CrmTable table;

	private final long runId;

	private final CrmRecordRepository crmRecords;

	private final SyncLinkRepository links;

	private final CustomFieldRepository customFields;

	private final SyncReferenceRepository references;

	private final Map<Long, Map<String, Object>> updates = new LinkedHashMap<>();

	private final Map<Long, Map<Long, String>> customValues = new LinkedHashMap<>();

	private final List<SyncLink> linksToSave = new ArrayList<>();

	/** Rows whose saved link keeps the Salesforce record it had. */
	private final Set<Long> unmovedLinks = new HashSet<>();

	/** Rows merged with nothing to change whose links only take the run's stamp. */
	private final List<Long> linksToStamp = new ArrayList<>();

	private final List<SyncReference> referencesToSave = new ArrayList<>();

	/** The rows written and their stamp, taken with the first write. */
	private CrmWrite written;

	/** Rows whose child references are complete: the targets each keeps. */
	private final Map<Long, Set<String>> referencesToRetain = new LinkedHashMap<>();

	CrmSide(TwoWayRules rules, CrmTable table, long runId, CrmRecordRepository crmRecords, SyncLinkRepository links,
			CustomFieldRepository customFields, SyncReferenceRepository references) {
		this.rules = rules;
		this.table = table;
		this.runId = runId;
		this.crmRecords = crmRecords;
		this.links = links;
		this.customFields = customFields;
		this.references = references;
	}

	/**
	 * Inserts rows at once, every row with every column of the table (unset ones
	 * {@code NULL}).
	 * @param rows the column values of each row
	 * @return the new ids, in order
	 */
	List<Long> insert(List<Map<String, Object>> rows) {
		if (rows.isEmpty()) {
			return List.of();
		}
		List<Map<String, Object>> complete = new ArrayList<>();
		for (Map<String, Object> values : rows) {
			Map<String, Object> row = new LinkedHashMap<>();
			this.table.columns().forEach((column) -> row.put(column, null));
			row.putAll(values);
			row.keySet().retainAll(this.table.columns());
			row.put(UPDATED_AT, written().stamp());
			complete.add(row);
		}
		List<Long> ids = this.crmRecords.insert(this.table, complete);
		written().wrote(ids);
		return ids;
	}

	/**
	 * Sets columns of a row (nothing when there are none).
	 * @param crmId the row
	 * @param columns the new values
	 */
	void update(long crmId, Map<String, Object> columns) {
		if (!columns.isEmpty()) {
			this.updates.put(crmId, new LinkedHashMap<>(columns));
		}
	}

	/**
	 * Sets the custom field values a decision gives a row.
	 * @param crmId the row
	 * @param decision the decision
	 */
	void customValues(long crmId, MergeDecision decision) {
		Map<Long, String> values = decision.crmCustomFieldValues();
		if (!values.isEmpty()) {
			this.customValues.put(crmId, values);
		}
	}

	/**
	 * Links a row to a Salesforce record with the base both now agree on, stamped with
	 * the run's id.
	 * @param crmId the row
	 * @param salesforceId the record
	 * @param base the agreed values
	 */
	void link(long crmId, String salesforceId, Map<String, String> base) {
		link(crmId, salesforceId, base, null, null);
	}

	/**
	 * Links a row to a Salesforce record with the base both now agree on and the digests
	 * of both sides as this chunk leaves them ({@link WrittenDigests}), stamped with the
	 * run's id.
	 * @param crmId the row
	 * @param salesforceId the record
	 * @param base the agreed values
	 * @param salesforceDigest the record's digest, {@code null} when unknown
	 * @param crmDigest the row's digest, {@code null} when unknown
	 */
	void link(long crmId, String salesforceId, Map<String, String> base, String salesforceDigest, String crmDigest) {
		this.linksToSave.add(new SyncLink(this.rules.type(), crmId, salesforceId, base, this.runId, false,
				salesforceDigest, crmDigest));
	}

	/**
	 * The row's link, saved in this chunk, keeps the Salesforce record it already had, so
	 * the record cannot be leaving another row.
	 * @param crmId the row
	 */
	void linkUnmoved(long crmId) {
		this.unmovedLinks.add(crmId);
	}

	/**
	 * The row was merged with nothing to change on either side, base and digests
	 * included: its link only takes the run's stamp, so that the run's CRM pass leaves it
	 * alone.
	 * @param crmId the row
	 */
	void stampMerged(long crmId) {
		this.linksToStamp.add(crmId);
	}

	/**
	 * Records references of a row to records of other objects.
	 * @param references the references
	 */
	void references(Collection<SyncReference> references) {
		this.referencesToSave.addAll(references);
	}

	/**
	 * The row's child references ({@link TwoWayRules#childReferenceKinds()}) are these
	 * and no others: the ones it no longer has go, with what they made in the CRM.
	 * @param crmId the row
	 * @param references all its references of those kinds (none for an archived row)
	 */
	void retainReferences(long crmId, Collection<SyncReference> references) {
		if (this.rules.childReferenceKinds().isEmpty()) {
			return;
		}
		Set<String> targets = this.referencesToRetain.computeIfAbsent(crmId, (id) -> new HashSet<>());
		references.stream()
			.filter((reference) -> this.rules.childReferenceKinds().contains(reference.kind()))
			.forEach((reference) -> targets.add(reference.targetSalesforceId()));
	}

	/**
	 * The Salesforce records this chunk links so far.
	 * @return their ids
	 */
	Set<String> linkedSalesforceIds() {
		Set<String> ids = new HashSet<>();
		this.linksToSave.forEach((link) -> ids.add(link.salesforceId()));
		return ids;
	}

	/**
	 * Unlinks rows at once and archives those that exist (sets {@code deleted_at}).
	 * @param unlinked the rows whose links go
	 * @param archived the rows to archive
	 */
	void archive(Collection<Long> unlinked, Collection<Long> archived) {
		this.links.delete(this.rules.type(), unlinked);
		this.crmRecords.archive(this.table, archived);
	}

	/**
	 * Detaches the links of rows deleted in the CRM at once: the pairs are no longer
	 * synced.
	 * @param crmIds the rows
	 */
	void detach(Collection<Long> crmIds) {
		this.links.detach(this.rules.type(), crmIds);
	}

	/**
	 * Writes what was gathered, then resolves the references this chunk can complete: to
	 * the records it linked, and to the targets of the references it recorded.
	 */
	void flush() {
		if (!this.updates.isEmpty() || !this.customValues.isEmpty()) {
			this.crmRecords.update(this.table, this.updates, written().stamp());
			this.customFields.save(this.customValues, written().stamp());
			written().wrote(this.updates.keySet());
			written().wrote(this.customValues.keySet());
		}
		this.links.save(this.linksToSave, this.unmovedLinks, (this.written != null) ? this.written : CrmWrite.NONE);
		this.links.stampMerged(this.rules.type(), this.linksToStamp, this.runId);
		this.references.retainOnly(this.rules.type(), this.rules.childReferenceKinds(), this.referencesToRetain);
		this.references.save(this.referencesToSave);
		this.references.resolvePending(this.rules.type(), linkedSalesforceIds(), this.referencesToSave);
	}

	private CrmWrite written() {
		if (this.written == null) {
			this.written = new CrmWrite(this.crmRecords.writeStamp());
		}
		return this.written;
	}

}
