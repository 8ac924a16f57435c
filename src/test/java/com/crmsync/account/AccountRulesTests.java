/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.account;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.crmsync.crm.CrmRow;
import com.crmsync.crm.ObjectType;
import com.crmsync.crm.SyncLink;
import com.crmsync.job.twoway.MergeCandidate;
import com.crmsync.job.twoway.SyncAction;
import com.crmsync.job.twoway.SyncAction.Kind;
import com.crmsync.job.twoway.TwoWayItemProcessor;
import com.crmsync.mapping.Direction;
import com.crmsync.mapping.FieldMapping;
import com.crmsync.mapping.ValueType;
import com.crmsync.salesforce.SalesforceRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.batch.test.MetaDataInstanceFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The decisions the shared processor takes for accounts: pulled, never pushed or created
 * in Salesforce, person accounts skipped.
 */
class AccountRulesTests {

	private static final Instant EARLIER = Instant.parse("2026-01-01T00:00:00Z");

	private static final Instant LATER = Instant.parse("2026-06-01T00:00:00Z");

	private TwoWayItemProcessor processor;

	@BeforeEach
	void processor() {
		// two-way on purpose: a pulled object must not push even if a mapping said so
		List<FieldMapping> fields = List.of(
				FieldMapping.column("name", "Name", Direction.PULL, ValueType.STRING, false),
				FieldMapping.column("phone", "Phone", Direction.TWO_WAY, ValueType.STRING, false));
		this.processor = new TwoWayItemProcessor(new AccountRules(), () -> fields);
		this.processor.beforeStep(MetaDataInstanceFactory.createStepExecution());
	}

	@Test
	void personAccountIsSkippedWithItsReason() {
		SalesforceRecord person = account("001000000000001AAA", "Penny Person", "1", EARLIER);
		Map<String, String> fields = new LinkedHashMap<>(person.fields());
		fields.put("IsPersonAccount", "true");

		SyncAction action = this.processor
			.process(new MergeCandidate(SalesforceRecord.of("Account", person.id(), fields), null, null, false, null));

		assertThat(action.kind()).isEqualTo(Kind.SKIP);
		assertThat(action.reason()).isEqualTo(AccountRules.PERSON_ACCOUNT);
	}

	@Test
	void unlinkedSalesforceAccountIsCreatedInTheCrm() {
		SyncAction action = this.processor.process(
				new MergeCandidate(account("001000000000002AAA", "Acme", "555", EARLIER), null, null, false, null));

		assertThat(action.kind()).isEqualTo(Kind.CREATE_IN_CRM);
		assertThat(action.decision().crmColumnValues()).containsEntry("name", "Acme").containsEntry("phone", "555");
		assertThat(action.decision().salesforceChanges()).isEmpty();
	}

	@Test
	void crmAccountWithoutSalesforceRecordIsNeverCreatedThere() {
		SyncAction action = this.processor
			.process(new MergeCandidate(null, crm(7, "Crm Only", "1", LATER), null, false, null));

		assertThat(action.kind()).isEqualTo(Kind.SKIP);
		assertThat(action.changesRecords()).isFalse();
	}

	@Test
	void newerCrmEditIsOverwrittenAndNothingIsPushed() {
		SyncLink link = new SyncLink(ObjectType.of("ACCOUNT"), 7, "001000000000003AAA",
				Map.of("Name", "Globex", "Phone", "555"), 1L);

		SyncAction action = this.processor
			.process(new MergeCandidate(account("001000000000003AAA", "Globex", "555", EARLIER),
					crm(7, "Globex Crm", "999", LATER), link, false, null));

		assertThat(action.kind()).isEqualTo(Kind.MERGE);
		assertThat(action.decision().salesforceChanges()).isEmpty();
		assertThat(action.decision().crmColumnValues()).containsEntry("name", "Globex").containsEntry("phone", "555");
	}

	private static SalesforceRecord account(String id, String name, String phone, Instant modified) {
		return SalesforceRecord.of("Account", id, Map.of("Id", id, "Name", name, "Phone", phone, "IsDeleted", "false",
				"IsPersonAccount", "false", "LastModifiedDate", modified.toString()));
	}

	private static CrmRow crm(long id, String name, String phone, Instant updated) {
		return new CrmRow(id, Map.of("name", name, "phone", phone), updated, null);
	}

}
