/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.emulator.soap;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.crmsync.emulator.cost.CostModel;
import com.crmsync.emulator.org.EmulatorOrg;
import com.crmsync.emulator.org.FieldDefinition;
import com.crmsync.emulator.org.ObjectDefinition;
import com.crmsync.emulator.org.SalesforceIds;
import com.crmsync.emulator.query.QueryCursors;
import com.crmsync.emulator.query.QueryExecutor;
import com.crmsync.emulator.query.QueryRows;
import com.crmsync.emulator.soql.SoqlException;

/**
 * {@code query}, {@code queryAll}, {@code queryMore} and {@code retrieve}. Pages are
 * {@code QueryOptions.batchSize} rows (200 to 2000, default 2000); {@code size} is the
 * row count of the whole query; {@code done} is {@code true} and the locator nil on the
 * last page. Rows are projected only as they are written, so paging a million records
 * holds no copies.
 */
final class QueryOperations {

	static final int DEFAULT_BATCH_SIZE = 2000;

	static final int MIN_BATCH_SIZE = 200;

	static final int MAX_RETRIEVE_IDS = 2000;

	private final EmulatorOrg org;

	private final QueryExecutor executor;

	private final QueryCursors cursors;

	private final SObjectWriter records;

	private final CostModel costs;

	QueryOperations(EmulatorOrg org, QueryExecutor executor, QueryCursors cursors, CostModel costs) {
		this.org = org;
		this.executor = executor;
		this.cursors = cursors;
		this.costs = costs;
		this.records = new SObjectWriter(org.schema());
	}

	ResponseBody query(SoapRequest request) throws ApiFault {
		return firstPage(request, "queryResponse", false);
	}

	ResponseBody queryAll(SoapRequest request) throws ApiFault {
		return firstPage(request, "queryAllResponse", true);
	}

	private ResponseBody firstPage(SoapRequest request, String responseName, boolean includeDeleted) throws ApiFault {
		String soql = request.operation().childText("queryString");
		if (soql == null || soql.isBlank()) {
			throw new ApiFault(ApiFault.Detail.MalformedQueryFault, "MALFORMED_QUERY", "unexpected token: <EOF>", 1, 1,
					500);
		}
		QueryRows rows;
		try {
			rows = this.executor.execute(soql, includeDeleted);
		}
		catch (SoqlException ex) {
			throw SoqlFaults.toFault(ex);
		}
		return page(responseName, rows, batchSize(request), 0, null);
	}

	ResponseBody queryMore(SoapRequest request) throws ApiFault {
		String locator = request.operation().childText("queryLocator");
		QueryCursors.Page page = this.cursors.take(locator);
		if (page == null) {
			throw new ApiFault(ApiFault.Detail.InvalidQueryLocatorFault, "INVALID_QUERY_LOCATOR",
					"invalid query locator");
		}
		return page("queryMoreResponse", page.rows(), page.batchSize(), page.offset(), page);
	}

	private ResponseBody page(String responseName, QueryRows rows, int batchSize, int offset,
			QueryCursors.Page cursor) {
		List<Map<String, Object>> matches = rows.matches();
		int end = Math.min(matches.size(), offset + batchSize);
		boolean done = rows.isCount() || end >= matches.size();
		String nextLocator = null;
		if (!done) {
			nextLocator = (cursor != null) ? this.cursors.keep(cursor, end) : this.cursors.open(rows, batchSize, end);
		}
		String locator = nextLocator;
		if (!rows.isCount()) {
			this.costs.queryRows(end - offset);
		}
		return (out) -> {
			out.start(responseName);
			out.startTyped("result", SoapWriter.PARTNER_NS, "QueryResult");
			out.element("done", done);
			out.element("queryLocator", locator);
			if (!rows.isCount()) {
				for (int i = offset; i < end; i++) {
					Map<String, Object> record = matches.get(i);
					this.records.write(out, "records", SoapWriter.PARTNER_NS, rows.objectName(), rows.project(record),
							(String) record.get("Id"));
				}
			}
			out.element("size", rows.totalSize());
			out.end();
			out.end();
		};
	}

	private static int batchSize(SoapRequest request) {
		String value = request.headerText("QueryOptions", "batchSize");
		if (value == null) {
			return DEFAULT_BATCH_SIZE;
		}
		try {
			return Math.max(MIN_BATCH_SIZE, Math.min(DEFAULT_BATCH_SIZE, Integer.parseInt(value.trim())));
		}
		catch (NumberFormatException ex) {
			return DEFAULT_BATCH_SIZE;
		}
	}

	/**
	 * {@code retrieve(fieldList, sObjectType, ids)}: the records in the order of the ids,
	 * nil for an id with no live record.
	 */
	ResponseBody retrieve(SoapRequest request) throws ApiFault {
		String type = request.operation().childText("sObjectType");
		ObjectDefinition object = this.org.schema().object(type);
		if (object == null) {
			throw new ApiFault(ApiFault.Detail.InvalidSObjectFault, "INVALID_TYPE",
					"sObject type '" + type + "' is not supported.");
		}
		String fieldList = request.operation().childText("fieldList");
		List<String> fields = new ArrayList<>();
		for (String name : (fieldList != null) ? fieldList.split(",") : new String[0]) {
			String trimmed = name.trim();
			if (trimmed.isEmpty()) {
				continue;
			}
			FieldDefinition field = object.field(trimmed);
			if (field == null) {
				throw new ApiFault(ApiFault.Detail.InvalidFieldFault, "INVALID_FIELD",
						"No such column '" + trimmed + "' on entity '" + object.name() + "'.", null, null, 500);
			}
			fields.add(field.name());
		}
		List<XmlElement> idElements = request.operation().children("ids");
		if (idElements.size() > MAX_RETRIEVE_IDS) {
			throw new ApiFault(ApiFault.Detail.UnexpectedErrorFault, "EXCEEDED_ID_LIMIT",
					"maximum number of ids that can be retrieved is 2000");
		}
		List<Map<String, Object>> found = new ArrayList<>();
		for (XmlElement idElement : idElements) {
			String id = SalesforceIds.normalize(idElement.text());
			if (id == null) {
				throw new ApiFault(ApiFault.Detail.InvalidIdFault, "MALFORMED_ID", "malformed id " + idElement.text());
			}
			Map<String, Object> record = this.org.byId(object.name(), id);
			found.add((record != null && !Boolean.TRUE.equals(record.get("IsDeleted"))) ? record : null);
		}
		this.costs.queryRows(found.size());
		return (out) -> {
			out.start("retrieveResponse");
			for (Map<String, Object> record : found) {
				if (record == null) {
					out.element("result", null);
					continue;
				}
				Map<String, Object> row = new LinkedHashMap<>();
				for (String field : fields) {
					row.put(field, record.get(field));
				}
				this.records.write(out, "result", SoapWriter.PARTNER_NS, object.name(), row, (String) record.get("Id"));
			}
			out.end();
		};
	}

}
