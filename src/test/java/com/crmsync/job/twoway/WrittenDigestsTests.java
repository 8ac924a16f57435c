/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.job.twoway;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import com.crmsync.contact.ContactRules;
import com.crmsync.crm.CrmRow;
import com.crmsync.lead.LeadRules;
import com.crmsync.mapping.Direction;
import com.crmsync.mapping.FieldChange;
import com.crmsync.mapping.FieldMapping;
import com.crmsync.mapping.MergeDecision;
import com.crmsync.mapping.RecordState;
import com.crmsync.mapping.RejectedValuesException;
import com.crmsync.mapping.ValueType;
import com.crmsync.salesforce.SalesforceRecord;
import org.apache.commons.codec.digest.MurmurHash3;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The digests are the identity map's record of what the job left on each side: links
 * written by an earlier version must keep matching, so the digests are compared with the
 * form they were first taken in (sorted maps of record states, below) over random
 * records, rows and decisions: blanks, values that do not read as their type, a field
 * mapped twice, the rules' system fields.
 */
class WrittenDigestsTests {

	private static final List<FieldMapping> FIELDS = List.of(
			FieldMapping.column("email", "Email", Direction.TWO_WAY, ValueType.EMAIL, false),
			FieldMapping.column("last_name", "LastName", Direction.TWO_WAY, ValueType.STRING, false),
			FieldMapping.column("company", "Company", Direction.TWO_WAY, ValueType.STRING, true),
			FieldMapping.column("employees", "NumberOfEmployees", Direction.PULL, ValueType.NUMBER, false),
			FieldMapping.column("opted_out", "HasOptedOutOfEmail", Direction.TWO_WAY, ValueType.BOOLEAN, false),
			FieldMapping.column("met_on", "Met_On__c", Direction.PUSH, ValueType.DATE, false),
			FieldMapping.column("seen_at", "Seen_At__c", Direction.TWO_WAY, ValueType.DATETIME, false),
			// the same Salesforce field mapped twice: the last mapping's value counts
			FieldMapping.column("surname", "LastName", Direction.PULL, ValueType.STRING, false),
			new FieldMapping("cf_7", "Tier__c", Direction.TWO_WAY, ValueType.STRING, false, 7L));

	private static final Map<ValueType, List<String>> VALUES = Map.of(ValueType.EMAIL,
			List.of("a@example.com", "B@Example.com", " ", "", "not-an-address", "ü@exämple.de"), ValueType.STRING,
			List.of("Smith", "  ", "", "Ünïcode 😀", "a:b", "10:x"), ValueType.NUMBER,
			List.of("12", "12.50", "-3", "", "twelve"), ValueType.BOOLEAN, List.of("true", "false", "", "maybe"),
			ValueType.DATE, List.of("2026-01-02", "", "02/01/2026"), ValueType.DATETIME,
			List.of("2026-01-02T03:04:05.000Z", "2026-01-02T03:04:05Z", "", "yesterday"));

	private final Random random = new Random(20261204);

	@Test
	void digestsAreThoseOfTheSortedRecordStates() {
		for (TwoWayRules rules : List.of(new LeadRules(), new ContactRules())) {
			WrittenDigests digests = new WrittenDigests(rules, FIELDS);
			Oracle oracle = new Oracle(rules, FIELDS);
			int taken = 0;
			for (int i = 0; i < 3000; i++) {
				SalesforceRecord record = randomRecord(rules);
				CrmRow row = randomRow(rules);
				MergeDecision decision = randomDecision(rules);
				Map<String, Object> derived = randomDerived(rules);
				String[] expected = { oracle.ofSalesforce(record), oracle.ofSalesforceAfter(record, decision),
						oracle.ofCrm(row), oracle.ofCrmAfter(row, decision, derived),
						oracle.ofCrmAfter(null, decision, derived) };
				String[] actual = { digests.ofSalesforce(record), digests.ofSalesforceAfter(record, decision),
						digests.ofCrm(row), digests.ofCrmAfter(row, decision, derived),
						digests.ofCrmAfter(null, decision, derived) };
				assertThat(actual).as("record %s, row %s, decision %s", record, row, decision)
					.containsExactly(expected);
				for (String digest : expected) {
					taken += (digest != null) ? 1 : 0;
				}
			}
			// both kinds of outcome are met: digests, and values that do not read
			assertThat(taken).isBetween(1000, 14000);
		}
	}

	@Test
	void aChangedValueChangesTheDigest() {
		WrittenDigests digests = new WrittenDigests(new LeadRules(), FIELDS);
		SalesforceRecord record = SalesforceRecord.of("Lead", "00Q1",
				Map.of("Email", "a@example.com", "LastName", "Smith", "IsDeleted", "false"));
		SalesforceRecord edited = SalesforceRecord.of("Lead", "00Q1",
				Map.of("Email", "a@example.com", "LastName", "Smyth", "IsDeleted", "false"));
		assertThat(digests.ofSalesforce(record)).isNotNull().isNotEqualTo(digests.ofSalesforce(edited));
		MergeDecision toSmyth = decision(List.of(), List.of(new FieldChange(FIELDS.get(1), "Smith", "Smyth"),
				new FieldChange(FIELDS.get(7), "Smith", "Smyth")));
		assertThat(digests.ofSalesforceAfter(record, toSmyth)).isEqualTo(digests.ofSalesforce(edited));
	}

	private SalesforceRecord randomRecord(TwoWayRules rules) {
		Map<String, String> fields = new LinkedHashMap<>();
		for (FieldMapping field : FIELDS) {
			maybe(() -> fields.put(field.salesforceField(), value(field.type())));
		}
		List<String> system = new ArrayList<>(List.of("IsDeleted", "MasterRecordId"));
		system.addAll(rules.extraSalesforceFields());
		system.forEach((name) -> maybe(() -> fields.put(name, pick(List.of("true", "false", "", "001A")))));
		return SalesforceRecord.of("Lead", "00Q" + this.random.nextInt(1000), fields);
	}

	private CrmRow randomRow(TwoWayRules rules) {
		Map<String, Object> values = new LinkedHashMap<>();
		for (FieldMapping field : FIELDS) {
			maybe(() -> values.put(field.crmColumn(), value(field.type())));
		}
		rules.extraCrmColumns().forEach((column) -> maybe(() -> values.put(column, this.random.nextInt(5))));
		return new CrmRow(this.random.nextInt(1000), values, Instant.EPOCH,
				this.random.nextBoolean() ? null : Instant.EPOCH);
	}

	private MergeDecision randomDecision(TwoWayRules rules) {
		List<FieldMapping> all = new ArrayList<>(FIELDS);
		all.addAll(rules.derivedFields());
		return decision(randomChanges(all), randomChanges(all));
	}

	private List<FieldChange> randomChanges(List<FieldMapping> fields) {
		List<FieldChange> changes = new ArrayList<>();
		for (FieldMapping field : fields) {
			if (this.random.nextInt(3) == 0) {
				changes.add(new FieldChange(field, null, this.random.nextBoolean() ? null : value(field.type())));
			}
		}
		return changes;
	}

	private Map<String, Object> randomDerived(TwoWayRules rules) {
		Map<String, Object> derived = new LinkedHashMap<>();
		rules.extraCrmColumns().forEach((column) -> maybe(() -> derived.put(column, this.random.nextInt(5))));
		maybe(() -> derived.put("other_column", "x"));
		return derived;
	}

	private String value(ValueType type) {
		return pick(VALUES.getOrDefault(type, VALUES.get(ValueType.STRING)));
	}

	private String pick(List<String> values) {
		return values.get(this.random.nextInt(values.size()));
	}

	private void maybe(Runnable action) {
		if (this.random.nextInt(4) != 0) {
			action.run();
		}
	}

	private static MergeDecision decision(List<FieldChange> crm, List<FieldChange> salesforce) {
		return new MergeDecision(crm, salesforce, Map.of(), false, List.of());
	}

	/** The digests as first taken: sorted maps of record states, then MurmurHash3. */
	private static final class Oracle {

		private final TwoWayRules rules;

		private final List<FieldMapping> fields;

		private final List<String> salesforceSystemFields;

		Oracle(TwoWayRules rules, List<FieldMapping> fields) {
			this.rules = rules;
			List<FieldMapping> read = new ArrayList<>(fields);
			read.addAll(rules.derivedFields());
			this.fields = read;
			this.salesforceSystemFields = new ArrayList<>(List.of("IsDeleted"));
			if (rules.isMergeable()) {
				this.salesforceSystemFields.add("MasterRecordId");
			}
			this.salesforceSystemFields.addAll(rules.extraSalesforceFields());
		}

		String ofSalesforce(SalesforceRecord record) {
			Map<String, String> values = salesforceValues(record);
			return (values != null) ? digest(values) : null;
		}

		String ofSalesforceAfter(SalesforceRecord record, MergeDecision decision) {
			Map<String, String> values = salesforceValues(record);
			if (values == null) {
				return null;
			}
			decision.salesforceChanges().forEach((change) -> apply(values, change));
			return digest(values);
		}

		String ofCrm(CrmRow row) {
			Map<String, String> values = crmValues(row);
			return (values != null) ? digest(values) : null;
		}

		String ofCrmAfter(CrmRow row, MergeDecision decision, Map<String, Object> derivedColumns) {
			Map<String, String> values;
			if (row != null) {
				values = crmValues(row);
			}
			else {
				values = new TreeMap<>();
				for (String column : this.rules.extraCrmColumns()) {
					values.put("#" + column, null);
				}
			}
			if (values == null) {
				return null;
			}
			decision.crmChanges().forEach((change) -> apply(values, change));
			derivedColumns.forEach((column, value) -> {
				if (this.rules.extraCrmColumns().contains(column)) {
					values.put("#" + column, (value != null) ? value.toString() : null);
				}
			});
			values.put("#deleted", null);
			return digest(values);
		}

		private Map<String, String> salesforceValues(SalesforceRecord record) {
			Map<String, String> values;
			try {
				values = new TreeMap<>(
						RecordState.fromSalesforce(this.fields, this.rules.normalized(record).fields(), null).values());
			}
			catch (RejectedValuesException ex) {
				return null;
			}
			this.salesforceSystemFields.forEach((name) -> values.put("#" + name, record.get(name)));
			return values;
		}

		private Map<String, String> crmValues(CrmRow row) {
			Map<String, String> values;
			try {
				values = new TreeMap<>(RecordState.fromCrm(this.fields, row.values(), null).values());
			}
			catch (RejectedValuesException ex) {
				return null;
			}
			this.rules.extraCrmColumns().forEach((column) -> {
				Object value = row.get(column);
				values.put("#" + column, (value != null) ? value.toString() : null);
			});
			values.put("#deleted", row.isDeleted() ? "true" : null);
			return values;
		}

		private static void apply(Map<String, String> values, FieldChange change) {
			String value = change.newValue();
			if (value == null || value.isBlank()) {
				values.remove(change.field().salesforceField());
			}
			else {
				values.put(change.field().salesforceField(), value);
			}
		}

		private static String digest(Map<String, String> values) {
			StringBuilder input = new StringBuilder();
			values.forEach((key, value) -> {
				input.append(key.length()).append(':').append(key);
				if (value == null) {
					input.append('-');
				}
				else {
					input.append(value.length()).append(':').append(value);
				}
			});
			long[] hash = MurmurHash3.hash128x64(input.toString().getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().toHexDigits(hash[0]) + HexFormat.of().toHexDigits(hash[1]);
		}

	}

}
