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
 * Bulk API for a full-run read above {@code sync.salesforce.bulk-threshold} records under
 * {@code auto}, whatever {@code soap} or {@code bulk} says otherwise. Small and
 * incremental reads stay on SOAP: a bulk job's start and polling cost more than a few
 * query pages.
 *
 * @param api {@link SalesforceApi#SOAP} or {@link SalesforceApi#BULK}
 * @param reason why, for the log and the report
 */
public record ApiChoice(SalesforceApi api, String reason) {

	/**
	 * Decides.
	 * @param settings the settings
	 * @param fullRun whether the run reads every record (not only the changed ones)
	 * @param records counts the records the step would read (asked only when it decides)
	 * @return the choice
	 */
	public static ApiChoice of(BulkApiProperties settings, boolean fullRun, LongSupplier records) {
		return of(settings, fullRun, records, "records");
	}

	/**
	 * Decides how a step writes to Salesforce, as {@link #of} does for reads: the Bulk
	 * API for a full run that may push more than {@code sync.salesforce.bulk-threshold}
	 * records under {@code auto}, SOAP for smaller and incremental work (an incremental
	 * run writes what changed since the last: few records, where a bulk job's start and
	 * polling would cost more than the calls they save).
	 * @param settings the settings
	 * @param fullRun whether the run reads every record
	 * @param crmRecords counts the CRM records the step may push (asked only when it
	 * decides)
	 * @return the choice
	 */
	public static ApiChoice forWrites(BulkApiProperties settings, boolean fullRun, LongSupplier crmRecords) {
		return of(settings, fullRun, crmRecords, "CRM records");
	}

	private static ApiChoice of(BulkApiProperties settings, boolean fullRun, LongSupplier records, String what) {
		switch (settings.api()) {
			case SOAP -> {
				return new ApiChoice(SalesforceApi.SOAP, "sync.salesforce.api=soap");
			}
			case BULK -> {
				return new ApiChoice(SalesforceApi.BULK, "sync.salesforce.api=bulk");
			}
			default -> {
				if (!fullRun) {
					return new ApiChoice(SalesforceApi.SOAP, "incremental run");
				}
				long count = records.getAsLong();
				boolean bulk = count > settings.bulkThreshold();
				return new ApiChoice(bulk ? SalesforceApi.BULK : SalesforceApi.SOAP,
						String.format(Locale.ROOT, "full run, %,d %s %s sync.salesforce.bulk-threshold %,d", count,
								what, bulk ? ">" : "<=", settings.bulkThreshold()));
			}
		}
	}

}
