/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.emulator.seed;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import com.crmsync.emulator.org.EmulatorOrg;
import com.crmsync.emulator.org.StandardSchema;
import com.crmsync.emulator.org.WriteClock;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OrgSeederTests {

	private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T00:00:00Z"), ZoneOffset.UTC);

	private static EmulatorOrg seeded(long records, long seed) {
		EmulatorOrg org = new EmulatorOrg(StandardSchema.create(), new WriteClock(CLOCK));
		new OrgSeeder(org, seed).seed(records);
		return org;
	}

	@Test
	void spreadsAboutTheRequestedNumberOfRecordsOverTheObjects() {
		EmulatorOrg org = seeded(10_000, 1);
		long total = 0;
		for (String object : List.of("Account", "Contact", "Lead", "Opportunity", "OpportunityContactRole", "Campaign",
				"CampaignMember", "Task")) {
			long count = org.count(object, false);
			assertThat(count).as(object).isPositive();
			total += count;
		}
		assertThat(total).isBetween(9_900L, 10_100L);
		List<Map<String, Object>> personAccounts = org.records("Account")
			.stream()
			.filter((account) -> Boolean.TRUE.equals(account.get("IsPersonAccount")))
			.toList();
		assertThat(personAccounts).isNotEmpty();
		Map<String, Object> personContact = org.get((String) personAccounts.get(0).get("PersonContactId"));
		assertThat(personContact.get("IsPersonAccount")).isEqualTo(true);
		assertThat(personContact.get("AccountId")).isEqualTo(personAccounts.get(0).get("Id"));
		assertThat(org.records("Lead").stream().filter((lead) -> Boolean.TRUE.equals(lead.get("IsConverted"))))
			.isNotEmpty()
			.allSatisfy((lead) -> assertThat(org.get((String) lead.get("ConvertedContactId"))).isNotNull());
		assertThat(org.records("Contact")).allSatisfy((contact) -> {
			assertThat((Instant) contact.get("SystemModstamp")).isBefore(CLOCK.instant());
			assertThat(contact.get("Name")).isNotNull();
		});
	}

	@Test
	void seedingDoesNotRunTheStampsAheadOfTheClock() {
		EmulatorOrg org = seeded(5_000, 3);
		assertThat(org.clock().next()).isEqualTo(CLOCK.instant());
		for (String object : List.of("Account", "Contact", "Lead", "Task")) {
			assertThat(org.records(object))
				.allSatisfy((record) -> assertThat((Instant) record.get("SystemModstamp")).isBefore(CLOCK.instant()));
		}
	}

	@Test
	void sameSeedSameOrg() {
		EmulatorOrg first = seeded(2_000, 7);
		EmulatorOrg second = seeded(2_000, 7);
		assertThat(second.records("Contact")).isEqualTo(first.records("Contact"));
		assertThat(second.records("Task")).isEqualTo(first.records("Task"));
		assertThat(seeded(2_000, 8).records("Contact")).isNotEqualTo(first.records("Contact"));
	}

}
