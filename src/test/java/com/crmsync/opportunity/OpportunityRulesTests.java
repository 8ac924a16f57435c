/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.opportunity;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.crmsync.account.AccountLinkEnricher;
import com.crmsync.crm.CrmRow;
import com.crmsync.crm.ObjectType;
import com.crmsync.crm.SyncLink;
import com.crmsync.crm.SyncReference;
import com.crmsync.job.twoway.MergeCandidate;
import com.crmsync.job.twoway.SyncAction;
import com.crmsync.job.twoway.SyncAction.Kind;
import com.crmsync.job.twoway.TwoWayItemProcessor;
import com.crmsync.mapping.Direction;
import com.crmsync.mapping.FieldMapping;
import com.crmsync.mapping.ValueType;
import com.crmsync.salesforce.SalesforceRecord;
import org.junit.jupiter.api.Test;

import org.springframework.batch.test.MetaDataInstanceFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Opportunity rules: contact roles travel with the record into references, and the
 * derived {@code account_id} reaches the CRM row.
 */
class OpportunityRulesTests {

	private static final String OPPORTUNITY_ID = "006000000000001AAA";

	private final OpportunityRules rules = new OpportunityRules();

	@Test
	void eachContactRoleBecomesAnOpportunityContactReferenceNamedAfterTheOpportunity() {
		SalesforceRecord opportunity = OpportunityRules.withContactRoles(opportunity("Big deal"),
				List.of("003000000000001AAA", "003000000000002AAA"));

		assertThat(this.rules.references(opportunity, 42)).containsExactly(
				new SyncReference(ObjectType.of("OPPORTUNITY"), 42, SyncReference.Kind.OPPORTUNITY_CONTACT,
						"003000000000001AAA", "Big deal"),
				new SyncReference(ObjectType.of("OPPORTUNITY"), 42, SyncReference.Kind.OPPORTUNITY_CONTACT,
						"003000000000002AAA", "Big deal"));
	}

	@Test
	void anOpportunityWithoutRolesHasNoReferences() {
		assertThat(this.rules.references(opportunity("Lonely deal"), 42)).isEmpty();
		assertThat(this.rules.references(OpportunityRules.withContactRoles(opportunity("Lonely deal"), List.of()), 42))
			.isEmpty();
	}

	@Test
	void opportunitiesAreNeverMatched() {
		assertThat(this.rules.matchField()).isNull();
		assertThat(this.rules.matchKeyColumn()).isNull();
	}

	@Test
	void theAccountLookedUpReachesTheCrmOnCreateAndWhenItChanges() {
		List<FieldMapping> fields = List.of(
				FieldMapping.column("name", "Name", Direction.PULL, ValueType.STRING, false),
				FieldMapping.column("close_date", "CloseDate", Direction.PULL, ValueType.DATE, false));
		TwoWayItemProcessor processor = new TwoWayItemProcessor(this.rules, () -> fields);
		processor.beforeStep(MetaDataInstanceFactory.createStepExecution());
		Map<String, Object> account = Map.of(AccountLinkEnricher.ACCOUNT_ID, 5L);

		SyncAction create = processor.process(new MergeCandidate(opportunity("Deal"), null, null, false, account));
		SyncAction moved = processor.process(new MergeCandidate(opportunity("Deal"),
				new CrmRow(9,
						Map.of("name", "Deal", "close_date", LocalDate.of(2026, 12, 31), AccountLinkEnricher.ACCOUNT_ID,
								4L),
						Instant.EPOCH, null),
				new SyncLink(ObjectType.of("OPPORTUNITY"), 9, OPPORTUNITY_ID, Map.of(), 1L), false, account));

		assertThat(create.kind()).isEqualTo(Kind.CREATE_IN_CRM);
		assertThat(create.derivedCrmChanges()).containsEntry(AccountLinkEnricher.ACCOUNT_ID, 5L);
		assertThat(create.decision().crmColumnValues()).containsEntry("close_date", LocalDate.of(2026, 12, 31));
		assertThat(moved.kind()).isEqualTo(Kind.MERGE);
		assertThat(moved.derivedCrmChanges()).containsExactly(Map.entry(AccountLinkEnricher.ACCOUNT_ID, 5L));
		assertThat(moved.decision().isNoOp()).isTrue();
	}

	private static SalesforceRecord opportunity(String name) {
		return SalesforceRecord.of("Opportunity", OPPORTUNITY_ID, Map.of("Id", OPPORTUNITY_ID, "Name", name,
				"CloseDate", "2026-12-31", "IsDeleted", "false", "LastModifiedDate", "2026-01-01T00:00:00.000Z"));
	}

}
