/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.job.twoway;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

import com.crmsync.crm.CrmRow;
import com.crmsync.job.twoway.SyncAction.Kind;
import com.crmsync.mapping.Direction;
import com.crmsync.mapping.FieldMapping;
import com.crmsync.mapping.MergeDecision;
import com.crmsync.mapping.RecordState;
import com.crmsync.mapping.RejectedValuesException;
import com.crmsync.mapping.SmartOverride;
import com.crmsync.salesforce.SalesforceRecord;
import com.crmsync.salesforce.Soql;

import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * Decides, for one record of a two-way object, what happens on each side — pure logic, no
 * I/O: skip it, create it on the side that lacks it, merge both sides field by field
 * (smart override), or follow a delete or a merge made in Salesforce. For a pulled object
 * ({@link TwoWayRules#isPullOnly()}) no decision ever changes Salesforce.
 */
public class TwoWayItemProcessor implements ItemProcessor<MergeCandidate, SyncAction>, StepExecutionListener {

	private final TwoWayRules rules;

	private final Supplier<List<FieldMapping>> fieldsSupplier;

	private List<FieldMapping> fields;

	private SmartOverride merger;

	private SmartOverride readOnlyMerger;

	/**
	 * A processor for one object.
	 * @param rules the object's rules
	 * @param fields the mapped fields (standard and custom) of the run, without the
	 * derived ones
	 */
	public TwoWayItemProcessor(TwoWayRules rules, Supplier<List<FieldMapping>> fields) {
		this.rules = rules;
		this.fieldsSupplier = fields;
	}

	@Override
	public void beforeStep(StepExecution stepExecution) {
		use(this.fieldsSupplier.get());
	}

	/**
	 * Prepares the merge rules for a run's fields.
	 * @param fields the mapped fields, without the derived ones
	 */
	void use(List<FieldMapping> fields) {
		List<FieldMapping> all = new ArrayList<>(fields);
		all.addAll(rules.derivedFields());
		this.fields = List.copyOf(all);
		this.merger = new SmartOverride(this.fields);
		// Salesforce refuses updates of a read-only record (a converted lead), and a
		// pulled object never writes there: only pull
		this.readOnlyMerger = new SmartOverride(this.fields.stream()
			.map((field) -> field.direction().writesToSalesforce() ? pullOnly(field) : field)
			.toList());
	}

	private static FieldMapping pullOnly(FieldMapping field) {
		Direction direction = (field.direction() == Direction.TWO_WAY) ? Direction.PULL : Direction.NONE;
		return new FieldMapping(field.crmColumn(), field.salesforceField(), direction, field.type(),
				field.blankOverwrites(), field.customFieldId());
	}

	@Override
	public SyncAction process(MergeCandidate candidate) {
		try {
			return decide(candidate);
		}
		catch (RejectedValuesException ex) {
			// a value that does not convert rejects its record, never the chunk
			return SyncAction.reject(candidate, ex.rejects());
		}
	}

	private SyncAction decide(MergeCandidate candidate) {
		SalesforceRecord salesforce = candidate.salesforce();
		CrmRow crm = candidate.crm();
		if (salesforce != null && this.rules.skipReason(salesforce) != null) {
			if (crm != null && candidate.link() == null) {
				// an unlinked CRM row whose key is a skipped record's: never created
				// beside it
				return SyncAction.skip(candidate, "its " + this.rules.matchField() + " is a "
						+ this.rules.skipReason(salesforce) + "'s in Salesforce: not created there");
			}
			return SyncAction.skip(candidate, this.rules.skipReason(salesforce));
		}
		if (candidate.missingInSalesforce()) {
			return action(Kind.ARCHIVE_IN_CRM, candidate, "deleted in Salesforce (no longer in the recycle bin)");
		}
		if (salesforce != null && Boolean.parseBoolean(salesforce.get("IsDeleted"))) {
			return deletedInSalesforce(candidate, salesforce);
		}
		if (crm != null && crm.isDeleted()) {
			return (candidate.link() != null && !candidate.link().detached())
					? action(Kind.UNLINK, candidate, "deleted in the CRM; the Salesforce record is kept")
					: SyncAction.skip(candidate, "deleted in the CRM");
		}
		if (salesforce == null && this.rules.isPullOnly()) {
			return SyncAction.skip(candidate, "not in Salesforce: a pulled record is never created there");
		}
		if (salesforce == null) {
			MergeDecision decision = this.merger.forNewSalesforceRecord(crmState(crm));
			return new SyncAction(Kind.CREATE_IN_SALESFORCE, candidate, decision, null, Map.of(), null);
		}
		SmartOverride recordMerger = (this.rules.isPullOnly() || this.rules.isReadOnly(salesforce))
				? this.readOnlyMerger : this.merger;
		RecordState salesforceState = RecordState.fromSalesforce(this.fields,
				this.rules.normalized(salesforce).fields(), instant(salesforce.get("LastModifiedDate")));
		if (crm == null) {
			MergeDecision decision = recordMerger.forNewCrmRecord(salesforceState);
			return new SyncAction(Kind.CREATE_IN_CRM, candidate, decision, null, candidate.derivedCrmValues(), null);
		}
		Map<String, String> base = (candidate.link() != null && !candidate.link().base().isEmpty())
				? candidate.link().base() : null;
		MergeDecision decision = recordMerger.merge(crmState(crm), salesforceState, base);
		return new SyncAction(Kind.MERGE, candidate, decision, null, derivedChanges(candidate), null);
	}

	/**
	 * Reconciles a record just created in Salesforce with what Salesforce made of it:
	 * values the server set on its own (defaults such as a lead's {@code Status}) reach
	 * the CRM and the base now, so one run converges.
	 * @param crm the CRM row the record was created from
	 * @param created the record as Salesforce now has it
	 * @param sent the base: the values sent
	 * @return the decision: CRM changes and the new base
	 */
	MergeDecision reconcileCreated(CrmRow crm, SalesforceRecord created, Map<String, String> sent) {
		RecordState salesforceState = RecordState.fromSalesforce(this.fields, this.rules.normalized(created).fields(),
				instant(created.get("LastModifiedDate")));
		return this.merger.merge(crmState(crm), salesforceState, sent);
	}

	List<FieldMapping> fields() {
		return this.fields;
	}

	private SyncAction deletedInSalesforce(MergeCandidate candidate, SalesforceRecord salesforce) {
		if (candidate.link() == null) {
			return SyncAction.skip(candidate, "deleted in Salesforce");
		}
		String master = salesforce.get("MasterRecordId");
		if (this.rules.isMergeable() && master != null && !master.isBlank()) {
			return new SyncAction(Kind.RELINK, candidate, null, "merged into " + master + " in Salesforce", Map.of(),
					master);
		}
		return action(Kind.ARCHIVE_IN_CRM, candidate, "deleted in Salesforce");
	}

	private static SyncAction action(Kind kind, MergeCandidate candidate, String reason) {
		return new SyncAction(kind, candidate, null, reason, Map.of(), null);
	}

	private RecordState crmState(CrmRow crm) {
		return RecordState.fromCrm(this.fields, crm.values(), crm.updatedAt());
	}

	private static Map<String, Object> derivedChanges(MergeCandidate candidate) {
		Map<String, Object> changes = new LinkedHashMap<>();
		candidate.derivedCrmValues().forEach((column, value) -> {
			if (!Objects.equals(candidate.crm().get(column), value)) {
				changes.put(column, value);
			}
		});
		return changes;
	}

	private static Instant instant(String dateTime) {
		return (dateTime != null) ? Soql.parseDateTime(dateTime) : null;
	}

}
