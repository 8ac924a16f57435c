/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.emulator.query;

import java.util.List;
import java.util.Map;

import com.crmsync.emulator.soql.RecordSource;
import com.crmsync.emulator.soql.SoqlEngine;
import com.crmsync.emulator.soql.SoqlResult;
import com.crmsync.emulator.soql.SoqlSchema;

/**
 * Runs queries with the SOQL engine over the org's records.
 */
public final class SoqlQueryExecutor implements QueryExecutor {

	private final SoqlEngine engine;

	private final RecordSource source;

	public SoqlQueryExecutor(SoqlSchema schema, RecordSource source) {
		this.engine = new SoqlEngine(schema);
		this.source = source;
	}

	@Override
	public QueryRows execute(String soql, boolean includeDeleted) {
		SoqlResult result = this.engine.execute(soql, this.source, includeDeleted);
		return new QueryRows() {

			@Override
			public String objectName() {
				return result.objectName();
			}

			@Override
			public boolean isCount() {
				return result.isCount();
			}

			@Override
			public int totalSize() {
				return result.totalSize();
			}

			@Override
			public List<Map<String, Object>> matches() {
				return result.matches();
			}

			@Override
			public Map<String, Object> project(Map<String, Object> record) {
				return result.project(record);
			}

		};
	}

}
