/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.salesforce;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

import com.crmsync.emulator.EmulatorSettings;
import com.crmsync.emulator.SalesforceEmulator;
import com.crmsync.testsupport.TestOrgLogin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A bulk update whose every record was saved is known to have saved each under its own id
 * without its result file (a request Salesforce counts); one with a failure reads the
 * file and reports each record as Salesforce does.
 */
class BulkUpdateResultsTests {

	private SalesforceEmulator emulator;

	private ApiCallCounter counter;

	private SalesforceClient client;

	private List<String> ids;

	@BeforeEach
	void leadsInSalesforce() {
		this.emulator = SalesforceEmulator.start(TestOrgLogin.withCertificate(EmulatorSettings.builder().build()));
		this.counter = new ApiCallCounter();
		this.client = new SalesforceClient(TestOrgLogin.jwtBearerSettings(this.emulator), this.counter, 1);
		this.client.login();
		List<SalesforceRecord> leads = IntStream.range(0, 5)
			.mapToObj((i) -> new SalesforceRecord("Lead", null,
					Map.of("LastName", "Lead " + i, "Company", "Acme", "Email", "lead" + i + "@example.com"), Set.of()))
			.toList();
		this.ids = this.client.create(leads).stream().map(RecordSaveResult::id).toList();
	}

	@AfterEach
	void stop() {
		this.client.close();
		this.emulator.close();
	}

	@Test
	void anUpdateWhoseRecordsAreAllSavedReadsNoResultFile() {
		List<RecordSaveResult> results = update((i) -> "buyer" + i + "@example.com");

		assertThat(results).extracting(RecordSaveResult::id).containsExactlyElementsOf(this.ids);
		assertThat(results).allMatch(RecordSaveResult::success).noneMatch(RecordSaveResult::created);
		assertThat(this.counter.of("bulk.getBatchResult")).isZero();
		assertThat(this.emulator.org().records("Lead")).extracting((lead) -> lead.get("Email"))
			.containsExactlyInAnyOrder("buyer0@example.com", "buyer1@example.com", "buyer2@example.com",
					"buyer3@example.com", "buyer4@example.com");
	}

	@Test
	void anUpdateWithARejectedRecordReadsItsResultFile() {
		List<RecordSaveResult> results = update((i) -> (i == 2) ? "not an address" : "buyer" + i + "@example.com");

		assertThat(this.counter.of("bulk.getBatchResult")).isOne();
		assertThat(results.get(2).success()).isFalse();
		assertThat(results.get(2).statusCode()).isEqualTo("INVALID_EMAIL_ADDRESS");
		assertThat(List.of(results.get(0), results.get(1), results.get(3), results.get(4)))
			.allMatch(RecordSaveResult::success);
	}

	private List<RecordSaveResult> update(IntFunction<String> email) {
		List<SalesforceRecord> updates = new ArrayList<>();
		for (int i = 0; i < this.ids.size(); i++) {
			updates.add(new SalesforceRecord("Lead", this.ids.get(i), Map.of("Email", email.apply(i)), Set.of()));
		}
		BulkWrite bulk = new BulkWrite(this.client);
		List<RecordSaveResult> results = bulk.update(updates, new InMemoryBulkJournal());
		bulk.closeJobs();
		return results;
	}

}
