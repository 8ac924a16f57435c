/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.emulator.org;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An undelete restores what the same delete took, even when two delete calls share a
 * millisecond: a child deleted by an earlier call stays in the recycle bin. The clock
 * here stands still, so every call shares one stamp (a fast org does the same now and
 * then).
 */
class UndeleteTests {

	private static final Clock STILL = Clock.fixed(Instant.parse("2026-12-04T10:00:00Z"), ZoneOffset.UTC);

	private final EmulatorOrg org = new EmulatorOrg(StandardSchema.create(), new WriteClock(STILL));

	@Test
	void aChildDeletedByAnEarlierCallInTheSameMillisecondStaysDeleted() {
		String account = create("Account", Map.of("Name", "Acme"));
		String takenWith = create("Contact", Map.of("LastName", "Doe", "AccountId", account));
		String deletedBefore = create("Contact", Map.of("LastName", "Poe", "AccountId", account));
		this.org.delete(List.of(deletedBefore));
		this.org.delete(List.of(account));

		assertThat(this.org.undelete(List.of(account)).get(0).errors()).isEmpty();

		assertThat(this.org.get(account).get("IsDeleted")).isEqualTo(false);
		assertThat(this.org.get(takenWith).get("IsDeleted")).isEqualTo(false);
		assertThat(this.org.get(deletedBefore).get("IsDeleted")).isEqualTo(true);
	}

	private String create(String type, Map<String, Object> fields) {
		SaveOutcome outcome = this.org.create(List.of(RecordInput.of(type, null, fields)), SaveOptions.DEFAULT).get(0);
		assertThat(outcome.errors()).isEmpty();
		return outcome.id();
	}

}
