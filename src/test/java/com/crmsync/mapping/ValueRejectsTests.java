/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.mapping;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Conversion yields per-field rejects (issue 16, items 8 and 12): a value that does not
 * read as its type, does not fit its CRM column or cannot reach Salesforce as written is
 * named with its field and value, never altered.
 */
class ValueRejectsTests {

	private static final FieldMapping OPT_IN = new FieldMapping("newsletter", "Newsletter_Opt_In__c", Direction.TWO_WAY,
			ValueType.BOOLEAN, false, 7L);

	private static final FieldMapping FOLLOW_UP = new FieldMapping("follow_up", "Follow_Up__c", Direction.TWO_WAY,
			ValueType.DATE, false, 8L);

	private static final FieldMapping TITLE = FieldMapping.column("title", "Title", Direction.TWO_WAY, ValueType.STRING,
			false);

	private static final FieldMapping AMOUNT = FieldMapping.column("amount", "Amount", Direction.PULL, ValueType.NUMBER,
			false);

	private static final FieldMapping EMAIL = FieldMapping.column("email", "Email", Direction.TWO_WAY, ValueType.EMAIL,
			false);

	@Test
	void everyUnreadableValueOfARecordIsNamedWithItsFieldAndValue() {
		assertThatExceptionOfType(RejectedValuesException.class)
			.isThrownBy(() -> RecordState.fromCrm(List.of(OPT_IN, FOLLOW_UP, TITLE),
					Map.of("newsletter", "maybe", "follow_up", "next week", "title", "CEO"), null))
			.satisfies((ex) -> assertThat(ex.rejects()).containsExactly(
					new ValueReject("Newsletter_Opt_In__c", "maybe", "in the CRM, not a boolean value"),
					new ValueReject("Follow_Up__c", "next week", "in the CRM, not a date value")));
	}

	@Test
	void aValueThatDoesNotFitItsCrmColumnIsRejectedNotRounded() {
		CrmColumnType amount = new CrmColumnType("crm_opportunity", "amount", "decimal", null, null, 18, 2, false);
		assertThat(amount.misfit(new BigDecimal("1E+20"))).contains("out of range", "DECIMAL(18,2)");
		assertThat(amount.misfit(new BigDecimal("10000000000000000"))).contains("out of range");
		assertThat(amount.misfit(new BigDecimal("9999999999999999.99"))).isNull();
		assertThat(amount.misfit(new BigDecimal("12.345"))).contains("decimal places");
		CrmColumnType title = new CrmColumnType("crm_lead", "title", "varchar", 3L, 12L, null, null, false);
		assertThat(title.misfit("CEO")).isNull();
		assertThat(title.misfit("🚀🚀🚀")).isNull();
		assertThat(title.misfit("CTO!")).contains("longer than crm_lead.title VARCHAR(3)");
		CrmColumnType score = new CrmColumnType("crm_lead", "lead_score", "int", null, null, 10, 0, false);
		assertThat(score.misfit(new BigDecimal("2147483648"))).contains("out of range");
		assertThat(score.misfit(new BigDecimal("1.5"))).contains("not a whole number");
		CrmColumnType day = new CrmColumnType("crm_campaign", "start_date", "date", null, null, null, null, false);
		assertThat(day.misfit(LocalDate.of(2026, 3, 29))).isNull();

		MergeDecision decision = new SmartOverride(List.of(AMOUNT))
			.forNewCrmRecord(RecordState.fromSalesforce(List.of(AMOUNT), Map.of("Amount", "1.0E20"), null));
		assertThat(decision.valueRejects(Map.of("amount", amount))).singleElement()
			.satisfies((reject) -> assertThat(reject.describe()).startsWith("Amount '100000000000000000000': "));
	}

	@Test
	void textSalesforceCannotStoreAsWrittenIsRejectedTabAndLineFeedAreKept() {
		for (String bad : List.of("a\u0000b", "a\u0007b", "a\r\nb", "a\uFFFEb", "a\uD800b")) {
			MergeDecision decision = new SmartOverride(List.of(TITLE))
				.forNewSalesforceRecord(RecordState.fromCrm(List.of(TITLE), Map.of("title", bad), null));
			assertThat(decision.valueRejects(Map.of())).as(bad).singleElement().satisfies((reject) -> {
				assertThat(reject.field()).isEqualTo("Title");
				assertThat(reject.describe()).contains("U+");
			});
		}
		MergeDecision kept = new SmartOverride(List.of(TITLE))
			.forNewSalesforceRecord(RecordState.fromCrm(List.of(TITLE), Map.of("title", "a\tb\nc 🚀"), null));
		assertThat(kept.valueRejects(Map.of())).isEmpty();
		assertThat(kept.salesforceValues()).containsEntry("Title", "a\tb\nc 🚀");
	}

	@Test
	void eMailAddressesKeepTheirCaseAndCompareIgnoringIt() {
		assertThat(CanonicalValues.canonical(" Anna.Crm@Example.COM ", ValueType.EMAIL))
			.isEqualTo("Anna.Crm@Example.COM");
		MergeDecision same = new SmartOverride(List.of(EMAIL)).merge(
				RecordState.fromCrm(List.of(EMAIL), Map.of("email", "Both@Example.com"), null),
				RecordState.fromSalesforce(List.of(EMAIL), Map.of("Email", "both@example.com"), null), null);
		assertThat(same.isNoOp()).isTrue();
		MergeDecision created = new SmartOverride(List.of(EMAIL))
			.forNewSalesforceRecord(RecordState.fromCrm(List.of(EMAIL), Map.of("email", "Anna.Crm@Example.COM"), null));
		assertThat(created.salesforceValues()).containsEntry("Email", "Anna.Crm@Example.COM");
	}

}
