/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.job;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The configuration check on an environment of its own (no application started): every
 * problem at once, one line each, and nothing for settings that can be used.
 */
class SettingsCheckTests {

	private static final Map<String, Object> LOGIN = Map.of("sync.salesforce.auth", "client-credentials",
			"sync.salesforce.login-url", "https://acme.my.salesforce.com", "sync.salesforce.client-id", "3MVG9",
			"sync.salesforce.client-secret", "secret", "sync.operator", "ops@acme.com");

	@Test
	void usableSettingsHaveNoProblem() {
		assertThat(check(EnumSet.allOf(SettingsCheck.Need.class), LOGIN)).isEmpty();
		assertThat(check(Set.of(), Map.of("sync.look-back", "15d", "sync.chunk-size", "1"))).isEmpty();
	}

	@Test
	void everyProblemIsListedAtOnceOneLineEach() {
		assertThat(check(EnumSet.allOf(SettingsCheck.Need.class),
				Map.of("sync.chunk-sise", "10", "sync.chunk-size", "5000", "sync.look-back", "-10m",
						"sync.salesforce.max-retries", "many", "sync.salesforce.read-timeout", "0s")))
			.containsExactly("sync.chunk-sise is not a setting of the sync; did you mean sync.chunk-size?",
					"sync.salesforce.max-retries cannot be read as a whole number: 'many'",
					"sync.chunk-size must be between 1 and 2000 (it is 5000): a chunk is at most one Salesforce "
							+ "query page",
					"sync.look-back must be more than 0 (it is -10m): an incremental run would start reading at or "
							+ "after the last run's watermark, and changes saved on either side while that run read "
							+ "would be lost",
					"sync.salesforce.read-timeout must be more than 0 (it is 0s)",
					"sync.operator is not set (the e-mail of the CRM Administrator on whose authority the job runs)",
					"sync.salesforce.login-url is not set",
					"sync.salesforce.client-id is not set (jwt-bearer needs it)",
					"sync.salesforce.username is not set (jwt-bearer needs it)",
					"sync.salesforce.private-key is not set (jwt-bearer signs with it)")
			.allSatisfy((problem) -> assertThat(problem).doesNotContain("\n"));
	}

	@Test
	void anEmbeddedBufferPoolTooSmallForTheServerIsRefused() {
		assertThat(check(Set.of(), Map.of("sync.embedded.buffer-pool-size", "2GB"))).isEmpty();
		assertThat(check(Set.of(), Map.of("sync.embedded.buffer-pool-size", "1MB")))
			.containsExactly("sync.embedded.buffer-pool-size must be at least 16MB (it is 1048576B)");
	}

	@Test
	void theSalesforceLoginIsCheckedOnlyForACommandThatLogsIn() {
		assertThat(check(Set.of(), Map.of())).isEmpty();
		assertThat(check(Set.of(SettingsCheck.Need.SALESFORCE_LOGIN), Map.of())).containsExactly(
				"sync.salesforce.login-url is not set", "sync.salesforce.client-id is not set (jwt-bearer needs it)",
				"sync.salesforce.username is not set (jwt-bearer needs it)",
				"sync.salesforce.private-key is not set (jwt-bearer signs with it)");
	}

	@Test
	void aValueOfTheWrongKindIsNamedWithWhatIsExpected() {
		assertThat(check(Set.of(SettingsCheck.Need.SALESFORCE_LOGIN),
				Map.of("sync.salesforce.auth", "password", "sync.look-back", "ten minutes", "sync.fail-on-errors",
						"perhaps")))
			.containsExactlyInAnyOrder(
					"sync.look-back cannot be read as a duration (such as 30s, 5m, 2h or 1d): 'ten minutes'",
					"sync.salesforce.auth cannot be read as one of jwt-bearer, client-credentials, soap-login: "
							+ "'password'",
					"sync.fail-on-errors cannot be read as true or false: 'perhaps'");
	}

	@Test
	void callsAtOnceStayWithinWhatAnOrgServes() {
		assertThat(check(Set.of(), Map.of("sync.salesforce.max-concurrent-calls", "26"))).containsExactly(
				"sync.salesforce.max-concurrent-calls must be between 1 and 25 (it is 26): the calls a run has in "
						+ "flight at once");
		assertThat(check(Set.of(), Map.of("sync.salesforce.max-concurrent-calls", "0"))).hasSize(1);
		assertThat(check(Set.of(), Map.of("sync.salesforce.max-concurrent-calls", "1"))).isEmpty();
	}

	@Test
	void aLookBackPastWhatQueryAllStillSeesCouldMissDeletes() {
		assertThat(SettingsRules.lookBack(Duration.ofDays(16))).startsWith("sync.look-back must be at most 15d (it is "
				+ "16d): Salesforce keeps deleted records for queryAll only that long");
		assertThat(SettingsRules.lookBack(Duration.ZERO)).startsWith("sync.look-back must be more than 0 (it is 0s)");
		assertThat(SettingsRules.lookBack(Duration.ofMillis(1))).isNull();
		assertThat(SettingsRules.lookBack(null)).isNull();
	}

	@Test
	void numbersOutOfRangeAreNamedWithTheirRange() {
		assertThat(check(Set.of(),
				Map.of("sync.chunk-size", "0", "sync.salesforce.api-budget-percent", "101",
						"sync.salesforce.max-retries", "-1", "sync.salesforce.retry-backoff", "-5ms")))
			.containsExactly(
					"sync.chunk-size must be between 1 and 2000 (it is 0): a chunk is at most one Salesforce "
							+ "query page",
					"sync.salesforce.api-budget-percent must be between 1 and 100 (it is 101): the share of the org's "
							+ "daily API limit one run may spend",
					"sync.salesforce.max-retries must be 0 or more (it is -1)",
					"sync.salesforce.retry-backoff must not be negative (it is -5ms)");
	}

	@Test
	void partitionsAreBetween1And64AndRunOnLocalThreads() {
		assertThat(check(Set.of(), Map.of("sync.partitions", "1", "sync.partitioning", "local"))).isEmpty();
		assertThat(check(Set.of(), Map.of("sync.partitions", "64", "sync.partitioning", "LOCAL"))).isEmpty();
		assertThat(check(Set.of(), Map.of("sync.partitions", "0"))).containsExactly(
				"sync.partitions must be between 1 and 64 (it is 0): the partitions each object step is split into, "
						+ "1 for one thread");
		assertThat(check(Set.of(), Map.of("sync.partitions", "65", "sync.partitioning", "threads"))).containsExactly(
				"sync.partitioning cannot be read as one of local, remote: 'threads'",
				"sync.partitions must be between 1 and 64 (it is 65): the partitions each object step is split "
						+ "into, 1 for one thread");
		assertThat(check(Set.of(), Map.of("sync.partitions", "four", "sync.partitoins", "4"))).containsExactly(
				"sync.partitoins is not a setting of the sync; did you mean sync.partitions?",
				"sync.partitions cannot be read as a whole number: 'four'");
		assertThat(check(Set.of(), Map.of("sync.partitioning", "remote"))).isEmpty();
	}

	@Test
	void remotePartitioningSettingsAreKnownAndRead() {
		assertThat(check(Set.of(), Map.of("sync.partitioning", "remote", "sync.remote.queue", "crm-nightly",
				"sync.remote.poll-interval", "2s", "sync.remote.start-timeout", "5m", "sync.remote.timeout", "6h")))
			.isEmpty();
		assertThat(check(Set.of(), Map.of("sync.remote.qeue", "crm-nightly", "sync.remote.timeout", "soon")))
			.containsExactly("sync.remote.qeue is not a setting of the sync; did you mean sync.remote.queue?",
					"sync.remote.timeout cannot be read as a duration (such as 30s, 5m, 2h or 1d): 'soon'");
	}

	@Test
	void durationsPrintAsAnOperatorWritesThem() {
		assertThat(SettingsRules.format(Duration.ofMinutes(-10))).isEqualTo("-10m");
		assertThat(SettingsRules.format(Duration.ofDays(15))).isEqualTo("15d");
		assertThat(SettingsRules.format(Duration.ofMillis(1500))).isEqualTo("1500ms");
		assertThat(SettingsRules.format(Duration.ofSeconds(90))).isEqualTo("90s");
	}

	private static List<String> check(Set<SettingsCheck.Need> needs, Map<String, Object> properties) {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources().addFirst(new MapPropertySource("test", properties));
		return new SettingsCheck(needs).problems(environment);
	}

}
