/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.emulator.soap;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import com.crmsync.emulator.org.EmulatorOrg;
import com.crmsync.emulator.org.FieldValues;
import com.crmsync.emulator.org.ObjectDefinition;

/**
 * {@code getServerTimestamp}, {@code getUpdated} and {@code getDeleted}. As on
 * Salesforce, the seconds of the start and end dates are ignored (the window is whole
 * minutes), the window must not reach back more than 30 days, {@code getDeleted} reaches
 * back at most 15 days (the recycle bin), and a window ending in the future is covered up
 * to the current minute.
 */
final class ReplicationOperations {

	static final Duration UPDATED_HORIZON = Duration.ofDays(30);

	static final Duration DELETED_HORIZON = Duration.ofDays(15);

	static final int MAX_UPDATED_IDS = 600_000;

	private final EmulatorOrg org;

	ReplicationOperations(EmulatorOrg org) {
		this.org = org;
	}

	ResponseBody getServerTimestamp(SoapRequest request) {
		Instant now = this.org.clock().now();
		return (out) -> {
			out.start("getServerTimestampResponse");
			out.start("result");
			out.element("timestamp", FieldValues.formatDateTime(now));
			out.end();
			out.end();
		};
	}

	ResponseBody getUpdated(SoapRequest request) throws ApiFault {
		Window window = window(request, UPDATED_HORIZON);
		List<String> ids = this.org.updatedIds(window.object().name(), window.start(), window.end());
		if (ids.size() > MAX_UPDATED_IDS) {
			throw new ApiFault(ApiFault.Detail.UnexpectedErrorFault, "EXCEEDED_ID_LIMIT",
					"getUpdated returns at most 600,000 ids: narrow the date range");
		}
		return (out) -> {
			out.start("getUpdatedResponse");
			out.start("result");
			for (String id : ids) {
				out.element("ids", id);
			}
			out.element("latestDateCovered", FieldValues.formatDateTime(window.end()));
			out.end();
			out.end();
		};
	}

	ResponseBody getDeleted(SoapRequest request) throws ApiFault {
		Window window = window(request, DELETED_HORIZON);
		Map<String, Instant> deleted = this.org.deletedIds(window.object().name(), window.start(), window.end());
		Instant earliest = window.earliestAvailable();
		return (out) -> {
			out.start("getDeletedResponse");
			out.start("result");
			for (Map.Entry<String, Instant> record : deleted.entrySet()) {
				out.start("deletedRecords");
				out.element("deletedDate", FieldValues.formatDateTime(record.getValue()));
				out.element("id", record.getKey());
				out.end();
			}
			out.element("earliestDateAvailable", FieldValues.formatDateTime(earliest));
			out.element("latestDateCovered", FieldValues.formatDateTime(window.end()));
			out.end();
			out.end();
		};
	}

	private Window window(SoapRequest request, Duration horizon) throws ApiFault {
		String type = request.operation().childText("sObjectType");
		ObjectDefinition object = this.org.schema().object(type);
		if (object == null) {
			throw new ApiFault(ApiFault.Detail.InvalidSObjectFault, "INVALID_TYPE",
					"sObject type '" + type + "' is not supported.");
		}
		Instant start = parse(request.operation().childText("startDate"), "startDate");
		Instant end = parse(request.operation().childText("endDate"), "endDate");
		Instant now = this.org.clock().now().truncatedTo(ChronoUnit.MINUTES);
		Instant earliest = now.minus(horizon);
		if (end.isAfter(now)) {
			end = now;
		}
		if (!start.isBefore(end) && !start.equals(end)) {
			throw new ApiFault(ApiFault.Detail.UnexpectedErrorFault, "INVALID_REPLICATION_DATE",
					"startDate must chronologically precede endDate");
		}
		if (start.isBefore(earliest)) {
			throw new ApiFault(ApiFault.Detail.UnexpectedErrorFault, "INVALID_REPLICATION_DATE",
					"startDate is before the earliest date available: " + FieldValues.formatDateTime(earliest));
		}
		return new Window(object, start, end, earliest);
	}

	private static Instant parse(String value, String name) throws ApiFault {
		try {
			return java.time.OffsetDateTime.parse(value.trim()).toInstant().truncatedTo(ChronoUnit.MINUTES);
		}
		catch (RuntimeException ex) {
			throw new ApiFault(ApiFault.Detail.UnexpectedErrorFault, "INVALID_REPLICATION_DATE",
					name + " is not a valid dateTime: " + value);
		}
	}

	private record Window(ObjectDefinition object, Instant start, Instant end, Instant earliestAvailable) {
	}

}
