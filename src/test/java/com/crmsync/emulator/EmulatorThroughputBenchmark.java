/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.emulator;

import java.util.Map;

import com.sforce.soap.partner.PartnerConnection;
import com.sforce.soap.partner.QueryResult;
import com.sforce.soap.partner.UpsertResult;
import com.sforce.soap.partner.sobject.SObject;

/**
 * Measures the emulator through force-wsc over HTTP: pages a 1,000,000-record org through
 * {@code query}/{@code queryMore} at batch size 2000 (every object in turn, ordered by Id
 * as the sync's keyset readers do), then upserts 100,000 tasks by external id in calls of
 * 200. Not a test: run its {@code main} (see the report in the emulator's hand-off).
 */
public final class EmulatorThroughputBenchmark {

	private static final Map<String, String> QUERIES = Map.of("Account",
			"SELECT Id, Name, IsPersonAccount, Industry, Phone, BillingCity, BillingCountry, SystemModstamp FROM Account ORDER BY Id",
			"Contact",
			"SELECT Id, FirstName, LastName, Email, Phone, Title, AccountId, Account.Name, CRM_Lead_Score__c, SystemModstamp FROM Contact ORDER BY Id",
			"Lead",
			"SELECT Id, FirstName, LastName, Company, Email, Status, IsConverted, ConvertedContactId, SystemModstamp FROM Lead ORDER BY Id",
			"Opportunity",
			"SELECT Id, Name, StageName, CloseDate, Amount, AccountId, SystemModstamp FROM Opportunity ORDER BY Id",
			"OpportunityContactRole",
			"SELECT Id, OpportunityId, ContactId, Role, IsPrimary FROM OpportunityContactRole ORDER BY Id", "Campaign",
			"SELECT Id, Name, Status, StartDate, EndDate, IsActive FROM Campaign ORDER BY Id", "CampaignMember",
			"SELECT Id, CampaignId, LeadId, ContactId, Status FROM CampaignMember ORDER BY Id", "Task",
			"SELECT Id, Subject, Status, ActivityDate, WhoId, CRM_Event_Id__c FROM Task ORDER BY Id");

	private EmulatorThroughputBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		long records = (args.length > 0) ? Long.parseLong(args[0]) : 1_000_000;
		int upserts = (args.length > 1) ? Integer.parseInt(args[1]) : 100_000;
		long seedStart = System.nanoTime();
		try (SalesforceEmulator emulator = SalesforceEmulator
			.start(EmulatorSettings.builder().records(records).apiLimit(10_000_000).build())) {
			System.gc();
			Runtime runtime = Runtime.getRuntime();
			System.out.printf("Seeded %,d records in %.1f s; heap in use %,d MB (max %,d MB)%n", records,
					(System.nanoTime() - seedStart) / 1e9, (runtime.totalMemory() - runtime.freeMemory()) >> 20,
					runtime.maxMemory() >> 20);
			PartnerConnection connection = EmulatorClients.connect(emulator);
			connection.setQueryOptions(2000);
			long served = 0;
			long start = System.nanoTime();
			for (Map.Entry<String, String> query : QUERIES.entrySet()) {
				QueryResult page = connection.query(query.getValue());
				served += page.getRecords().length;
				while (!page.isDone()) {
					page = connection.queryMore(page.getQueryLocator());
					served += page.getRecords().length;
				}
			}
			double querySeconds = (System.nanoTime() - start) / 1e9;
			System.out.printf("query/queryMore: %,d records in %.1f s = %,.0f records/s%n", served, querySeconds,
					served / querySeconds);
			String whoId = (String) emulator.org().records("Contact").get(0).get("Id");
			start = System.nanoTime();
			long succeeded = 0;
			for (int call = 0; call < upserts / 200; call++) {
				SObject[] tasks = new SObject[200];
				for (int i = 0; i < tasks.length; i++) {
					int n = call * 200 + i;
					SObject task = new SObject("Task");
					task.setField("CRM_Event_Id__c", "BENCH-" + n);
					task.setField("Subject", "Benchmark event " + n);
					task.setField("Status", "Completed");
					task.setField("WhoId", whoId);
					task.setField("Description", "Opened the newsletter and clicked through to the pricing page");
					tasks[i] = task;
				}
				for (UpsertResult result : connection.upsert("CRM_Event_Id__c", tasks)) {
					succeeded += result.isSuccess() ? 1 : 0;
				}
			}
			double upsertSeconds = (System.nanoTime() - start) / 1e9;
			System.out.printf("upsert: %,d records (%,d succeeded) in %.1f s = %,.0f records/s%n", upserts, succeeded,
					upsertSeconds, upserts / upsertSeconds);
			System.gc();
			System.out.printf("Heap in use at the end: %,d MB%n", (runtime.totalMemory() - runtime.freeMemory()) >> 20);
		}
	}

}
