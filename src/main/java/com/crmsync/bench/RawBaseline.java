/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import com.crmsync.salesforce.login.OrgLogin;
import com.crmsync.salesforce.login.OrgSession;
import com.sforce.soap.partner.PartnerConnection;
import com.sforce.soap.partner.QueryResult;
import com.sforce.soap.partner.sobject.SObject;
import com.sforce.ws.ConnectionException;
import com.sforce.ws.ConnectorConfig;

/**
 * The raw baseline: the records the job reads, pulled through force-wsc with
 * {@code queryAll}/{@code queryMore} at the largest batch size (2,000), and written with
 * plain JDBC batch inserts (one batch per page) into scratch tables, with no sync logic
 * at all: no identity map, no matching, no merge, no writes back to Salesforce.
 */
final class RawBaseline {

	/** The objects and fields the job's reading steps select (about the same fields). */
	static final Map<String, List<String>> SELECTS = selects();

	private static Map<String, List<String>> selects() {
		List<String> system = List.of("Id", "LastModifiedDate", "SystemModstamp", "IsDeleted");
		Map<String, List<String>> selects = new LinkedHashMap<>();
		selects.put("Account", with(system, "MasterRecordId", "Name", "Website", "Industry", "Phone", "BillingCity",
				"BillingCountry", "IsPersonAccount"));
		selects.put("Opportunity", with(system, "Name", "StageName", "Amount", "CloseDate", "AccountId"));
		selects.put("OpportunityContactRole", List.of("Id", "OpportunityId", "ContactId"));
		selects.put("Lead", with(system, "MasterRecordId", "Email", "FirstName", "LastName", "Phone", "Title",
				"Company", "Status", "Region__c", "IsConverted", "ConvertedContactId"));
		selects.put("Contact", with(system, "MasterRecordId", "Email", "FirstName", "LastName", "Phone", "Title",
				"Region__c", "AccountId", "IsPersonAccount"));
		selects.put("Campaign", with(system, "Name", "Status", "Type", "StartDate", "EndDate", "IsActive"));
		selects.put("CampaignMember", with(system, "CampaignId", "LeadId", "ContactId", "Status"));
		return selects;
	}

	private static List<String> with(List<String> first, String... more) {
		return java.util.stream.Stream.concat(first.stream(), java.util.stream.Stream.of(more)).toList();
	}

	private final OrgLogin login;

	private final DataSource dataSource;

	RawBaseline(OrgLogin login, DataSource dataSource) {
		this.login = login;
		this.dataSource = dataSource;
	}

	/**
	 * What the baseline moved.
	 *
	 * @param records records pulled and inserted
	 * @param apiCalls login, query and queryMore calls
	 * @param seconds wall time
	 */
	record Result(long records, long apiCalls, double seconds) {

	}

	Result run() throws ConnectionException, SQLException {
		long start = System.nanoTime();
		OrgSession session = this.login.login();
		ConnectorConfig config = new ConnectorConfig();
		config.setAuthEndpoint(session.serviceEndpoint());
		config.setServiceEndpoint(session.serviceEndpoint());
		config.setSessionId(session.sessionId());
		config.setManualLogin(true);
		config.setCompression(true);
		PartnerConnection partner = new PartnerConnection(config);
		partner.setQueryOptions(2000);
		long calls = 1;
		long records = 0;
		try (Connection connection = this.dataSource.getConnection()) {
			connection.setAutoCommit(false);
			for (Map.Entry<String, List<String>> select : SELECTS.entrySet()) {
				String table = "bench_raw_" + select.getKey().toLowerCase(java.util.Locale.ROOT);
				List<String> fields = select.getValue();
				createTable(connection, table, fields);
				String insert = "INSERT INTO " + table + " VALUES (" + "?, ".repeat(fields.size() - 1) + "?)";
				try (PreparedStatement statement = connection.prepareStatement(insert)) {
					QueryResult page = partner
						.queryAll("SELECT " + String.join(", ", fields) + " FROM " + select.getKey() + " ORDER BY Id");
					calls++;
					while (true) {
						for (SObject record : page.getRecords()) {
							for (int i = 0; i < fields.size(); i++) {
								Object value = record.getField(fields.get(i));
								statement.setString(i + 1, (value != null) ? value.toString() : null);
							}
							statement.addBatch();
							records++;
						}
						statement.executeBatch();
						connection.commit();
						if (page.isDone()) {
							break;
						}
						page = partner.queryMore(page.getQueryLocator());
						calls++;
					}
				}
			}
		}
		return new Result(records, calls, (System.nanoTime() - start) / 1e9);
	}

	private static void createTable(Connection connection, String table, List<String> fields) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute("DROP TABLE IF EXISTS " + table);
			StringBuilder columns = new StringBuilder();
			for (String field : fields) {
				columns.append((columns.length() > 0) ? ", " : "")
					.append('`')
					.append(field)
					.append(field.equals("Id") ? "` CHAR(18) PRIMARY KEY" : "` VARCHAR(255) NULL");
			}
			statement.execute("CREATE TABLE " + table + " (" + columns + ") ENGINE=InnoDB DEFAULT CHARSET=utf8mb4");
		}
		connection.commit();
	}

}
