/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.emulator.soql;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.entry;

/**
 * Tests for {@link SoqlEngine}.
 */
class SoqlEngineTests {

	private static final String ACME = "001000000000001AAA";

	private static final String GLOBEX = "001000000000002AAA";

	private static final String ANN = "003000000000001AAA";

	private static final String BOB = "003000000000002AAA";

	private static final String BACKSLASH = "003000000000003AAA";

	private static final String ORPHAN = "003000000000004AAA";

	private static final String GONE = "003000000000005AAA";

	private final InMemoryOrg org = new InMemoryOrg();

	private final SoqlEngine engine = new SoqlEngine(this.org);

	@BeforeEach
	void records() {
		this.org.add("Account", "Id", ACME, "Name", "Acme", "Industry", "Tech", "IsDeleted", false);
		this.org.add("Account", "Id", GLOBEX, "Name", "Globex", "Industry", null, "IsDeleted", false);
		this.org.add("Contact", "Id", ANN, "FirstName", "Ann", "LastName", "Lee", "Email", "ann@acme.com", "AccountId",
				ACME, "Birthdate", LocalDate.of(1990, 5, 1), "CRM_Lead_Score__c", new BigDecimal("10"),
				"Newsletter_Opt_In__c", true, "IsDeleted", false, "SystemModstamp",
				Instant.parse("2026-01-31T10:00:00Z"));
		this.org.add("Contact", "Id", BOB, "FirstName", "Bob", "LastName", "O'Brien", "AccountId", GLOBEX,
				"CRM_Lead_Score__c", new BigDecimal("20.5"), "Newsletter_Opt_In__c", false, "IsDeleted", false,
				"SystemModstamp", Instant.parse("2026-01-31T12:00:00Z"));
		this.org.add("Contact", "Id", BACKSLASH, "LastName", "back\\slash", "Newsletter_Opt_In__c", false, "IsDeleted",
				false, "SystemModstamp", Instant.parse("2026-02-01T00:00:00Z"));
		this.org.add("Contact", "Id", ORPHAN, "FirstName", "ann", "LastName", "Orphan", "AccountId",
				"001000000000099AAA", "CRM_Lead_Score__c", new BigDecimal("5"), "Newsletter_Opt_In__c", false,
				"IsDeleted", false, "SystemModstamp", Instant.parse("2026-01-31T10:00:00.500Z"));
		this.org.add("Contact", "Id", GONE, "LastName", "Gone", "IsDeleted", true);
	}

	// select list and projection

	@Test
	void projectsSelectedFieldsInSelectListOrderUnderCanonicalNames() {
		SoqlResult result = query("select lastname, ID, crm_lead_score__c from contact where id = '" + ANN + "'");
		assertThat(result.objectName()).isEqualTo("Contact");
		assertThat(result.isCount()).isFalse();
		assertThat(result.totalSize()).isEqualTo(1);
		Map<String, Object> row = result.project(result.matches().get(0));
		assertThat(row).isInstanceOf(LinkedHashMap.class);
		assertThat(row).containsExactly(entry("LastName", "Lee"), entry("Id", ANN),
				entry("CRM_Lead_Score__c", new BigDecimal("10")));
	}

	@Test
	void matchesAreTheStoredRecordsThemselves() {
		Map<String, Object> stored = this.org.add("Lead", "Id", "00Q000000000001AAA", "LastName", "Stored");
		SoqlResult result = query("SELECT Id FROM Lead");
		assertThat(result.matches()).hasSize(1);
		assertThat(result.matches().get(0)).isSameAs(stored);
	}

	@Test
	void projectsParentFieldsIntoOneNestedMapPerRelationship() {
		SoqlResult result = query("SELECT Id, Account.Name, LastName, account.industry FROM Contact ORDER BY Id");
		Map<String, Object> ann = result.project(result.matches().get(0));
		assertThat(ann.keySet()).containsExactly("Id", "Account", "LastName");
		assertThat(ann.get("Account")).isInstanceOf(LinkedHashMap.class);
		assertThat(ann.get("Account")).asInstanceOf(InstanceOfAssertFactories.map(String.class, Object.class))
			.containsExactly(entry("type", "Account"), entry("Id", ACME), entry("Name", "Acme"),
					entry("Industry", "Tech"));
		Map<String, Object> bob = result.project(result.matches().get(1));
		assertThat(bob.get("Account")).asInstanceOf(InstanceOfAssertFactories.map(String.class, Object.class))
			.containsExactly(entry("type", "Account"), entry("Id", GLOBEX), entry("Name", "Globex"),
					entry("Industry", null));
	}

	@Test
	void projectsNullForAnEmptyReferenceOrAMissingParent() {
		SoqlResult result = query(
				"SELECT Id, Account.Name FROM Contact WHERE Id IN ('" + BACKSLASH + "', '" + ORPHAN + "') ORDER BY Id");
		for (Map<String, Object> record : result.matches()) {
			Map<String, Object> row = result.project(record);
			assertThat(row).containsKey("Account");
			assertThat(row.get("Account")).isNull();
		}
	}

	@Test
	void acceptsFieldsQualifiedWithTheObjectNameOrAlias() {
		SoqlResult result = query("SELECT Contact.LastName FROM Contact WHERE Contact.Id = '" + ANN + "'");
		assertThat(result.project(result.matches().get(0))).containsExactly(entry("LastName", "Lee"));
		result = query("SELECT c.LastName, c.Account.Name FROM Contact c WHERE c.Id = '" + ANN + "'");
		assertThat(result.project(result.matches().get(0))).containsKeys("LastName");
	}

	@Test
	void countsWithCount() {
		SoqlResult result = query("SELECT COUNT() FROM Contact WHERE Newsletter_Opt_In__c = false");
		assertThat(result.isCount()).isTrue();
		assertThat(result.totalSize()).isEqualTo(3);
		assertThat(result.matches()).isEmpty();
		assertThat(query("SELECT COUNT() FROM Contact LIMIT 2").totalSize()).isEqualTo(2);
	}

	@Test
	void countMustBeTheOnlySelectedElement() {
		assertError("SELECT COUNT(), Id FROM Contact", "MALFORMED_QUERY",
				"COUNT() must be the only element in the SELECT list");
	}

	@Test
	void includesDeletedRecordsOnlyWhenAsked() {
		assertThat(ids(query("SELECT Id FROM Contact WHERE LastName = 'Gone'"))).isEmpty();
		SoqlResult all = this.engine.execute("SELECT Id, IsDeleted FROM Contact WHERE LastName = 'Gone'", this.org,
				true);
		assertThat(ids(all)).containsExactly(GONE);
		assertThat(all.project(all.matches().get(0))).containsEntry("IsDeleted", true);
	}

	// WHERE

	@Test
	void comparesStringsCaseInsensitively() {
		assertThat(ids(query("SELECT Id FROM Contact WHERE LastName = 'LEE'"))).containsExactly(ANN);
		assertThat(ids(query("SELECT Id FROM Contact WHERE FirstName != 'ANN' ORDER BY Id"))).containsExactly(BOB,
				BACKSLASH);
		assertThat(ids(query("SELECT Id FROM Contact WHERE FirstName <> 'ann' ORDER BY Id"))).containsExactly(BOB,
				BACKSLASH);
		assertThat(ids(query("SELECT Id FROM Contact WHERE LastName < 'm' ORDER BY Id"))).containsExactly(ANN,
				BACKSLASH);
		assertThat(ids(query("SELECT Id FROM Contact WHERE LastName >= 'LEE' ORDER BY Id"))).containsExactly(ANN, BOB,
				ORPHAN);
	}

	@Test
	void combinesConditionsWithAndOrNotAndParentheses() {
		assertThat(ids(query("SELECT Id FROM Contact WHERE FirstName = 'ann' AND CRM_Lead_Score__c > 6")))
			.containsExactly(ANN);
		assertThat(ids(query("SELECT Id FROM Contact WHERE LastName = 'Lee' OR LastName = 'Orphan' ORDER BY Id")))
			.containsExactly(ANN, ORPHAN);
		assertThat(ids(query("SELECT Id FROM Contact WHERE NOT LastName = 'Lee' ORDER BY Id"))).containsExactly(BOB,
				BACKSLASH, ORPHAN);
		assertThat(ids(query("SELECT Id FROM Contact WHERE (LastName = 'Lee' OR LastName = 'Orphan') "
				+ "AND (NOT (CRM_Lead_Score__c < 6)) ORDER BY Id")))
			.containsExactly(ANN);
	}

	@Test
	void nestsLikeUnderOrAndNotAsAPartitionOfKeyClassesSendsIt() {
		// Ann's e-mail starts with a, the others have none: LIKE never matches a null,
		// so NOT LIKE does, as Email = null does
		String aOrNoClass = "(Email LIKE 'a%' OR (NOT (Email LIKE 'a%' OR Email LIKE 'b%')))";
		assertThat(ids(query("SELECT Id FROM Contact WHERE " + aOrNoClass + " AND LastName = 'Lee'")))
			.containsExactly(ANN);
		assertThat(ids(query("SELECT Id FROM Contact WHERE (Email LIKE 'B%' OR (NOT (Email LIKE 'A%'))) ORDER BY Id")))
			.containsExactly(BOB, BACKSLASH, ORPHAN);
		assertThat(ids(query("SELECT Id FROM Contact WHERE (Email LIKE 'x%' OR Email = null) AND "
				+ "FirstName != null ORDER BY Id")))
			.containsExactly(BOB, ORPHAN);
		// as in Salesforce's grammar, NOT is an operand of OR only in parentheses
		assertError("SELECT Id FROM Contact WHERE Email LIKE 'a%' OR NOT (Email LIKE 'b%')", "MALFORMED_QUERY",
				"unexpected token: '('");
	}

	@Test
	void refusesAndMixedWithOrWithoutParentheses() {
		assertError("SELECT Id FROM Contact WHERE LastName = 'a' AND LastName = 'b' OR LastName = 'c'",
				"MALFORMED_QUERY", "unexpected token: 'OR'");
	}

	@Test
	void comparesNumbers() {
		assertThat(ids(query("SELECT Id FROM Contact WHERE CRM_Lead_Score__c = 20.50"))).containsExactly(BOB);
		assertThat(ids(query("SELECT Id FROM Contact WHERE CRM_Lead_Score__c <= 10 ORDER BY Id"))).containsExactly(ANN,
				ORPHAN);
		assertThat(ids(query("SELECT Id FROM Contact WHERE CRM_Lead_Score__c > -1.5 ORDER BY Id"))).containsExactly(ANN,
				BOB, ORPHAN);
	}

	@Test
	void comparesBooleans() {
		assertThat(ids(query("SELECT Id FROM Contact WHERE Newsletter_Opt_In__c = TRUE"))).containsExactly(ANN);
		assertThat(ids(query("SELECT Id FROM Contact WHERE Newsletter_Opt_In__c != true ORDER BY Id")))
			.containsExactly(BOB, BACKSLASH, ORPHAN);
	}

	@Test
	void treatsNullAsAValue() {
		assertThat(ids(query("SELECT Id FROM Contact WHERE AccountId = null"))).containsExactly(BACKSLASH);
		assertThat(ids(query("SELECT Id FROM Contact WHERE CRM_Lead_Score__c != null ORDER BY Id")))
			.containsExactly(ANN, BOB, ORPHAN);
		// unlike SQL, != matches null fields; < and > never do
		assertThat(ids(query("SELECT Id FROM Contact WHERE CRM_Lead_Score__c != 10 ORDER BY Id"))).containsExactly(BOB,
				BACKSLASH, ORPHAN);
		assertThat(ids(query("SELECT Id FROM Contact WHERE CRM_Lead_Score__c < 100 ORDER BY Id"))).containsExactly(ANN,
				BOB, ORPHAN);
	}

	@Test
	void filtersWithInAndNotIn() {
		assertThat(ids(query("SELECT Id FROM Contact WHERE LastName IN ('lee', 'ORPHAN', 'nobody') ORDER BY Id")))
			.containsExactly(ANN, ORPHAN);
		assertThat(ids(query("SELECT Id FROM Contact WHERE CRM_Lead_Score__c IN (5, 20.5) ORDER BY Id")))
			.containsExactly(BOB, ORPHAN);
		assertThat(ids(query("SELECT Id FROM Contact WHERE AccountId IN (null, '" + ACME + "') ORDER BY Id")))
			.containsExactly(ANN, BACKSLASH);
		assertThat(ids(query("SELECT Id FROM Contact WHERE LastName NOT IN ('Lee', 'Orphan') ORDER BY Id")))
			.containsExactly(BOB, BACKSLASH);
	}

	@Test
	void filtersWithLikeCaseInsensitively() {
		this.org.add("Lead", "Id", "00Q000000000001AAA", "LastName", "100% Pure");
		this.org.add("Lead", "Id", "00Q000000000002AAA", "LastName", "100 Pure");
		this.org.add("Lead", "Id", "00Q000000000003AAA", "LastName", "snake_case");
		this.org.add("Lead", "Id", "00Q000000000004AAA", "LastName", "snakeXcase");
		this.org.add("Lead", "Id", "00Q000000000005AAA", "LastName", "Smith");
		this.org.add("Lead", "Id", "00Q000000000006AAA", "LastName", "smyth");
		assertThat(lastNames("SELECT LastName FROM Lead WHERE LastName LIKE 'sm_th'")).containsExactly("Smith",
				"smyth");
		assertThat(lastNames("SELECT LastName FROM Lead WHERE LastName LIKE '%PURE'")).containsExactly("100% Pure",
				"100 Pure");
		assertThat(lastNames("SELECT LastName FROM Lead WHERE LastName LIKE '100\\%%'")).containsExactly("100% Pure");
		assertThat(lastNames("SELECT LastName FROM Lead WHERE LastName LIKE 'snake\\_case'"))
			.containsExactly("snake_case");
		assertThat(lastNames("SELECT LastName FROM Lead WHERE LastName LIKE 'snake_case'"))
			.containsExactly("snake_case", "snakeXcase");
		assertThat(lastNames("SELECT LastName FROM Lead WHERE LastName LIKE 's%a%e'")).containsExactly("snake_case",
				"snakeXcase");
		assertThat(lastNames("SELECT LastName FROM Lead WHERE NOT LastName LIKE '%e'")).containsExactly("Smith",
				"smyth");
	}

	@Test
	void decodesStringEscapes() {
		assertThat(ids(query("SELECT Id FROM Contact WHERE LastName = 'O\\'Brien'"))).containsExactly(BOB);
		assertThat(ids(query("SELECT Id FROM Contact WHERE LastName = 'back\\\\slash'"))).containsExactly(BACKSLASH);
		assertThat(ids(query("SELECT Id FROM Contact WHERE LastName IN ('O\\'brien', 'BACK\\\\SLASH') ORDER BY Id")))
			.containsExactly(BOB, BACKSLASH);
		assertThat(ids(query("SELECT Id FROM Contact WHERE LastName = '\\u004Cee'"))).containsExactly(ANN);
		this.org.add("Lead", "Id", "00Q000000000001AAA", "LastName", "tab\there \"quoted\"\nnext");
		assertThat(lastNames("SELECT LastName FROM Lead WHERE LastName = 'tab\\there \\\"quoted\\\"\\nnext'"))
			.hasSize(1);
	}

	@Test
	void comparesDatesWithDateLiterals() {
		assertThat(ids(query("SELECT Id FROM Contact WHERE Birthdate = 1990-05-01"))).containsExactly(ANN);
		assertThat(ids(query("SELECT Id FROM Contact WHERE Birthdate < 2000-01-01"))).containsExactly(ANN);
	}

	@Test
	void comparesDateTimesWithDateTimeLiterals() {
		assertThat(ids(query("SELECT Id FROM Contact WHERE SystemModstamp = 2026-01-31T10:00:00Z")))
			.containsExactly(ANN);
		assertThat(ids(query("SELECT Id FROM Contact WHERE SystemModstamp > 2026-01-31T10:00:00Z ORDER BY Id")))
			.containsExactly(BOB, BACKSLASH, ORPHAN);
		assertThat(ids(query("SELECT Id FROM Contact WHERE SystemModstamp = 2026-01-31T11:00:00+01:00")))
			.containsExactly(ANN);
		assertThat(ids(query("SELECT Id FROM Contact WHERE SystemModstamp = 2026-01-31t05:00:00-0500")))
			.containsExactly(ANN);
		assertThat(ids(query("SELECT Id FROM Contact WHERE SystemModstamp = 2026-01-31T10:00:00.500Z")))
			.containsExactly(ORPHAN);
		assertThat(ids(query("SELECT Id FROM Contact WHERE SystemModstamp >= 2026-01-31T12:00:00.000Z ORDER BY Id")))
			.containsExactly(BOB, BACKSLASH);
	}

	@Test
	void refusesLiteralsOfTheWrongType() {
		this.org.add("Opportunity", "Id", "006000000000001AAA", "Name", "Deal", "CloseDate", LocalDate.of(2026, 1, 31));
		assertError("SELECT Id FROM Opportunity WHERE CloseDate = '2026-01-31'", "MALFORMED_QUERY",
				"value of filter criterion for field 'CloseDate' must be of type date and should not be enclosed "
						+ "in quotes");
		assertError("SELECT Id FROM Opportunity WHERE CloseDate = 2026-01-31T00:00:00Z", "MALFORMED_QUERY",
				"value of filter criterion for field 'CloseDate' must be of type date and should not be enclosed "
						+ "in quotes");
		assertError("SELECT Id FROM Contact WHERE SystemModstamp > 2026-01-31", "MALFORMED_QUERY",
				"value of filter criterion for field 'SystemModstamp' must be of type dateTime and should not be "
						+ "enclosed in quotes");
		assertError("SELECT Id FROM Contact WHERE LastName = 5", "MALFORMED_QUERY",
				"value of filter criterion for field 'LastName' must be of type string and should be enclosed "
						+ "in quotes");
		assertError("SELECT Id FROM Contact WHERE Newsletter_Opt_In__c = 'true'", "MALFORMED_QUERY",
				"value of filter criterion for field 'Newsletter_Opt_In__c' must be of type boolean and should not "
						+ "be enclosed in quotes");
		assertError("SELECT Id FROM Contact WHERE CRM_Lead_Score__c IN (1, '2')", "MALFORMED_QUERY",
				"must be of type double");
	}

	@Test
	void matchesIdsBy15Or18CharactersCaseSensitively() {
		assertThat(ids(query("SELECT Id FROM Contact WHERE Id = '003000000000002'"))).containsExactly(BOB);
		assertThat(ids(query("SELECT Id FROM Contact WHERE Id = '003000000000002AAA'"))).containsExactly(BOB);
		assertThat(ids(query("SELECT Id FROM Contact WHERE AccountId = '001000000000001'"))).containsExactly(ANN);
		assertThat(ids(
				query("SELECT Id FROM Contact WHERE Id IN ('003000000000001', '003000000000004AAA') " + "ORDER BY Id")))
			.containsExactly(ANN, ORPHAN);
		this.org.add("Lead", "Id", "00Q00000000000aAAA", "LastName", "Lower");
		this.org.add("Lead", "Id", "00Q00000000000AAAA", "LastName", "Upper");
		assertThat(lastNames("SELECT LastName FROM Lead WHERE Id = '00Q00000000000a'")).containsExactly("Lower");
		assertThat(lastNames("SELECT LastName FROM Lead WHERE Id = '00Q00000000000AAAA'")).containsExactly("Upper");
	}

	@Test
	void refusesIdsOfTheWrongLength() {
		assertError("SELECT Id FROM Contact WHERE Id = '003'", "INVALID_QUERY_FILTER_OPERATOR",
				"invalid ID field: 003");
	}

	@Test
	void filtersAndSortsOnParentFields() {
		assertThat(ids(query("SELECT Id FROM Contact WHERE Account.Name = 'acme'"))).containsExactly(ANN);
		assertThat(ids(query("SELECT Id FROM Contact WHERE Account.Name != null ORDER BY Account.Name DESC")))
			.containsExactly(BOB, ANN);
	}

	// ORDER BY, LIMIT, OFFSET

	@Test
	void ordersBySeveralFieldsStably() {
		assertThat(ids(query("SELECT Id FROM Contact ORDER BY FirstName DESC, Id DESC"))).containsExactly(BOB, ORPHAN,
				ANN, BACKSLASH);
		// 'Ann' and 'ann' tie case-insensitively: the store's order is kept
		assertThat(ids(query("SELECT Id FROM Contact WHERE FirstName = 'ann' ORDER BY FirstName"))).containsExactly(ANN,
				ORPHAN);
	}

	@Test
	void putsNullsFirstAscendingAndLastDescendingUnlessTold() {
		assertThat(ids(query("SELECT Id FROM Contact ORDER BY CRM_Lead_Score__c"))).containsExactly(BACKSLASH, ORPHAN,
				ANN, BOB);
		assertThat(ids(query("SELECT Id FROM Contact ORDER BY CRM_Lead_Score__c DESC"))).containsExactly(BOB, ANN,
				ORPHAN, BACKSLASH);
		assertThat(ids(query("SELECT Id FROM Contact ORDER BY CRM_Lead_Score__c ASC NULLS LAST")))
			.containsExactly(ORPHAN, ANN, BOB, BACKSLASH);
		assertThat(ids(query("SELECT Id FROM Contact ORDER BY CRM_Lead_Score__c DESC NULLS FIRST")))
			.containsExactly(BACKSLASH, BOB, ANN, ORPHAN);
	}

	@Test
	void ordersByDatesAndDateTimes() {
		assertThat(ids(query("SELECT Id FROM Contact ORDER BY SystemModstamp DESC"))).containsExactly(BACKSLASH, BOB,
				ORPHAN, ANN);
		assertThat(ids(query("SELECT Id FROM Contact ORDER BY Birthdate NULLS LAST, Id"))).containsExactly(ANN, BOB,
				BACKSLASH, ORPHAN);
	}

	@Test
	void limitsAndOffsets() {
		assertThat(ids(query("SELECT Id FROM Contact ORDER BY Id LIMIT 2"))).containsExactly(ANN, BOB);
		assertThat(ids(query("SELECT Id FROM Contact ORDER BY Id LIMIT 2 OFFSET 1"))).containsExactly(BOB, BACKSLASH);
		assertThat(ids(query("SELECT Id FROM Contact ORDER BY Id OFFSET 3"))).containsExactly(ORPHAN);
		assertThat(query("SELECT Id FROM Contact LIMIT 3").totalSize()).isEqualTo(3);
		assertThat(query("SELECT Id FROM Contact WHERE Id > '003000000000002' ORDER BY Id LIMIT 1000").totalSize())
			.isEqualTo(2);
		assertError("SELECT Id FROM Contact OFFSET 2001", "NUMBER_OUTSIDE_VALID_RANGE",
				"Maximum SOQL offset allowed is 2000");
	}

	// errors

	@Test
	void refusesUnknownObjects() {
		assertError("SELECT Id FROM Foo", "INVALID_TYPE", "sObject type 'Foo' is not supported.");
	}

	@Test
	void refusesUnknownFieldsAnywhere() {
		assertError("SELECT Id, Foo FROM Lead", "INVALID_FIELD", "No such column 'Foo' on entity 'Lead'.");
		assertError("SELECT Id FROM Lead WHERE Foo = 'x'", "INVALID_FIELD", "No such column 'Foo' on entity 'Lead'.");
		assertError("SELECT Id FROM Lead ORDER BY Foo", "INVALID_FIELD", "No such column 'Foo' on entity 'Lead'.");
		assertError("SELECT Account.Foo FROM Contact", "INVALID_FIELD", "No such column 'Foo' on entity 'Account'.");
		assertError("SELECT Owner.Name FROM Contact", "INVALID_FIELD",
				"Didn't understand relationship 'Owner' in field path.");
	}

	@Test
	void reportsSyntaxErrorsWithoutPrintingThem() {
		PrintStream originalErr = System.err;
		ByteArrayOutputStream captured = new ByteArrayOutputStream();
		System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
		try {
			assertError("SELECT Id FRM Lead", "MALFORMED_QUERY", "unexpected token: ");
			assertError("SELECT Id FROM Lead WHERE", "MALFORMED_QUERY", "unexpected token: 'WHERE'");
			assertError("SELECT Id FROM Lead WHERE LastName =", "MALFORMED_QUERY", "unexpected token: '<EOF>'");
			assertError("SELECT Id FROM Lead LIMIT 5 garbage", "MALFORMED_QUERY", "unexpected token: 'garbage'");
			assertError("SELECT Id FROM Lead WHERE LastName = 'unterminated", "MALFORMED_QUERY", "unexpected token");
			assertError("SELECT Id FROM Lead WHERE LastName = 'bad \\q escape'", "MALFORMED_QUERY", "unexpected token");
			assertError("SELECT Id FROM Lead WHERE LastName == 'x'", "MALFORMED_QUERY", "unexpected token");
		}
		finally {
			System.setErr(originalErr);
		}
		assertThat(captured.toString(StandardCharsets.UTF_8)).isEmpty();
	}

	@Test
	void refusesWhatTheEngineDoesNotSupport() {
		assertError("SELECT Id, (SELECT Id FROM Contacts) FROM Account", "MALFORMED_QUERY", "not supported");
		assertError("SELECT Industry, COUNT(Id) FROM Account GROUP BY Industry", "MALFORMED_QUERY", "not supported");
		assertError("SELECT Id FROM Contact WHERE Birthdate = TODAY", "MALFORMED_QUERY", "not supported");
		assertError("SELECT Id FROM Lead WHERE Photo = null", "MALFORMED_QUERY", "not supported");
		assertError("SELECT Id FROM Contact WHERE Newsletter_Opt_In__c > false", "INVALID_QUERY_FILTER_OPERATOR",
				"invalid operator > on field 'Newsletter_Opt_In__c'");
		assertError("SELECT Id FROM Contact WHERE Birthdate LIKE '2026%'", "INVALID_QUERY_FILTER_OPERATOR",
				"invalid operator LIKE on field 'Birthdate'");
	}

	private SoqlResult query(String soql) {
		return this.engine.execute(soql, this.org, false);
	}

	private List<String> lastNames(String soql) {
		SoqlResult result = query(soql + " ORDER BY Id");
		return result.matches().stream().map((record) -> (String) result.project(record).get("LastName")).toList();
	}

	private static List<String> ids(SoqlResult result) {
		return result.matches().stream().map((record) -> (String) record.get("Id")).toList();
	}

	private void assertError(String soql, String exceptionCode, String messageFragment) {
		assertThatExceptionOfType(SoqlException.class).isThrownBy(() -> query(soql))
			.satisfies((ex) -> assertThat(ex.exceptionCode()).isEqualTo(exceptionCode))
			.withMessageContaining(messageFragment);
	}

}
