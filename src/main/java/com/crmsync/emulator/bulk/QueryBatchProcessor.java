/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.emulator.bulk;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.crmsync.emulator.cost.CostModel;
import com.crmsync.emulator.org.EmulatorOrg;
import com.crmsync.emulator.soql.RecordSource;
import com.crmsync.emulator.soql.SoqlEngine;
import com.crmsync.emulator.soql.SoqlException;
import com.crmsync.emulator.soql.SoqlResult;

/**
 * Runs the batch of a query job with the emulator's SOQL engine: the whole object, or one
 * chunk's id range of a PK-chunked query; charges the server time of the rows returned.
 * The result holds the stored records themselves, not copies.
 */
final class QueryBatchProcessor {

	private static final RecordSource NO_RECORDS = new RecordSource() {

		@Override
		public Stream<Map<String, Object>> records(String objectName, boolean includeDeleted) {
			return Stream.empty();
		}

		@Override
		public Map<String, Object> byId(String objectName, String id) {
			return null;
		}

	};

	private final EmulatorOrg org;

	private final CostModel costs;

	private final SoqlEngine engine;

	QueryBatchProcessor(EmulatorOrg org, CostModel costs) {
		this.org = org;
		this.costs = costs;
		this.engine = new SoqlEngine(org.schema());
	}

	/**
	 * Runs a query batch (or one chunk of it).
	 * @param job the batch's job
	 * @param batch the batch
	 * @return the rows
	 * @throws BatchFailure when Salesforce would refuse the query
	 */
	SoqlResult process(BulkJob job, BulkBatch batch) throws BatchFailure {
		RecordSource source = (batch.idRange() != null) ? new IdRangeSource(this.org, job.object(), batch.idRange())
				: this.org;
		SoqlResult result = run(job, soql(batch), source);
		this.costs.queryRows(result.matches().size());
		return result;
	}

	/**
	 * Checks a PK-chunked query and splits the object into id ranges of the job's chunk
	 * size.
	 * @param job the job
	 * @param batch its original batch
	 * @return the chunks' id ranges, at least one
	 * @throws BatchFailure when Salesforce would refuse the query
	 */
	List<BulkBatch.IdRange> chunks(BulkJob job, BulkBatch batch) throws BatchFailure {
		run(job, soql(batch), NO_RECORDS);
		List<String> starts = this.org.idChunkStarts(job.object(), job.pkChunkSize());
		List<BulkBatch.IdRange> ranges = new ArrayList<>();
		for (int i = 0; i < starts.size(); i++) {
			ranges.add(new BulkBatch.IdRange(starts.get(i), (i + 1 < starts.size()) ? starts.get(i + 1) : null));
		}
		if (ranges.isEmpty()) {
			ranges.add(new BulkBatch.IdRange("", null));
		}
		return ranges;
	}

	private static String soql(BulkBatch batch) {
		return new String(batch.content(), StandardCharsets.UTF_8).trim();
	}

	private SoqlResult run(BulkJob job, String soql, RecordSource source) throws BatchFailure {
		SoqlResult result;
		try {
			result = this.engine.execute(soql, source, job.operation() == BulkOperation.queryAll);
		}
		catch (SoqlException ex) {
			throw new BatchFailure("InvalidBatch",
					"Failed to process query: " + ex.exceptionCode() + ": " + ex.getMessage());
		}
		if (result.isCount()) {
			throw new BatchFailure("InvalidBatch", "Failed to process query: COUNT() is not supported by the Bulk API");
		}
		if (!result.objectName().equals(job.object())) {
			throw new BatchFailure("InvalidBatch",
					"Failed to process query: the query is on " + result.objectName() + ", the job on " + job.object());
		}
		return result;
	}

}
