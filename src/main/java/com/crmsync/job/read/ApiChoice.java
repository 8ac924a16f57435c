/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.job.read;

import java.util.Locale;
import java.util.function.LongSupplier;

import com.crmsync.salesforce.BulkApiProperties;
import com.crmsync.salesforce.SalesforceApi;

/**
 * The API one step reads (or writes, {@link #forWrites}) Salesforce with, and why: the
 * Bulk API for a read above {@code sync.salesforce.bulk-threshold} records under
 * {@code auto}, whatever {@code soap} or {@code bulk} says otherwise. Small reads stay on
 * SOAP: a bulk job's start and polling cost more than a few query pages. An incremental
 * read is usually small, but not the night after a full run or a mass update: it reads
 * back every record written, and above the threshold a bulk job's CSV costs the job half
 * the CPU of the same records' SOAP pages, in fewer calls.
 *
 * @param api {@link SalesforceApi#SOAP} or {@link SalesforceApi#BULK}
 * @param reason why, for the log and the report
 */
public record ApiChoice(SalesforceApi api, String reason) {

	/**
	 * Decides how a step reads: under {@code auto} by the number of records it reads,
	 * full run or not.
	 * @param settings the settings
	 * @param fullRun whether the run reads every record (not only the changed ones)
	 * @param records counts the records the step would read (asked only when it decides)
	 * @return the choice
	 */
	public static ApiChoice of(BulkApiProperties settings, boolean fullRun, LongSupplier records) {
		return of(settings, fullRun ? "full run" : "incremental run", records, "records");
	}

	/**
	 * Decides how a step writes to Salesforce, as {@link #of} does for reads: the Bulk
	 * API for a full run that may push more than {@code sync.salesforce.bulk-threshold}
	 * records under {@code auto}, SOAP for smaller and incremental work (an incremental
	 * run writes what changed since the last: few records, where a bulk job's start and
	 * polling would cost more than the calls they save).
	 * <p>
	 * Above the threshold, a step whose chunks each wait for their own saves (a merge
	 * records the ids Salesforce gives) still writes through SOAP when it may make more
	 * than one call at once: Salesforce saves a batch's records 200 after 200, one batch
	 * on one server, so the chunk would wait for all of them in line where its calls of
	 * 200 are saved side by side. A step that keeps its batches in flight while its next
	 * chunks are read and sent (the score push) writes in bulk: Salesforce then works on
	 * several batches at once and the step does not wait for each.
	 * @param settings the settings
	 * @param fullRun whether the run reads every record
	 * @param crmRecords counts the CRM records the step may push (asked only when it
	 * decides)
	 * @param keepsBatchesInFlight whether the step's chunks leave their batches in flight
	 * @param concurrentCalls the most calls a chunk makes at once
	 * ({@code sync.salesforce.max-concurrent-calls})
	 * @return the choice
	 */
	public static ApiChoice forWrites(BulkApiProperties settings, boolean fullRun, LongSupplier crmRecords,
			boolean keepsBatchesInFlight, int concurrentCalls) {
		if (settings.api() == SalesforceApi.AUTO && !fullRun) {
			// not counted: the CRM tables' rows say nothing of how many changed
			return new ApiChoice(SalesforceApi.SOAP, "incremental run");
		}
		ApiChoice choice = of(settings, "full run", crmRecords, "CRM records");
		if (settings.api() == SalesforceApi.AUTO && choice.api() == SalesforceApi.BULK && !keepsBatchesInFlight
				&& concurrentCalls > 1) {
			return new ApiChoice(SalesforceApi.SOAP,
					String.format(Locale.ROOT,
							"%s, but each chunk waits for its saves: %d SOAP calls at once "
									+ "(sync.salesforce.max-concurrent-calls) save them sooner than a batch",
							choice.reason(), concurrentCalls));
		}
		return choice;
	}

	private static ApiChoice of(BulkApiProperties settings, String run, LongSupplier records, String what) {
		switch (settings.api()) {
			case SOAP -> {
				return new ApiChoice(SalesforceApi.SOAP, "sync.salesforce.api=soap");
			}
			case BULK -> {
				return new ApiChoice(SalesforceApi.BULK, "sync.salesforce.api=bulk");
			}
			default -> {
				long count = records.getAsLong();
				boolean bulk = count > settings.bulkThreshold();
				return new ApiChoice(bulk ? SalesforceApi.BULK : SalesforceApi.SOAP,
						String.format(Locale.ROOT, "%s, %,d %s %s sync.salesforce.bulk-threshold %,d", run, count, what,
								bulk ? ">" : "<=", settings.bulkThreshold()));
			}
		}
	}

}
