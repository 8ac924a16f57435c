/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.salesforce;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The CSV of a bulk write batch and of its results, as the Bulk API reads and writes
 * them.
 */
class BulkWriteCsvTests {

	@Test
	void aBatchHasEveryFieldOnceInNameOrderLeavesUnsetFieldsEmptyAndClearsWithNotAvailable() {
		Map<String, String> first = new LinkedHashMap<>();
		first.put("LastName", "O'Hara, \"Jr\"");
		first.put("Title", null);
		SalesforceRecord one = new SalesforceRecord("Lead", "00Q000000000001AAA", first, Set.of("Phone"));
		SalesforceRecord two = SalesforceRecord.of("Lead", "00Q000000000002AAA",
				Map.of("Title", "CEO\nand founder", "Company", ""));

		String csv = new String(BulkWriteCsv.batch(List.of(one, two)), StandardCharsets.UTF_8);

		assertThat(csv)
			.isEqualTo("Id,Company,LastName,Phone,Title\n" + "00Q000000000001AAA,,\"O'Hara, \"\"Jr\"\"\",\"#N/A\",\n"
					+ "00Q000000000002AAA,\"#N/A\",,,\"CEO\nand founder\"\n");
	}

	@Test
	void upsertsWithoutIdsHaveNoIdColumn() {
		String csv = new String(
				BulkWriteCsv.batch(List.of(SalesforceRecord.of("Lead", null, Map.of("CRM_Id__c", "7")))),
				StandardCharsets.UTF_8);

		assertThat(csv).isEqualTo("CRM_Id__c\n7\n");
	}

	@Test
	void resultsAreReadInOrderWithStatusCodeMessageAndFieldsOfEachError() throws Exception {
		String results = "\"Id\",\"Success\",\"Created\",\"Error\"\n"
				+ "\"00Q000000000001AAA\",\"true\",\"true\",\"\"\n" + "\"00Q000000000002AAA\",\"true\",\"false\",\"\"\n"
				+ "\"\",\"false\",\"false\",\"REQUIRED_FIELD_MISSING:Required fields are missing: [LastName]:LastName --\"\n"
				+ "\"\",\"false\",\"false\",\"INVALID_EMAIL_ADDRESS:Email: invalid email address: x:Email,Other --\"\n";

		List<RecordSaveResult> outcomes = BulkWriteCsv
			.results(new ByteArrayInputStream(results.getBytes(StandardCharsets.UTF_8)));

		assertThat(outcomes).containsExactly(new RecordSaveResult("00Q000000000001AAA", true, true, List.of()),
				new RecordSaveResult("00Q000000000002AAA", true, false, List.of()),
				new RecordSaveResult(null, false, false,
						List.of(new RecordSaveResult.RecordError("REQUIRED_FIELD_MISSING",
								"Required fields are missing: [LastName]", List.of("LastName")))),
				new RecordSaveResult(null, false, false,
						List.of(new RecordSaveResult.RecordError("INVALID_EMAIL_ADDRESS",
								"Email: invalid email address: x", List.of("Email", "Other")))));
	}

	@Test
	void theSameRecordsMakeTheSameBytesWhateverTheOrderOfTheirFields() {
		Map<String, String> one = new LinkedHashMap<>();
		one.put("LastName", "Lee");
		one.put("Company", "Acme");
		Map<String, String> other = new LinkedHashMap<>();
		other.put("Company", "Acme");
		other.put("LastName", "Lee");

		assertThat(BulkWriteCsv.batch(List.of(SalesforceRecord.of("Lead", null, one))))
			.isEqualTo(BulkWriteCsv.batch(List.of(SalesforceRecord.of("Lead", null, other))));
	}

	@Test
	void aFingerprintChangesWithTheContent() {
		byte[] one = BulkWriteCsv.batch(List.of(SalesforceRecord.of("Lead", null, Map.of("CRM_Id__c", "7"))));
		byte[] same = BulkWriteCsv.batch(List.of(SalesforceRecord.of("Lead", null, Map.of("CRM_Id__c", "7"))));
		byte[] other = BulkWriteCsv.batch(List.of(SalesforceRecord.of("Lead", null, Map.of("CRM_Id__c", "8"))));

		assertThat(BulkWriteCsv.fingerprint(one)).isEqualTo(BulkWriteCsv.fingerprint(same))
			.isNotEqualTo(BulkWriteCsv.fingerprint(other))
			.hasSize(64);
	}

}
