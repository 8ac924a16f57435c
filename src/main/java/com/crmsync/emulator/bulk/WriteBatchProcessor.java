/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.emulator.bulk;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;

import com.crmsync.emulator.cost.CostModel;
import com.crmsync.emulator.org.EmulatorOrg;
import com.crmsync.emulator.org.RecordInput;
import com.crmsync.emulator.org.SaveOutcome;

/**
 * Processes the batch of a write job as Salesforce does: in chunks of 200 records, each
 * saved as one transaction by the org's own record writer (the validation, status codes
 * and per-record errors of the SOAP calls), each charged the server time of its records.
 */
final class WriteBatchProcessor {

	/** Records Salesforce saves in one transaction of a bulk batch. */
	static final int CHUNK = 200;

	private final EmulatorOrg org;

	private final CostModel costs;

	WriteBatchProcessor(EmulatorOrg org, CostModel costs) {
		this.org = org;
		this.costs = costs;
	}

	/**
	 * Saves a batch.
	 * @param job the batch's job
	 * @param content the batch's CSV
	 * @param progress told the records saved so far after each transaction
	 * @return one outcome per record, in row order
	 * @throws BatchFailure when the batch cannot be read
	 */
	List<SaveOutcome> process(BulkJob job, byte[] content, IntConsumer progress) throws BatchFailure {
		List<RecordInput> records = CsvBatchReader.read(this.org.schema().object(job.object()), content);
		List<SaveOutcome> outcomes = new ArrayList<>(records.size());
		for (int from = 0; from < records.size(); from += CHUNK) {
			List<RecordInput> chunk = records.subList(from, Math.min(records.size(), from + CHUNK));
			this.costs.savedRecords(chunk.size());
			outcomes.addAll(save(job, chunk));
			progress.accept(outcomes.size());
		}
		return outcomes;
	}

	private List<SaveOutcome> save(BulkJob job, List<RecordInput> chunk) {
		return switch (job.operation()) {
			case insert -> this.org.create(chunk);
			case update -> this.org.update(chunk);
			case upsert -> this.org.upsert(job.externalIdField(), chunk);
			case delete -> this.org.delete(chunk.stream().map(RecordInput::id).toList());
			case query, queryAll -> throw new IllegalStateException("Not a write job: " + job.operation());
		};
	}

}
