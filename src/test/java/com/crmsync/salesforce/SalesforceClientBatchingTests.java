/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.salesforce;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

import com.crmsync.emulator.EmulatorSettings;
import com.crmsync.emulator.SalesforceEmulator;
import com.crmsync.testsupport.TestOrgLogin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real force-wsc client against the emulator: lists longer than one call go out in as
 * few calls as the API's maxima allow.
 */
class SalesforceClientBatchingTests {

	private SalesforceEmulator emulator;

	private ApiCallCounter counter;

	private SalesforceClient client;

	@BeforeEach
	void start() {
		this.emulator = SalesforceEmulator.start(TestOrgLogin.withCertificate(EmulatorSettings.builder().build()));
		this.counter = new ApiCallCounter();
		this.client = new SalesforceClient(TestOrgLogin.jwtBearerSettings(this.emulator), this.counter);
		this.client.login();
	}

	@AfterEach
	void stop() {
		this.emulator.close();
	}

	@Test
	void createsAndUpdatesInCallsOfTwoHundred() {
		List<SalesforceRecord> leads = IntStream.range(0, 450)
			.mapToObj((i) -> new SalesforceRecord("Lead", null,
					Map.of("LastName", "Lead " + i, "Company", "Acme", "Email", "lead" + i + "@example.com"), Set.of()))
			.toList();
		List<RecordSaveResult> created = this.client.create(leads);
		assertThat(created).hasSize(450).allMatch(RecordSaveResult::success);
		assertThat(this.counter.of("create")).isEqualTo(3);

		List<SalesforceRecord> updates = created.stream()
			.map((outcome) -> new SalesforceRecord("Lead", outcome.id(), Map.of("Title", "Buyer"), Set.of()))
			.toList();
		assertThat(this.client.update(updates)).hasSize(450).allMatch(RecordSaveResult::success);
		assertThat(this.counter.of("update")).isEqualTo(3);

		List<String> ids = new ArrayList<>(created.stream().map(RecordSaveResult::id).toList());
		List<SalesforceRecord> found = new ArrayList<>();
		this.client.queryIn("SELECT Id, Title FROM Lead WHERE Id", ids, "ORDER BY Id", false)
			.forEachRemaining(found::add);
		assertThat(found).hasSize(450).allMatch((lead) -> "Buyer".equals(lead.get("Title")));
	}

	@Test
	void aLookUpTooLongForOneStatementIsSplit() {
		List<String> emails = IntStream.range(0, 2000)
			.mapToObj((i) -> "a-rather-long-address-of-someone-" + i + "@an-example-company.example.com")
			.toList();
		this.client.create(List.of(new SalesforceRecord("Contact", null,
				Map.of("LastName", "Last", "Email", emails.get(1999)), Set.of())));
		List<SalesforceRecord> found = new ArrayList<>();
		this.client.queryIn("SELECT Id, Email FROM Contact WHERE Email", emails, "ORDER BY Id", false)
			.forEachRemaining(found::add);
		assertThat(found).singleElement()
			.satisfies((contact) -> assertThat(contact.get("Email")).isEqualTo(emails.get(1999)));
		assertThat(this.counter.of("query"))
			.isEqualTo(Soql.inQueries("SELECT Id, Email FROM Contact WHERE Email", emails, "ORDER BY Id").size())
			.isGreaterThan(1);
	}

}
