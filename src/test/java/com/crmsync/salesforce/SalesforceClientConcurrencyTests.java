/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.salesforce;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

import com.crmsync.emulator.EmulatorSettings;
import com.crmsync.emulator.SalesforceEmulator;
import com.crmsync.testsupport.MutableClock;
import com.crmsync.testsupport.TestOrgLogin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Issue 13 item 3: the saves of one list go out side by side, up to
 * {@code sync.salesforce.max-concurrent-calls} calls at once, against an org that takes
 * its time over each (the emulator's cost model counts the requests it serves at once);
 * the outcomes keep the records' order and every call is counted. A query's next page is
 * asked for while the caller reads the current one.
 */
class SalesforceClientConcurrencyTests {

	private SalesforceEmulator emulator;

	@BeforeEach
	void start() {
		// each request takes a round trip of 30 ms and 1 ms per record saved: calls
		// made side by side overlap for sure
		this.emulator = SalesforceEmulator.start(TestOrgLogin.withCertificate(
				EmulatorSettings.builder().latencyMs(30).dmlMsPerRecord(0.25).maxConcurrentRequests(25).build()));
	}

	@AfterEach
	void stop() {
		this.emulator.close();
	}

	@Test
	void savesGoOutSideBySideUpToTheLimitInTheRecordsOrder() {
		ApiCallCounter counter = new ApiCallCounter();
		try (SalesforceClient client = client(counter, 4)) {
			List<SalesforceRecord> leads = leads(1_000);
			List<RecordSaveResult> created = client.create(leads);

			assertThat(created).hasSize(1_000).allMatch(RecordSaveResult::success);
			assertThat(counter.of("create")).isEqualTo(5);
			assertThat(this.emulator.costs().peakConcurrentRequests()).isBetween(2, 4);
			// each outcome is its record's: read back by the ids returned, in order
			assertThat(lastNames(client, created))
				.containsExactlyElementsOf(leads.stream().map((lead) -> lead.fields().get("LastName")).toList());

			List<SalesforceRecord> updates = created.stream()
				.map((outcome) -> new SalesforceRecord("Lead", outcome.id(), Map.of("Title", "Buyer"), Set.of()))
				.toList();
			assertThat(client.update(updates)).hasSize(1_000).allMatch(RecordSaveResult::success);
			assertThat(counter.of("update")).isEqualTo(5);
		}
	}

	@Test
	void oneCallAtATimeWhenSoSet() {
		ApiCallCounter counter = new ApiCallCounter();
		try (SalesforceClient client = client(counter, 1)) {
			assertThat(client.create(leads(600))).hasSize(600).allMatch(RecordSaveResult::success);
			assertThat(counter.of("create")).isEqualTo(3);
			assertThat(this.emulator.costs().peakConcurrentRequests()).isEqualTo(1);
		}
	}

	@Test
	void aRejectedRecordInOneCallLeavesTheOthersSaved() {
		ApiCallCounter counter = new ApiCallCounter();
		try (SalesforceClient client = client(counter, 4)) {
			List<SalesforceRecord> leads = new ArrayList<>(leads(600));
			// no last name: Salesforce rejects this one record of the third call
			leads.set(450, new SalesforceRecord("Lead", null, Map.of("Company", "Acme"), Set.of()));
			List<RecordSaveResult> outcomes = client.create(leads);

			assertThat(outcomes).hasSize(600);
			assertThat(outcomes.get(450).statusCode()).isEqualTo("REQUIRED_FIELD_MISSING");
			assertThat(outcomes.stream().filter(RecordSaveResult::success).count()).isEqualTo(599);
		}
	}

	@Test
	void theNextQueryPageIsAskedForWhileThisOneIsReadAndEveryRecordComesOnce() throws InterruptedException {
		ApiCallCounter counter = new ApiCallCounter();
		try (SalesforceClient client = client(counter, 4)) {
			QueryResults results = threePagesOfLeads(client);

			// the total alone asks for nothing ahead
			assertThat(results.totalSize()).isEqualTo(4_500);
			Thread.sleep(300);
			assertThat(counter.of("queryMore")).isZero();

			// one record read: the second page is on its way, the third not yet
			List<String> ids = new ArrayList<>(List.of(results.next().id()));
			long deadline = System.nanoTime() + 5_000_000_000L;
			while (counter.of("queryMore") == 0 && System.nanoTime() < deadline) {
				Thread.sleep(10);
			}
			assertThat(counter.of("queryMore")).isEqualTo(1);

			results.forEachRemaining((lead) -> ids.add(lead.id()));
			assertThat(ids).hasSize(4_500).doesNotHaveDuplicates().isSorted();
			assertThat(counter.of("queryMore")).isEqualTo(2);
		}
	}

	@Test
	void oneCallAtATimeReadsNoPageAhead() throws InterruptedException {
		ApiCallCounter counter = new ApiCallCounter();
		try (SalesforceClient client = client(counter, 1)) {
			QueryResults results = threePagesOfLeads(client);

			results.next();
			Thread.sleep(300);
			assertThat(counter.of("queryMore")).isZero();
			List<String> ids = new ArrayList<>();
			results.forEachRemaining((lead) -> ids.add(lead.id()));
			assertThat(ids).hasSize(4_499);
			assertThat(counter.of("queryMore")).isEqualTo(2);
			assertThat(this.emulator.costs().peakConcurrentRequests()).isEqualTo(1);
		}
	}

	@Test
	void aCallAskedAheadGoesOutBeforeItsAnswerIsWanted() throws InterruptedException {
		ApiCallCounter counter = new ApiCallCounter();
		try (SalesforceClient client = client(counter, 4)) {
			Instant before = Instant.now().minusSeconds(60);
			CallAhead<Instant> serverTime = client.ahead(client::serverTime);

			awaitCalls(counter, "getServerTimestamp", 1);
			assertThat(serverTime.get()).isAfter(before);
			assertThat(serverTime.get()).isEqualTo(serverTime.get());
			assertThat(counter.of("getServerTimestamp")).isEqualTo(1);
		}
	}

	@Test
	void oneCallAtATimeAsksOnlyWhenTheAnswerIsWanted() throws InterruptedException {
		ApiCallCounter counter = new ApiCallCounter();
		try (SalesforceClient client = client(counter, 1)) {
			CallAhead<Instant> serverTime = client.ahead(client::serverTime);

			Thread.sleep(300);
			assertThat(counter.of("getServerTimestamp")).isZero();
			Instant answer = serverTime.get();
			assertThat(serverTime.get()).isEqualTo(answer);
			assertThat(counter.of("getServerTimestamp")).isEqualTo(1);
		}
	}

	@Test
	void aFailureAskedAheadIsThrownToWhoeverWantsTheAnswer() throws InterruptedException {
		ApiCallCounter counter = new ApiCallCounter();
		try (SalesforceClient client = client(counter, 4)) {
			Instant now = Instant.now();
			// older than the delete log: Salesforce refuses the window
			CallAhead<List<String>> deleted = client
				.ahead(() -> client.deletedIds("Lead", now.minus(Duration.ofDays(40)), now));

			awaitCalls(counter, "getDeleted", 1);
			assertThatExceptionOfType(SalesforceException.class).isThrownBy(deleted::get)
				.satisfies((ex) -> assertThat(ex.code()).isEqualTo("INVALID_REPLICATION_DATE"));
		}
	}

	@Test
	void callsSideBySideThatMeetTheSameExpiredSessionLogInAgainOnce() {
		MutableClock clock = new MutableClock(Instant.now());
		try (SalesforceEmulator org = SalesforceEmulator.start(TestOrgLogin.withCertificate(EmulatorSettings.builder()
			.clock(clock)
			.tokenLifetime(Duration.ofMinutes(30))
			.latencyMs(30)
			.dmlMsPerRecord(0.25)
			.maxConcurrentRequests(25)
			.build()))) {
			ApiCallCounter counter = new ApiCallCounter();
			// client credentials: a JWT assertion would be dated by this machine's clock
			SalesforceProperties clientCredentials = new SalesforceProperties(SalesforceAuth.CLIENT_CREDENTIALS,
					org.baseUrl(), org.oauthClientId(), null, EmulatorSettings.DEFAULT_OAUTH_CLIENT_SECRET, null, null,
					null, null, null, null, null);
			try (SalesforceClient client = new SalesforceClient(clientCredentials, counter, 4)) {
				client.login();
				// the session times out unused
				clock.advance(Duration.ofMinutes(31));

				// four calls at once, each sent with the expired session
				List<RecordSaveResult> created = client.create(leads(800));

				assertThat(created).hasSize(800).allMatch(RecordSaveResult::success);
				assertThat(org.calls("login")).as("the first login and one renewal").isEqualTo(2);
				assertThat(org.org().records("Lead")).hasSize(800);
			}
		}
	}

	private static void awaitCalls(ApiCallCounter counter, String operation, long calls) throws InterruptedException {
		long deadline = System.nanoTime() + 5_000_000_000L;
		while (counter.of(operation) < calls && System.nanoTime() < deadline) {
			Thread.sleep(10);
		}
		assertThat(counter.of(operation)).as("%s calls made before the answer was asked for", operation)
			.isEqualTo(calls);
	}

	/** 4,500 leads created, and a query of them: pages of 2,000, 2,000 and 500. */
	private static QueryResults threePagesOfLeads(SalesforceClient client) {
		client.create(leads(4_500));
		return client.query("SELECT Id, LastName FROM Lead ORDER BY Id", false);
	}

	private SalesforceClient client(ApiCallCounter counter, int maxConcurrentCalls) {
		SalesforceClient client = new SalesforceClient(TestOrgLogin.jwtBearerSettings(this.emulator), counter,
				maxConcurrentCalls);
		client.login();
		return client;
	}

	private static List<SalesforceRecord> leads(int count) {
		return IntStream.range(0, count)
			.mapToObj((i) -> new SalesforceRecord("Lead", null,
					Map.of("LastName", "Lead " + i, "Company", "Acme", "Email", "lead" + i + "@example.com"), Set.of()))
			.toList();
	}

	private static List<String> lastNames(SalesforceClient client, List<RecordSaveResult> created) {
		List<String> ids = created.stream().map(RecordSaveResult::id).toList();
		Map<String, String> byId = new HashMap<>();
		client.queryIn("SELECT Id, LastName FROM Lead WHERE Id", ids, "", false)
			.forEachRemaining((lead) -> byId.put(lead.id(), lead.get("LastName")));
		return ids.stream().map(byId::get).toList();
	}

}
