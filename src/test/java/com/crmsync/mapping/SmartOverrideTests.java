/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.mapping;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/**
 * The merge rules of DESIGN.md §1, one test per rule, and the convergence guarantee as a
 * property over random inputs.
 */
class SmartOverrideTests {

	private static final Instant EARLIER = Instant.parse("2026-01-31T10:00:00Z");

	private static final Instant LATER = Instant.parse("2026-01-31T11:00:00Z");

	private static final FieldMapping FIRST_NAME = twoWay("first_name", "FirstName", false);

	private static final FieldMapping PHONE = twoWay("phone", "Phone", false);

	private static final FieldMapping TITLE = twoWay("title", "Title", true);

	private static final FieldMapping NAME_PULLED = FieldMapping.column("name", "Name", Direction.PULL,
			ValueType.STRING, false);

	private static final FieldMapping SCORE_PUSHED = FieldMapping.column("lead_score", "CRM_Lead_Score__c",
			Direction.PUSH, ValueType.NUMBER, false);

	private final SmartOverride merger = new SmartOverride(List.of(FIRST_NAME, PHONE, TITLE));

	@Test
	void nonConflictingEditsOnTwoFieldsBothSurvive() {
		// given: the CRM changed the first name, Salesforce the phone, since the last
		// sync
		Map<String, String> base = Map.of("FirstName", "Ann", "Phone", "111");
		RecordState crm = state(LATER, "FirstName", "Anna", "Phone", "111");
		RecordState salesforce = state(EARLIER, "FirstName", "Ann", "Phone", "222");

		// when
		MergeDecision decision = this.merger.merge(crm, salesforce, base);

		// then: each side receives the other's edit, whatever the timestamps
		assertThat(decision.salesforceValues()).containsExactly(entry("FirstName", "Anna"));
		assertThat(decision.crmColumnValues()).containsExactly(entry("phone", "222"));
		assertThat(decision.conflicts()).isEmpty();
		assertThat(decision.newBase()).containsEntry("FirstName", "Anna").containsEntry("Phone", "222");
	}

	@Test
	void trueConflictNewerWinsAndIsRecorded() {
		Map<String, String> base = Map.of("FirstName", "Ann");
		RecordState crm = state(LATER, "FirstName", "Anna");
		RecordState salesforce = state(EARLIER, "FirstName", "Annie");

		MergeDecision decision = this.merger.merge(crm, salesforce, base);

		assertThat(decision.salesforceValues()).containsExactly(entry("FirstName", "Anna"));
		assertThat(decision.crmChanges()).isEmpty();
		assertThat(decision.conflicts()).containsExactly(new FieldConflict("FirstName", "Anna", "Annie", Side.CRM));
		assertThat(decision.newBase()).containsEntry("FirstName", "Anna");
	}

	@Test
	void trueConflictNewerSalesforceWins() {
		Map<String, String> base = Map.of("FirstName", "Ann");
		RecordState crm = state(EARLIER, "FirstName", "Anna");
		RecordState salesforce = state(LATER, "FirstName", "Annie");

		MergeDecision decision = this.merger.merge(crm, salesforce, base);

		assertThat(decision.crmColumnValues()).containsExactly(entry("first_name", "Annie"));
		assertThat(decision.conflicts())
			.containsExactly(new FieldConflict("FirstName", "Anna", "Annie", Side.SALESFORCE));
	}

	@Test
	void tieGoesToSalesforce() {
		Map<String, String> base = Map.of("FirstName", "Ann");
		RecordState crm = state(EARLIER, "FirstName", "Anna");
		RecordState salesforce = state(EARLIER, "FirstName", "Annie");

		MergeDecision decision = this.merger.merge(crm, salesforce, base);

		assertThat(decision.crmColumnValues()).containsExactly(entry("first_name", "Annie"));
		assertThat(decision.salesforceChanges()).isEmpty();
		assertThat(decision.conflicts()).singleElement().extracting(FieldConflict::winner).isEqualTo(Side.SALESFORCE);
	}

	@Test
	void blankNeverOverwrites() {
		// the CRM cleared the phone (newer, and the only side that changed), yet
		// Salesforce's number is kept and copied back to the CRM
		Map<String, String> base = Map.of("Phone", "111");
		RecordState crm = state(LATER);
		RecordState salesforce = state(EARLIER, "Phone", "111");

		MergeDecision decision = this.merger.merge(crm, salesforce, base);

		assertThat(decision.crmColumnValues()).containsExactly(entry("phone", "111"));
		assertThat(decision.fieldsToNull()).isEmpty();
		assertThat(decision.newBase()).containsEntry("Phone", "111");
	}

	@Test
	void blankNeverOverwritesWithoutBase() {
		RecordState crm = state(EARLIER, "Phone", "111");
		RecordState salesforce = state(LATER);

		MergeDecision decision = this.merger.merge(crm, salesforce, null);

		assertThat(decision.salesforceValues()).containsExactly(entry("Phone", "111"));
		assertThat(decision.crmChanges()).isEmpty();
	}

	@Test
	void blankOverwritesWhenConfigured() {
		// Title says blank-overwrites: the CRM's clearing reaches Salesforce as
		// fieldsToNull
		Map<String, String> base = Map.of("Title", "CTO");
		RecordState crm = state(LATER);
		RecordState salesforce = state(EARLIER, "Title", "CTO");

		MergeDecision decision = this.merger.merge(crm, salesforce, base);

		assertThat(decision.fieldsToNull()).containsExactly("Title");
		assertThat(decision.salesforceValues()).isEmpty();
		assertThat(decision.newBase()).containsEntry("Title", null);
	}

	@Test
	void blankOverwritesWhenConfiguredOnPull() {
		FieldMapping website = FieldMapping.column("website", "Website", Direction.PULL, ValueType.STRING, true);
		RecordState crm = state(LATER, "Website", "https://example.com");
		RecordState salesforce = state(EARLIER);

		MergeDecision decision = new SmartOverride(List.of(website)).merge(crm, salesforce, null);

		assertThat(decision.crmColumnValues()).containsExactly(entry("website", null));
	}

	@Test
	void pullIgnoresCrmEdits() {
		SmartOverride pull = new SmartOverride(List.of(NAME_PULLED));
		RecordState crm = state(LATER, "Name", "Acme (edited in CRM)");
		RecordState salesforce = state(EARLIER, "Name", "Acme");

		MergeDecision decision = pull.merge(crm, salesforce, Map.of());

		assertThat(decision.crmColumnValues()).containsExactly(entry("name", "Acme"));
		assertThat(decision.salesforceChanges()).isEmpty();
		assertThat(decision.conflicts()).isEmpty();
		assertThat(decision.newBase()).isEmpty();
	}

	@Test
	void pullNeverBlanksTheCrm() {
		SmartOverride pull = new SmartOverride(List.of(NAME_PULLED));

		MergeDecision decision = pull.merge(state(EARLIER, "Name", "Acme"), state(LATER), null);

		assertThat(decision.isNoOp()).isTrue();
	}

	@Test
	void pushIgnoresSalesforceEdits() {
		SmartOverride push = new SmartOverride(List.of(SCORE_PUSHED));
		RecordState crm = state(EARLIER, "CRM_Lead_Score__c", "42");
		RecordState salesforce = state(LATER, "CRM_Lead_Score__c", "99");

		MergeDecision decision = push.merge(crm, salesforce, null);

		assertThat(decision.salesforceValues()).containsExactly(entry("CRM_Lead_Score__c", "42"));
		assertThat(decision.crmChanges()).isEmpty();
	}

	@Test
	void pushNeverBlanksSalesforce() {
		SmartOverride push = new SmartOverride(List.of(SCORE_PUSHED));

		MergeDecision decision = push.merge(state(LATER), state(EARLIER, "CRM_Lead_Score__c", "99"), null);

		assertThat(decision.isNoOp()).isTrue();
		assertThat(decision.fieldsToNull()).isEmpty();
	}

	@Test
	void noBaseNewestWinsUnrecorded() {
		RecordState crm = state(LATER, "FirstName", "Anna");
		RecordState salesforce = state(EARLIER, "FirstName", "Annie");

		MergeDecision decision = this.merger.merge(crm, salesforce, null);

		assertThat(decision.salesforceValues()).containsExactly(entry("FirstName", "Anna"));
		assertThat(decision.conflicts()).isEmpty();
		assertThat(decision.baseChanged()).isTrue();
	}

	@Test
	void noBaseTieGoesToSalesforce() {
		MergeDecision decision = this.merger.merge(state(LATER, "FirstName", "Anna"),
				state(LATER, "FirstName", "Annie"), null);

		assertThat(decision.crmColumnValues()).containsExactly(entry("first_name", "Annie"));
		assertThat(decision.conflicts()).isEmpty();
	}

	@Test
	void fieldMissingFromBaseIsMergedAsFirstMatch() {
		// a field added to the mapping since the last sync has no base yet: newest wins,
		// and its disagreement is not reported as a conflict
		Map<String, String> base = Map.of("FirstName", "Ann");
		MergeDecision decision = this.merger.merge(state(EARLIER, "FirstName", "Ann", "Phone", "111"),
				state(LATER, "FirstName", "Ann", "Phone", "222"), base);

		assertThat(decision.crmColumnValues()).containsExactly(entry("phone", "222"));
		assertThat(decision.conflicts()).isEmpty();
	}

	@Test
	void blankBaseValueMeansAgreedBlank() {
		// both sides held no phone at the last sync ("" stored as blank); the CRM adds
		// one
		Map<String, String> base = new HashMap<>();
		base.put("Phone", "");
		MergeDecision decision = this.merger.merge(state(EARLIER, "Phone", "111"), state(LATER), base);

		assertThat(decision.salesforceValues()).containsExactly(entry("Phone", "111"));
		assertThat(decision.conflicts()).isEmpty();
	}

	@Test
	void equalValuesAreNoOpButEstablishTheBase() {
		MergeDecision decision = this.merger.merge(state(LATER, "FirstName", "Ann"), state(EARLIER, "FirstName", "Ann"),
				null);

		assertThat(decision.isNoOp()).isTrue();
		assertThat(decision.baseChanged()).isTrue();
		assertThat(decision.newBase()).containsOnlyKeys("FirstName", "Phone", "Title")
			.containsEntry("FirstName", "Ann")
			.containsEntry("Phone", null);
	}

	@Test
	void noneFieldsAreIgnored() {
		FieldMapping region = FieldMapping.column("region", "Region__c", Direction.NONE, ValueType.STRING, true);
		MergeDecision decision = new SmartOverride(List.of(region)).merge(state(LATER, "Region__c", "EU"),
				state(EARLIER, "Region__c", "US"), null);

		assertThat(decision.isNoOp()).isTrue();
		assertThat(decision.newBase()).isEmpty();
	}

	@Test
	void customFieldChangesAreSeparatedFromColumns() {
		FieldMapping region = new FieldMapping("region", "Region__c", Direction.TWO_WAY, ValueType.STRING, false, 7L);
		MergeDecision decision = new SmartOverride(List.of(FIRST_NAME, region)).merge(state(EARLIER),
				state(LATER, "FirstName", "Ann", "Region__c", "EU"), null);

		assertThat(decision.crmColumnValues()).containsExactly(entry("first_name", "Ann"));
		assertThat(decision.crmCustomFieldValues()).containsExactly(entry(7L, "EU"));
	}

	@Test
	void newCrmRecordTakesPulledAndTwoWayValues() {
		SmartOverride lead = new SmartOverride(List.of(FIRST_NAME, PHONE, NAME_PULLED, SCORE_PUSHED));
		RecordState salesforce = state(LATER, "FirstName", "Ann", "Name", "Acme", "CRM_Lead_Score__c", "5");

		MergeDecision decision = lead.forNewCrmRecord(salesforce);

		assertThat(decision.crmColumnValues()).containsExactly(entry("first_name", "Ann"), entry("name", "Acme"));
		assertThat(decision.salesforceChanges()).isEmpty();
		assertThat(decision.newBase()).containsOnlyKeys("FirstName", "Phone")
			.containsEntry("FirstName", "Ann")
			.containsEntry("Phone", null);
	}

	@Test
	void newSalesforceRecordTakesPushedAndTwoWayValues() {
		SmartOverride lead = new SmartOverride(List.of(FIRST_NAME, PHONE, NAME_PULLED, SCORE_PUSHED));
		RecordState crm = state(LATER, "FirstName", "Ann", "Name", "Acme", "CRM_Lead_Score__c", "5");

		MergeDecision decision = lead.forNewSalesforceRecord(crm);

		assertThat(decision.salesforceValues()).containsExactly(entry("FirstName", "Ann"),
				entry("CRM_Lead_Score__c", "5"));
		assertThat(decision.fieldsToNull()).isEmpty();
		assertThat(decision.crmChanges()).isEmpty();
		assertThat(decision.newBase()).containsEntry("FirstName", "Ann").containsEntry("Phone", null);
	}

	@Test
	void newRecordThenMergeIsNoOp() {
		RecordState salesforce = state(LATER, "FirstName", "Ann", "Title", "CTO");
		MergeDecision created = this.merger.forNewCrmRecord(salesforce);

		RecordState crm = apply(state(LATER), created.crmChanges(), LATER);

		assertThat(this.merger.merge(crm, salesforce, created.newBase()).isNoOp()).isTrue();
	}

	@Test
	void secondMergeIsNoOp() {
		// property: over many random records, base and timestamps (fixed seed), applying
		// a decision to both sides and merging again with its new base changes nothing
		Random random = new Random(20260131L);
		String[] pool = { null, "", "a", "b", "c", "12.5", "😀 ünïcode 𝄞" };
		Instant[] times = { null, EARLIER, LATER };
		for (int run = 0; run < 5_000; run++) {
			List<FieldMapping> fields = new ArrayList<>();
			int fieldCount = 1 + random.nextInt(5);
			for (int i = 0; i < fieldCount; i++) {
				Direction direction = Direction.values()[random.nextInt(Direction.values().length)];
				fields.add(FieldMapping.column("c" + i, "F" + i, direction, ValueType.STRING, random.nextBoolean()));
			}
			Map<String, String> crmValues = new HashMap<>();
			Map<String, String> salesforceValues = new HashMap<>();
			Map<String, String> base = random.nextInt(4) == 0 ? null : new HashMap<>();
			for (FieldMapping field : fields) {
				crmValues.put(field.salesforceField(), pool[random.nextInt(pool.length)]);
				salesforceValues.put(field.salesforceField(), pool[random.nextInt(pool.length)]);
				if (base != null && random.nextInt(5) != 0) {
					base.put(field.salesforceField(),
							CanonicalValues.canonical(pool[random.nextInt(pool.length)], ValueType.STRING));
				}
			}
			SmartOverride randomMerger = new SmartOverride(fields);
			RecordState crm = new RecordState(crmValues, times[random.nextInt(times.length)]);
			RecordState salesforce = new RecordState(salesforceValues, times[random.nextInt(times.length)]);

			MergeDecision first = randomMerger.merge(crm, salesforce, base);
			RecordState crmAfter = apply(crm, first.crmChanges(), times[random.nextInt(times.length)]);
			RecordState salesforceAfter = apply(salesforce, first.salesforceChanges(),
					times[random.nextInt(times.length)]);
			MergeDecision second = randomMerger.merge(crmAfter, salesforceAfter, first.newBase());

			String scenario = "run " + run + ": " + fields + " crm=" + crmValues + " sf=" + salesforceValues + " base="
					+ base;
			assertThat(second.isNoOp()).as(scenario).isTrue();
			assertThat(second.conflicts()).as(scenario).isEmpty();
			assertThat(second.baseChanged()).as(scenario).isFalse();
			for (FieldChange change : concat(first.crmChanges(), first.salesforceChanges())) {
				if (change.newValue() == null) {
					assertThat(change.field().blankOverwrites()).as("blank wrote over a value: " + scenario).isTrue();
				}
			}
		}
	}

	private static FieldMapping twoWay(String column, String field, boolean blankOverwrites) {
		return FieldMapping.column(column, field, Direction.TWO_WAY, ValueType.STRING, blankOverwrites);
	}

	private static RecordState state(Instant lastModified, String... fieldsAndValues) {
		Map<String, String> values = new HashMap<>();
		for (int i = 0; i < fieldsAndValues.length; i += 2) {
			values.put(fieldsAndValues[i], fieldsAndValues[i + 1]);
		}
		return new RecordState(values, lastModified);
	}

	/** What a side holds after a writer applied the changes. */
	private static RecordState apply(RecordState state, List<FieldChange> changes, Instant lastModified) {
		Map<String, String> values = new HashMap<>(state.values());
		for (FieldChange change : changes) {
			values.put(change.field().salesforceField(), change.newValue());
		}
		return new RecordState(values, changes.isEmpty() ? state.lastModified() : lastModified);
	}

	private static List<FieldChange> concat(List<FieldChange> first, List<FieldChange> second) {
		List<FieldChange> all = new ArrayList<>(first);
		all.addAll(second);
		return all;
	}

}
