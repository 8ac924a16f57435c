/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.emulator;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.sforce.soap.partner.QueryResult;
import com.sforce.soap.partner.fault.ExceptionCode;
import com.sforce.soap.partner.fault.InvalidFieldFault;
import com.sforce.soap.partner.fault.InvalidIdFault;
import com.sforce.soap.partner.fault.InvalidQueryLocatorFault;
import com.sforce.soap.partner.fault.InvalidSObjectFault;
import com.sforce.soap.partner.fault.MalformedQueryFault;
import com.sforce.soap.partner.sobject.SObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@code query}, {@code queryAll}, {@code queryMore} and {@code retrieve} through
 * force-wsc.
 */
class QueryIntegrationTests {

	@RegisterExtension
	final ConnectedEmulator org = new ConnectedEmulator();

	private void insertContacts(int count) {
		String accountId = this.org.emulator().org().insert("Account", Map.of("Name", "Acme"));
		for (int i = 0; i < count; i++) {
			Map<String, Object> fields = new LinkedHashMap<>();
			fields.put("LastName", "Doe " + i);
			fields.put("AccountId", accountId);
			this.org.emulator().org().insert("Contact", fields);
		}
	}

	@Test
	void pagesWithQueryMoreAtTheRequestedBatchSize() throws Exception {
		insertContacts(450);
		this.org.connection().setQueryOptions(200);
		QueryResult page = this.org.connection().query("SELECT Id, LastName, Account.Name FROM Contact ORDER BY Id");
		Set<String> ids = new HashSet<>();
		int pages = 1;
		assertThat(page.getSize()).isEqualTo(450);
		assertThat(page.getRecords()).hasSize(200);
		assertThat(page.isDone()).isFalse();
		assertThat(page.getQueryLocator()).matches("01g\\w{15}-200");
		collect(page, ids);
		while (!page.isDone()) {
			page = this.org.connection().queryMore(page.getQueryLocator());
			pages++;
			assertThat(page.getSize()).isEqualTo(450);
			collect(page, ids);
		}
		assertThat(pages).isEqualTo(3);
		assertThat(page.getRecords()).hasSize(50);
		assertThat(page.getQueryLocator()).isNull();
		assertThat(ids).hasSize(450);
	}

	private static void collect(QueryResult page, Set<String> ids) {
		for (SObject record : page.getRecords()) {
			ids.add(record.getId());
			assertThat(record.getChild("Account").getField("Name")).isEqualTo("Acme");
		}
	}

	@Test
	void batchSizeIsClampedBetween200And2000() throws Exception {
		insertContacts(2100);
		this.org.connection().setQueryOptions(2);
		assertThat(this.org.connection().query("SELECT Id FROM Contact").getRecords()).hasSize(200);
		this.org.connection().setQueryOptions(5000);
		assertThat(this.org.connection().query("SELECT Id FROM Contact").getRecords()).hasSize(2000);
		this.org.connection().__setQueryOptions(null);
		QueryResult defaults = this.org.connection().query("SELECT Id FROM Contact");
		assertThat(defaults.getRecords()).hasSize(2000);
		assertThat(defaults.getSize()).isEqualTo(2100);
	}

	@Test
	void countQueryReportsOnlyTheSize() throws Exception {
		insertContacts(3);
		QueryResult count = this.org.connection().query("SELECT COUNT() FROM Contact");
		assertThat(count.getSize()).isEqualTo(3);
		assertThat(count.getRecords()).isEmpty();
		assertThat(count.isDone()).isTrue();
	}

	@Test
	void queryAllShowsTheRecycleBin() throws Exception {
		insertContacts(2);
		String deleted = (String) this.org.emulator().org().records("Contact").get(0).get("Id");
		this.org.connection().delete(new String[] { deleted });
		assertThat(this.org.connection().query("SELECT Id FROM Contact").getSize()).isEqualTo(1);
		QueryResult all = this.org.connection().queryAll("SELECT Id, IsDeleted FROM Contact WHERE IsDeleted = true");
		assertThat(all.getSize()).isEqualTo(1);
		assertThat(all.getRecords()[0].getId()).isEqualTo(deleted);
		assertThat(all.getRecords()[0].getField("IsDeleted")).isEqualTo("true");
	}

	@Test
	void nullFieldsAndNonBmpTextRoundTrip() throws Exception {
		String text = "Zoë 🚀 𝄞 日本";
		this.org.emulator().org().insert("Lead", Map.of("LastName", text, "Company", "Acme"));
		SObject lead = this.org.connection()
			.query("SELECT Id, LastName, Email, Status, IsConverted FROM Lead")
			.getRecords()[0];
		assertThat(lead.getField("LastName")).isEqualTo(text);
		assertThat(lead.getField("Email")).isNull();
		assertThat(lead.getField("Status")).isEqualTo("Open - Not Contacted");
		assertThat(lead.getField("IsConverted")).isEqualTo("false");
	}

	@Test
	void refusedQueriesFaultAsSalesforceDoes() {
		assertThatExceptionOfType(InvalidFieldFault.class)
			.isThrownBy(() -> this.org.connection().query("SELECT BadField FROM Contact"))
			.satisfies((fault) -> {
				assertThat(fault.getExceptionCode()).isEqualTo(ExceptionCode.INVALID_FIELD);
				assertThat(fault.getExceptionMessage()).contains("BadField");
			});
		assertThatExceptionOfType(InvalidSObjectFault.class)
			.isThrownBy(() -> this.org.connection().query("SELECT Id FROM Nope"))
			.satisfies((fault) -> assertThat(fault.getExceptionCode()).isEqualTo(ExceptionCode.INVALID_TYPE));
		assertThatExceptionOfType(MalformedQueryFault.class)
			.isThrownBy(() -> this.org.connection().query("SELECT Id FROM Contact WHERE"))
			.satisfies((fault) -> assertThat(fault.getExceptionCode()).isEqualTo(ExceptionCode.MALFORMED_QUERY));
	}

	@Test
	void unknownOrReleasedQueryLocatorFaults() throws Exception {
		insertContacts(250);
		this.org.connection().setQueryOptions(200);
		QueryResult first = this.org.connection().query("SELECT Id FROM Contact");
		assertThatExceptionOfType(InvalidQueryLocatorFault.class)
			.isThrownBy(() -> this.org.connection().queryMore("01g000000000999AAA-200"))
			.satisfies((fault) -> assertThat(fault.getExceptionCode()).isEqualTo(ExceptionCode.INVALID_QUERY_LOCATOR));
		this.org.emulator().releaseQueryCursors();
		assertThatExceptionOfType(InvalidQueryLocatorFault.class)
			.isThrownBy(() -> this.org.connection().queryMore(first.getQueryLocator()));
	}

	@Test
	void retrieveReturnsTheRequestedFieldsInIdOrder() throws Exception {
		String first = this.org.emulator()
			.org()
			.insert("Contact", Map.of("LastName", "One", "Email", "one@example.com"));
		String second = this.org.emulator().org().insert("Contact", Map.of("LastName", "Two"));
		SObject[] records = this.org.connection()
			.retrieve("LastName, Email", "Contact", new String[] { second, "003000000000999AAA", first });
		assertThat(records).hasSize(3);
		assertThat(records[0].getField("LastName")).isEqualTo("Two");
		assertThat(records[1]).isNull();
		assertThat(records[2].getField("Email")).isEqualTo("one@example.com");
		assertThat(List.of(records[2].getId())).containsExactly(first);
		assertThatExceptionOfType(InvalidFieldFault.class)
			.isThrownBy(() -> this.org.connection().retrieve("Nope", "Contact", new String[] { first }));
		assertThatExceptionOfType(InvalidIdFault.class)
			.isThrownBy(() -> this.org.connection().retrieve("LastName", "Contact", new String[] { "bad" }));
	}

}
