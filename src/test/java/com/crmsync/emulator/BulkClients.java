/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.emulator;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.sforce.async.AsyncApiException;
import com.sforce.async.BatchInfo;
import com.sforce.async.BatchStateEnum;
import com.sforce.async.BulkConnection;
import com.sforce.async.CSVReader;
import com.sforce.async.ContentType;
import com.sforce.async.JobInfo;
import com.sforce.async.OperationEnum;
import com.sforce.soap.partner.PartnerConnection;
import com.sforce.ws.ConnectorConfig;

import static org.awaitility.Awaitility.await;

/**
 * Connects force-wsc's real {@link BulkConnection} to an emulator with a partner
 * connection's session, and reads what it answers as a Bulk API client does.
 */
final class BulkClients {

	private BulkClients() {
	}

	static BulkConnection connect(SalesforceEmulator emulator, PartnerConnection partner) throws AsyncApiException {
		return connect(emulator, partner.getConfig().getSessionId());
	}

	static BulkConnection connect(SalesforceEmulator emulator, String sessionId) throws AsyncApiException {
		ConnectorConfig config = new ConnectorConfig();
		config.setSessionId(sessionId);
		config.setRestEndpoint(emulator.bulkUrl());
		config.setCompression(true);
		config.setReadTimeout(60_000);
		return new BulkConnection(config);
	}

	static JobInfo job(BulkConnection bulk, OperationEnum operation, String object, String externalIdField)
			throws AsyncApiException {
		JobInfo job = new JobInfo();
		job.setOperation(operation);
		job.setObject(object);
		job.setContentType(ContentType.CSV);
		if (externalIdField != null) {
			job.setExternalIdFieldName(externalIdField);
		}
		return bulk.createJob(job);
	}

	static BatchInfo batch(BulkConnection bulk, JobInfo job, String content) throws AsyncApiException {
		return bulk.createBatchFromStream(job, stream(content));
	}

	static InputStream stream(String content) {
		return new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * Waits until a batch is no longer queued or in progress.
	 */
	static BatchInfo awaitDone(BulkConnection bulk, BatchInfo batch) {
		BatchInfo[] done = new BatchInfo[1];
		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20)).until(() -> {
			done[0] = bulk.getBatchInfo(batch.getJobId(), batch.getId());
			return done[0].getState() != BatchStateEnum.Queued && done[0].getState() != BatchStateEnum.InProgress;
		});
		return done[0];
	}

	/**
	 * Waits until every batch of a job is done.
	 */
	static BatchInfo[] awaitAllDone(BulkConnection bulk, String jobId) {
		BatchInfo[][] done = new BatchInfo[1][];
		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20)).until(() -> {
			done[0] = bulk.getBatchInfoList(jobId).getBatchInfo();
			for (BatchInfo batch : done[0]) {
				if (batch.getState() == BatchStateEnum.Queued || batch.getState() == BatchStateEnum.InProgress) {
					return false;
				}
			}
			return true;
		});
		return done[0];
	}

	/**
	 * The rows of a CSV the Bulk API answered, header first.
	 */
	static List<List<String>> csv(InputStream in) throws IOException {
		CSVReader reader = new CSVReader(in);
		reader.setMaxRowsInFile(Integer.MAX_VALUE);
		reader.setMaxCharsInFile(Integer.MAX_VALUE);
		List<List<String>> rows = new ArrayList<>();
		for (List<String> row = reader.nextRecord(); row != null; row = reader.nextRecord()) {
			rows.add(row);
		}
		return rows;
	}

}
