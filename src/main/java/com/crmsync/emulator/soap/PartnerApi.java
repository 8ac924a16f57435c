/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.emulator.soap;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import com.crmsync.emulator.cost.CostModel;
import com.crmsync.emulator.org.EmulatorOrg;
import com.crmsync.emulator.query.QueryCursors;
import com.crmsync.emulator.query.QueryExecutor;
import com.crmsync.emulator.session.SessionRegistry;

/**
 * The partner API's operations by name.
 */
public final class PartnerApi {

	/** Operations that need no session. */
	public static final Set<String> SESSIONLESS = Set.of("login");

	/** Operations that write records. */
	public static final Set<String> WRITES = Set.of("create", "update", "upsert", "delete", "undelete", "convertLead",
			"merge", "emptyRecycleBin");

	private final Map<String, SoapOperation> operations = new HashMap<>();

	/**
	 * The operations, charging their server time (rows returned, records saved) to a cost
	 * model.
	 */
	public PartnerApi(OrgIdentity identity, EmulatorOrg org, SessionRegistry sessions, QueryExecutor executor,
			QueryCursors cursors, Supplier<String> baseUrl, CostModel costs) {
		LoginOperations login = new LoginOperations(identity, sessions, baseUrl);
		DescribeOperations describe = new DescribeOperations(org.schema(), baseUrl);
		QueryOperations query = new QueryOperations(org, executor, cursors, costs);
		WriteOperations write = new WriteOperations(org, costs);
		ReplicationOperations replication = new ReplicationOperations(org);
		this.operations.put("login", login::login);
		this.operations.put("getUserInfo", login::getUserInfo);
		this.operations.put("describeGlobal", describe::describeGlobal);
		this.operations.put("describeSObject", describe::describeSObject);
		this.operations.put("describeSObjects", describe::describeSObjects);
		this.operations.put("query", query::query);
		this.operations.put("queryAll", query::queryAll);
		this.operations.put("queryMore", query::queryMore);
		this.operations.put("retrieve", query::retrieve);
		this.operations.put("create", write::create);
		this.operations.put("update", write::update);
		this.operations.put("upsert", write::upsert);
		this.operations.put("delete", write::delete);
		this.operations.put("undelete", write::undelete);
		this.operations.put("emptyRecycleBin", write::emptyRecycleBin);
		this.operations.put("convertLead", write::convertLead);
		this.operations.put("merge", write::merge);
		this.operations.put("getServerTimestamp", replication::getServerTimestamp);
		this.operations.put("getUpdated", replication::getUpdated);
		this.operations.put("getDeleted", replication::getDeleted);
	}

	/**
	 * Whether an operation exists.
	 * @param name the operation's name
	 * @return {@code true} when supported
	 */
	public boolean supports(String name) {
		return this.operations.containsKey(name);
	}

	/**
	 * Runs an operation.
	 * @param request the request
	 * @return the response body
	 * @throws ApiFault when the call fails, or the operation is not supported
	 */
	public ResponseBody execute(SoapRequest request) throws ApiFault {
		SoapOperation operation = this.operations.get(request.operationName());
		if (operation == null) {
			throw new ApiFault(ApiFault.Detail.UnexpectedErrorFault, "INVALID_OPERATION",
					"The emulator does not support the operation " + request.operationName());
		}
		return operation.execute(request);
	}

}
