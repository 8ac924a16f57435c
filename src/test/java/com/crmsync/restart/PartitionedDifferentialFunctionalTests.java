/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.restart;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import com.crmsync.emulator.org.EmulatorOrg;
import com.crmsync.emulator.org.RecordMerge;
import com.crmsync.job.SyncRunner;
import com.crmsync.testsupport.RabbitBroker;
import com.crmsync.testsupport.SyncProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 14's differential test: on the same seeded org and CRM, randomised from a fixed
 * seed (the seed is in the test's name, so a failure reproduces), the serial steps
 * ({@code sync.partitions=1}), 4 partitions on local threads and 4 partitions on 2 remote
 * worker JVMs end a full run, and after the same random changes on both sides an
 * incremental run, with every synced column of both sides equal and the same outcome
 * counts per step.
 * <p>
 * The seed adds to {@link RestartSeed} leads, contacts and accounts whose keys take every
 * shape the partitions must agree on (docs/PARTITIONING.md §2): e-mails that collide
 * across the sides in another case or with blanks around them, duplicates on one side,
 * first characters of every class (digits, every letter range) and of none (symbols, the
 * CRM's non-ASCII letters, some of which {@code LIKE} folds into an ASCII class), no or a
 * blank e-mail. The changes edit either side, both sides of a pair (the newer edit a few
 * milliseconds later, since a tie goes to Salesforce and the two fixtures must not decide
 * it differently), merge records in Salesforce into survivors of any key range, delete,
 * archive and create. They are generated once per seed and applied to each fixture by
 * name (every generated record has a last name, or an account a name, of its own, which
 * the sync never needs to change), never by id: the ids the sync creates differ between
 * the fixtures.
 * <p>
 * The remote variant needs a RabbitMQ broker at 127.0.0.1:5672 and is skipped, saying so,
 * without one; the local one runs everywhere. The serial runs of a seed are made once and
 * compared with both; the remote fixtures and their workers start before the tests, so
 * that the workers boot while the serial and local runs are made.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PartitionedDifferentialFunctionalTests {

	/** The seeds: the test names carry them, so that a failure reproduces. */
	private static final long[] SEEDS = { 14, 1414 };

	/**
	 * An hour back, more than the class lasts: the incremental runs reread every record
	 * seeded, however long before its full run a fixture was seeded.
	 */
	private static final String LOOK_BACK = "1h";

	private static final Map<String, Object> SERIAL = Map.of("sync.partitions", "1", "sync.look-back", LOOK_BACK);

	private static final Map<String, Object> LOCAL = Map.of("sync.partitions", "4", "sync.look-back", LOOK_BACK);

	/**
	 * Records of each kind the scenario adds on each side, beside {@link RestartSeed}.
	 */
	private static final int LEADS = 40;

	private static final int CONTACTS = 20;

	private static final int ACCOUNTS = 12;

	/**
	 * Distinct e-mail keys both sides draw from: fewer than the records, so they collide.
	 */
	private static final int KEYS = 48;

	private static final int CHANGES = 50;

	private static final Map<Long, Scenario> scenarios = new HashMap<>();

	private static final Map<Long, Runs> serialRuns = new HashMap<>();

	/**
	 * The remote variant of each seed: its fixture and workers, started before the tests
	 * so that the worker JVMs boot while the local variants run.
	 */
	private static final Map<Long, Remote> remotes = new HashMap<>();

	static LongStream seeds() {
		return LongStream.of(SEEDS);
	}

	@BeforeAll
	static void startWorkers() throws InterruptedException {
		if (RabbitBroker.available()) {
			for (long seed : SEEDS) {
				remotes.put(seed, Remote.start(seed));
			}
		}
	}

	@AfterAll
	static void stopWorkers() {
		remotes.values().forEach(Remote::close);
		remotes.clear();
	}

	@Order(1)
	@ParameterizedTest(name = "seed {0}")
	@MethodSource("seeds")
	void fourLocalPartitionsEndWithTheTablesAndCountsOfTheSerialRun(long seed) throws Exception {
		Runs serial = serialRuns(seed);
		try (RestartFixture fixture = seeded(seed)) {
			runAndCompare(fixture, LOCAL, seed, "4 local partitions", serial);
		}
	}

	@Order(2)
	@ParameterizedTest(name = "seed {0}")
	@MethodSource("seeds")
	void twoRemoteWorkersEndWithTheTablesAndCountsOfTheSerialRun(long seed) throws Exception {
		RabbitBroker.assumeAvailable();
		Remote remote = remotes.get(seed);
		// given: its two workers, up
		Runs serial = serialRuns(seed);
		for (SyncProcess worker : remote.workers()) {
			RestartFixture.await("a worker to take partitions",
					() -> worker.output().contains("Taking partitions from queue"), worker::isAlive);
		}

		// when, then
		runAndCompare(remote.fixture(), remote.properties(), seed, "2 remote workers", serial);
		assertThat(remote.workers()).as("both workers ran partitions, none failed")
			.allSatisfy((worker) -> assertThat(worker.output()).contains("Running partition execution")
				.doesNotContain("ended FAILED"));
	}

	/**
	 * Runs a full run, the seed's changes and an incremental run on the fixture, and
	 * compares both sides and the counts with the serial runs' after each run.
	 */
	private static void runAndCompare(RestartFixture fixture, Map<String, Object> properties, long seed, String variant,
			Runs serial) throws Exception {
		Scenario scenario = scenario(seed);
		// when: a full run (both runs in one application: a context less to start)
		ConfigurableApplicationContext application = fixture.startApplication(properties);
		JobExecution first = run(application, true);

		// then: the same tables and counts as the serial full run, the merges split
		assertSame(serial.full(), Result.of(fixture, first), variant + ", seed " + seed + ", after the full run");
		for (String step : List.of("mergeLeads", "mergeContacts")) {
			// 4 key ranges of Salesforce, the merged-away records, 4 of the
			// CRM, the last passes
			assertThat(fixture.partitions(step)).as("%s, seed %d: %s ran in 4 key ranges", variant, seed, step)
				.hasSize(10)
				.allSatisfy((partition) -> assertThat(partition).endsWith(" COMPLETED"));
		}
		assertThat(fixture.partitions("pullAccounts")).as("%s, seed %d: pullAccounts ran in partitions", variant, seed)
			.hasSizeGreaterThan(2);
		int fullRunPartitions = fixture.partitions("mergeLeads").size();

		// when: the seed's changes, and an incremental run
		scenario.apply(fixture);
		JobExecution second = run(application, false);
		application.close();

		// then: the same again; the incremental merge of leads was split too (its CRM
		// window holds the rows the full run wrote)
		assertSame(serial.incremental(), Result.of(fixture, second), variant + ", seed " + seed
				+ ", after the changes and the incremental run\nchanges:\n" + scenario.describeChanges());
		assertThat(fixture.partitions("mergeLeads").size() - fullRunPartitions)
			.as("%s, seed %d: the incremental mergeLeads ran in partitions", variant, seed)
			.isGreaterThan(2);
	}

	/**
	 * The serial runs of a seed, made once per test JVM.
	 */
	private static synchronized Runs serialRuns(long seed) throws Exception {
		Runs runs = serialRuns.get(seed);
		if (runs == null) {
			try (RestartFixture fixture = seeded(seed)) {
				ConfigurableApplicationContext application = fixture.startApplication(SERIAL);
				Result full = Result.of(fixture, run(application, true));
				Map<Kind, Integer> applied = scenario(seed).apply(fixture);
				Result incremental = Result.of(fixture, run(application, false));
				assertThat(fixture.partitions("mergeLeads")).as("the serial runs ran no partitions").isEmpty();
				System.out.println("seed " + seed + ": changes that found their records, by kind: " + applied
						+ "; counts of the full run: " + full.outcomes() + "; of the incremental run: "
						+ incremental.outcomes());
				runs = new Runs(full, incremental);
				serialRuns.put(seed, runs);
			}
		}
		return runs;
	}

	private static synchronized Scenario scenario(long seed) {
		return scenarios.computeIfAbsent(seed, Scenario::generate);
	}

	/**
	 * A fixture seeded with {@link RestartSeed} and the scenario's records.
	 */
	private static RestartFixture seeded(long seed) throws InterruptedException {
		RestartFixture fixture = RestartFixture.seeded();
		scenario(seed).seed(fixture);
		return fixture;
	}

	private static JobExecution run(ConfigurableApplicationContext application, boolean full) throws Exception {
		JobExecution run = application.getBean(SyncRunner.class).run(full, false);
		assertThat(run.getStatus()).as(run.getExitStatus().getExitDescription()).isEqualTo(BatchStatus.COMPLETED);
		RestartFixture.assertCountsAddUp(List.of(run));
		return run;
	}

	private static void assertSame(Result expected, Result actual, String what) {
		assertThat(difference(expected.snapshot(), actual.snapshot()))
			.as("%s: rows of the serial run (-) and of this one (+) that differ", what)
			.isEmpty();
		assertThat(actual.outcomes()).as("%s: the steps' counts", what).isEqualTo(expected.outcomes());
	}

	/**
	 * The rows of each table or object that only one of two snapshots has (as many times
	 * as it has them more).
	 */
	static String difference(SyncSnapshot expected, SyncSnapshot actual) {
		StringBuilder difference = new StringBuilder();
		differences(expected.crm(), actual.crm(), difference);
		differences(expected.salesforce(), actual.salesforce(), difference);
		return difference.toString();
	}

	private static void differences(Map<String, List<String>> expected, Map<String, List<String>> actual,
			StringBuilder difference) {
		TreeSet<String> names = new TreeSet<>(expected.keySet());
		names.addAll(actual.keySet());
		for (String name : names) {
			List<String> onlyExpected = new ArrayList<>(expected.getOrDefault(name, List.of()));
			List<String> onlyActual = new ArrayList<>();
			for (String row : actual.getOrDefault(name, List.of())) {
				if (!onlyExpected.remove(row)) {
					onlyActual.add(row);
				}
			}
			if (!onlyExpected.isEmpty() || !onlyActual.isEmpty()) {
				difference.append(name).append(":\n");
				onlyExpected.forEach((row) -> difference.append("  - ").append(row).append('\n'));
				onlyActual.forEach((row) -> difference.append("  + ").append(row).append('\n'));
			}
		}
	}

	/** The remote variant of a seed: its fixture, its settings, its two workers. */
	private record Remote(RestartFixture fixture, Map<String, Object> properties, List<SyncProcess> workers) {

		static Remote start(long seed) throws InterruptedException {
			Map<String, Object> properties = new LinkedHashMap<>(RabbitBroker.properties());
			properties.put("sync.partitions", "4");
			properties.put("sync.partitioning", "remote");
			properties.put("sync.remote.poll-interval", "100ms");
			properties.put("sync.look-back", LOOK_BACK);
			RestartFixture fixture = seeded(seed);
			return new Remote(fixture, properties,
					List.of(fixture.startProcess(properties, "worker"), fixture.startProcess(properties, "worker")));
		}

		void close() {
			this.workers.forEach(SyncProcess::kill);
			RabbitBroker.deleteQueue(this.properties);
			this.fixture.close();
		}

	}

	/** What the serial runs of a seed ended with. */
	private record Runs(Result full, Result incremental) {
	}

	/** Both sides and the counts of the steps after a run. */
	private record Result(SyncSnapshot snapshot, Map<String, Map<String, Long>> outcomes) {

		static Result of(RestartFixture fixture, JobExecution run) {
			return new Result(fixture.snapshot(), RestartFixture.outcomes(run));
		}

	}

	/** A record the scenario creates: in Salesforce (fields) or in the CRM (columns). */
	private record Row(String object, String name, Map<String, Object> values) {
	}

	private enum Kind {

		SALESFORCE_EDIT, CRM_EDIT, MERGE, DELETE, ARCHIVE, SALESFORCE_CREATE, CRM_CREATE

	}

	/**
	 * One change of the scenario, to the records named {@code name} (the last name of a
	 * lead or contact, the name of an account) of {@code object}; a merge merges the
	 * record named {@code other} into it. A change whose records a fixture does not have
	 * (the name lost to the other side's, a record deleted before) does nothing; the
	 * fixtures agree on that since they are equal before the changes.
	 */
	private record Change(Kind kind, String object, String name, String other, Map<String, Object> values) {

		@Override
		public String toString() {
			return this.kind + " " + this.object + " '" + this.name + "'"
					+ ((this.other != null) ? " <- '" + this.other + "'" : "")
					+ ((this.values != null) ? " " + this.values : "");
		}

	}

	/**
	 * A seed's records and changes, drawn once from its random source.
	 */
	private static final class Scenario {

		private static final List<String> FIRST_NAMES = List.of("Ann", "Bob", "Cleo", "Dan", "Eve");

		private static final List<String> TITLES = List.of("CEO", "CTO", "Buyer", "Engineer");

		private static final List<String> PHONES = List.of("+1 555 0100", "+1 555 0101", "+44 20 7946 0000");

		private static final List<String> COMPANIES = List.of("Acme", "Globex", "Initech", "Umbrella");

		private static final List<String> STATUSES = List.of("Open - Not Contacted", "Working - Contacted",
				"Closed - Not Converted");

		/** The CRM column of each Salesforce field the changes edit. */
		private static final Map<String, String> COLUMNS = Map.of("FirstName", "first_name", "Email", "email", "Title",
				"title", "Phone", "phone", "Company", "company_name", "Status", "status");

		private static final List<String> INDUSTRIES = List.of("Energy", "Retail", "Banking");

		private static final List<String> CITIES = List.of("Berlin", "Lyon", "Osaka", "Quito");

		/**
		 * First characters of e-mails that Salesforce accepts and that are in no class.
		 */
		private static final String SYMBOLS = "_+.-~!#$&=";

		private static final String LETTERS = "abcdefghijklmnopqrstuvwxyz";

		/**
		 * Names of accounts by their first character: letters of every range, digits, and
		 * of no class (a symbol, a letter beyond ASCII).
		 */
		private static final List<String> ACCOUNT_NAMES = List.of("Zeta Ltd", "alpha GmbH", "_Under Inc", "9 Lives",
				"Éclair SA", "Mango Co", "quartz AG", "Hotel Ltd", "+Plus Corp", "Tango plc", "0 Zero", "ürün AŞ",
				"Delta Co", "kilo BV", "West Inc", "Sierra Ltd");

		private final long seed;

		private final Random random;

		private final List<String> keys = new ArrayList<>();

		private final List<Row> salesforce = new ArrayList<>();

		private final List<Row> crm = new ArrayList<>();

		private final List<Change> changes = new ArrayList<>();

		/** Names of the leads, contacts and accounts the changes may pick. */
		private final Map<String, List<String>> names = new HashMap<>();

		private int nextName;

		private long nextCrmId = 1_000_000;

		private Scenario(long seed) {
			this.seed = seed;
			this.random = new Random(seed);
		}

		static Scenario generate(long seed) {
			Scenario scenario = new Scenario(seed);
			scenario.generateKeys();
			scenario.generateRecords();
			scenario.generateChanges();
			return scenario;
		}

		private void generateKeys() {
			for (int i = 0; i < KEYS; i++) {
				int pick = this.random.nextInt(10);
				char first = (pick < 6) ? pick(LETTERS)
						: (pick < 8) ? (char) ('0' + this.random.nextInt(10)) : pick(SYMBOLS);
				String domain = List.of("d.test", "Mixed.Example.org", "x.io").get(this.random.nextInt(3));
				this.keys.add(first + syllables() + i + "@" + domain);
			}
			// keys that the CRM spells with a letter LIKE folds into an ASCII class
			this.keys.add("kelvin" + this.seed + "@d.test");
			this.keys.add("ilgaz" + this.seed + "@d.test");
			this.keys.add("sam" + this.seed + "@d.test");
		}

		private void generateRecords() {
			List<String> accounts = new ArrayList<>(ACCOUNT_NAMES);
			Collections.shuffle(accounts, this.random);
			accounts = accounts.subList(0, ACCOUNTS);
			for (String account : accounts) {
				this.salesforce.add(new Row("Account", account, accountFields(account)));
			}
			this.names.put("Account", new ArrayList<>(accounts));
			for (int i = 0; i < RestartSeed.N; i++) {
				this.names.get("Account").add("Account " + i);
			}
			for (String object : List.of("Contact", "Lead")) {
				List<String> names = new ArrayList<>();
				int count = object.equals("Lead") ? LEADS : CONTACTS;
				for (int i = 0; i < count; i++) {
					String name = newName("SF " + object);
					names.add(name);
					this.salesforce.add(new Row(object, name, salesforceFields(object, name, true)));
				}
				for (int i = 0; i < count; i++) {
					String name = newName("CRM " + object);
					names.add(name);
					Map<String, Object> columns = crmColumns(object, name, true);
					// half old (Salesforce wins their conflicts), half written
					// after every Salesforce record (the CRM wins)
					if (this.random.nextBoolean()) {
						columns.put("updated_at", LocalDateTime.of(2025, 1 + this.random.nextInt(12), 1, 0, 0)
							.plusMinutes(this.random.nextInt(100_000)));
					}
					this.crm.add(new Row(object, name, columns));
				}
				// and the seed's own records: pairs with references, campaign members,
				// events, scores
				for (int i = 0; i < RestartSeed.N; i++) {
					names.add(object + " " + i);
					names.add("Crm " + object + " " + i);
				}
				for (int i = 0; i < RestartSeed.N / 2; i++) {
					names.add("Shared " + object + " " + i);
				}
				this.names.put(object, names);
			}
		}

		private void generateChanges() {
			while (this.changes.size() < CHANGES) {
				int pick = this.random.nextInt(100);
				String object = (pick < 90 && this.random.nextInt(3) > 0) ? "Lead"
						: (this.random.nextBoolean()) ? "Contact" : "Account";
				String name = anyName(object);
				if (object.equals("Account")) {
					if (pick < 50) {
						this.changes.add(new Change(Kind.SALESFORCE_EDIT, object, name, null, accountEdit()));
					}
					else if (pick < 75) {
						this.changes.add(new Change(Kind.MERGE, object, name, anyName(object), null));
					}
					else {
						this.changes.add(new Change(Kind.DELETE, object, name, null, null));
					}
				}
				else if (pick < 22) {
					this.changes.add(new Change(Kind.SALESFORCE_EDIT, object, name, null, salesforceEdit(object)));
				}
				else if (pick < 44) {
					this.changes.add(new Change(Kind.CRM_EDIT, object, name, null, crmEdit(object, List.of())));
				}
				else if (pick < 56) {
					// a conflict: both sides edit the same fields of the pair, the second
					// edit newer
					Map<String, Object> salesforceEdit = salesforceEdit(object);
					List<String> columns = salesforceEdit.keySet()
						.stream()
						.filter(COLUMNS::containsKey)
						.map(COLUMNS::get)
						.toList();
					List<Change> both = new ArrayList<>(
							List.of(new Change(Kind.SALESFORCE_EDIT, object, name, null, salesforceEdit),
									new Change(Kind.CRM_EDIT, object, name, null, crmEdit(object, columns))));
					Collections.shuffle(both, this.random);
					this.changes.addAll(both);
				}
				else if (pick < 68) {
					// into a survivor of any key range
					this.changes.add(new Change(Kind.MERGE, object, name, anyName(object), null));
				}
				else if (pick < 76) {
					this.changes.add(new Change(Kind.DELETE, object, name, null, null));
				}
				else if (pick < 84) {
					this.changes.add(new Change(Kind.ARCHIVE, object, name, null, null));
				}
				else if (pick < 92) {
					String created = newName("New SF " + object);
					this.changes.add(new Change(Kind.SALESFORCE_CREATE, object, created, null,
							salesforceFields(object, created, false)));
					this.names.get(object).add(created);
				}
				else {
					String created = newName("New CRM " + object);
					Map<String, Object> columns = crmColumns(object, created, false);
					columns.put("id", this.nextCrmId++);
					this.changes.add(new Change(Kind.CRM_CREATE, object, created, null, columns));
					this.names.get(object).add(created);
				}
			}
		}

		// ---- values ----

		private Map<String, Object> accountFields(String name) {
			Map<String, Object> fields = new LinkedHashMap<>();
			fields.put("Name", name);
			fields.put("Industry", pick(INDUSTRIES));
			if (this.random.nextBoolean()) {
				fields.put("BillingCity", pick(CITIES));
			}
			return fields;
		}

		private Map<String, Object> accountEdit() {
			Map<String, Object> fields = new LinkedHashMap<>();
			fields.put("Industry", pick(INDUSTRIES));
			if (this.random.nextInt(4) == 0) {
				// a rename into another key range
				fields.put("Name", pick(LETTERS + "0123456789_") + "Renamed " + (++this.nextName));
			}
			else {
				fields.put("BillingCity", (this.random.nextInt(4) == 0) ? null : pick(CITIES));
			}
			return fields;
		}

		private Map<String, Object> salesforceFields(String object, String name, boolean seeded) {
			Map<String, Object> fields = new LinkedHashMap<>();
			fields.put("LastName", name);
			if (this.random.nextBoolean()) {
				fields.put("FirstName", pick(FIRST_NAMES));
			}
			if (this.random.nextInt(10) > 0) {
				fields.put("Email", salesforceEmail(pick(this.keys)));
			}
			if (this.random.nextBoolean()) {
				fields.put("Title", pick(TITLES));
			}
			if (this.random.nextBoolean()) {
				fields.put("Phone", pick(PHONES));
			}
			if (object.equals("Lead")) {
				fields.put("Company", pick(COMPANIES));
				fields.put("Status", pick(STATUSES));
			}
			else if (this.random.nextInt(3) > 0) {
				// the account's name, its id looked up when the record is written
				List<String> accounts = this.names.get("Account");
				fields.put("AccountId", accounts.get(this.random.nextInt(seeded ? ACCOUNTS : accounts.size())));
			}
			return fields;
		}

		private Map<String, Object> crmColumns(String object, String name, boolean seeded) {
			Map<String, Object> columns = new LinkedHashMap<>();
			columns.put("last_name", name);
			if (this.random.nextBoolean()) {
				columns.put("first_name", pick(FIRST_NAMES));
			}
			columns.put("email", crmEmail());
			if (this.random.nextBoolean()) {
				columns.put("title", pick(TITLES));
			}
			if (this.random.nextBoolean()) {
				columns.put("phone", pick(PHONES));
			}
			if (object.equals("Lead")) {
				if (this.random.nextInt(4) > 0) {
					columns.put("company_name", pick(COMPANIES));
				}
				columns.put("status", pick(STATUSES));
				if (seeded && this.random.nextBoolean()) {
					columns.put("lead_score", this.random.nextInt(100));
				}
			}
			return columns;
		}

		private Map<String, Object> salesforceEdit(String object) {
			List<String> fields = new ArrayList<>(List.of("FirstName", "Email", "Title", "Phone"));
			if (object.equals("Lead")) {
				fields.addAll(List.of("Company", "Status"));
			}
			else {
				fields.add("AccountId");
			}
			Collections.shuffle(fields, this.random);
			Map<String, Object> edit = new LinkedHashMap<>();
			for (String field : fields.subList(0, 1 + this.random.nextInt(3))) {
				boolean blank = this.random.nextInt(6) == 0;
				edit.put(field, switch (field) {
					case "FirstName" -> blank ? null : pick(FIRST_NAMES);
					case "Email" -> blank ? null : salesforceEmail(pick(this.keys));
					case "Title" -> blank ? null : pick(TITLES);
					case "Phone" -> blank ? null : pick(PHONES);
					case "Company" -> pick(COMPANIES);
					case "Status" -> pick(STATUSES);
					default -> pick(this.names.get("Account"));
				});
			}
			return edit;
		}

		/**
		 * An edit of a CRM row.
		 * @param object its object
		 * @param columns the columns to edit, or none for 1 to 3 at random
		 * @return the columns and their new values
		 */
		private Map<String, Object> crmEdit(String object, List<String> columns) {
			if (columns.isEmpty()) {
				List<String> any = new ArrayList<>(List.of("first_name", "email", "title", "phone"));
				if (object.equals("Lead")) {
					any.addAll(List.of("company_name", "status"));
				}
				Collections.shuffle(any, this.random);
				columns = any.subList(0, 1 + this.random.nextInt(3));
			}
			Map<String, Object> edit = new LinkedHashMap<>();
			for (String column : columns) {
				boolean blank = this.random.nextInt(6) == 0;
				edit.put(column, switch (column) {
					case "first_name" -> blank ? "" : pick(FIRST_NAMES);
					case "email" -> crmEmail();
					case "title" -> blank ? null : pick(TITLES);
					case "phone" -> blank ? null : pick(PHONES);
					case "company_name" -> blank ? null : pick(COMPANIES);
					default -> pick(STATUSES);
				});
			}
			return edit;
		}

		/** A key as Salesforce may hold it: in any case. */
		private String salesforceEmail(String key) {
			return switch (this.random.nextInt(4)) {
				case 0 -> key.toUpperCase(Locale.ROOT);
				case 1 -> Character.toUpperCase(key.charAt(0)) + key.substring(1);
				case 2 -> key.chars()
					.mapToObj((c) -> String.valueOf((char) (this.random.nextBoolean() ? Character.toUpperCase(c) : c)))
					.collect(Collectors.joining());
				default -> key;
			};
		}

		/**
		 * An e-mail as the CRM may hold it: a key in any case with blanks around it,
		 * none, blank, or starting with a letter beyond ASCII (which Salesforce refuses).
		 */
		private String crmEmail() {
			int pick = this.random.nextInt(100);
			if (pick < 6) {
				return null;
			}
			if (pick < 9) {
				return List.of("", "   ", "\t").get(this.random.nextInt(3));
			}
			String key = pick(this.keys);
			if (pick < 17) {
				// the Kelvin sign, the dotless i and the long s: in the classes
				// of k, i and s; the others in none
				String rest = key.substring(1);
				return switch (key.charAt(0)) {
					case 'k' -> "\u212A" + rest;
					case 'i' -> "\u0131" + rest;
					case 's' -> "\u017F" + rest;
					default -> List.of("é", "Ü", "İ", "ø").get(this.random.nextInt(4)) + key;
				};
			}
			String email = salesforceEmail(key);
			int blanks = this.random.nextInt(8);
			return switch (blanks) {
				case 0 -> "  " + email;
				case 1 -> email + " ";
				case 2 -> "\t" + email;
				case 3 -> " " + email + "\t";
				default -> email;
			};
		}

		private String syllables() {
			String[] syllables = { "an", "bo", "cel", "di", "ex", "fa", "gu", "ho", "ri", "zu" };
			return syllables[this.random.nextInt(syllables.length)] + syllables[this.random.nextInt(syllables.length)];
		}

		private String newName(String prefix) {
			return prefix + " " + this.seed + "-" + (++this.nextName);
		}

		private String anyName(String object) {
			return pick(this.names.get(object));
		}

		private char pick(String characters) {
			return characters.charAt(this.random.nextInt(characters.length()));
		}

		private <T> T pick(List<T> values) {
			return values.get(this.random.nextInt(values.size()));
		}

		// ---- on a fixture ----

		/**
		 * Writes the scenario's records: Salesforce first, then, a few milliseconds
		 * later, the CRM (the rows without an old {@code updated_at} are newer than every
		 * Salesforce record, in every fixture).
		 */
		void seed(RestartFixture fixture) throws InterruptedException {
			EmulatorOrg org = fixture.emulator.org();
			for (Row row : this.salesforce) {
				org.insert(row.object(), withAccountIds(org, row.values()));
			}
			Thread.sleep(5);
			for (Row row : this.crm) {
				insert(fixture, row.object(), row.values());
			}
		}

		/**
		 * Applies the changes in order, each a few milliseconds after the one before: the
		 * later of two edits of a pair is the newer in every fixture, never a tie.
		 */
		Map<Kind, Integer> apply(RestartFixture fixture) throws InterruptedException {
			EmulatorOrg org = fixture.emulator.org();
			Map<Kind, Integer> applied = new EnumMap<>(Kind.class);
			for (Change change : this.changes) {
				Thread.sleep(5);
				int records = switch (change.kind()) {
					case SALESFORCE_EDIT -> {
						Map<String, Object> fields = withAccountIds(org, change.values());
						List<String> ids = ids(org, change.object(), change.name());
						ids.forEach((id) -> org.update(id, fields));
						yield ids.size();
					}
					case CRM_EDIT -> {
						List<Object> arguments = new ArrayList<>(change.values().values());
						arguments.add(change.name());
						yield fixture.jdbc.update("UPDATE " + table(change.object()) + " SET "
								+ change.values()
									.keySet()
									.stream()
									.map((column) -> column + " = ?")
									.collect(Collectors.joining(", "))
								+ " WHERE last_name = ? AND deleted_at IS NULL", arguments.toArray());
					}
					case MERGE -> {
						List<String> survivor = ids(org, change.object(), change.name());
						List<String> merged = ids(org, change.object(), change.other());
						if (survivor.size() != 1 || merged.size() != 1 || survivor.equals(merged)) {
							yield 0;
						}
						RecordMerge.Result result = org.merge(survivor.get(0), merged.get(0));
						assertThat(result.errors()).as(change.toString()).isEmpty();
						yield 1;
					}
					case DELETE -> {
						List<String> ids = ids(org, change.object(), change.name());
						ids.forEach(org::delete);
						yield ids.size();
					}
					case ARCHIVE -> fixture.jdbc.update(
							"UPDATE " + table(change.object())
									+ " SET deleted_at = NOW(3) WHERE last_name = ? AND deleted_at IS NULL",
							change.name());
					case SALESFORCE_CREATE -> {
						org.insert(change.object(), withAccountIds(org, change.values()));
						yield 1;
					}
					case CRM_CREATE -> {
						insert(fixture, change.object(), change.values());
						yield 1;
					}
				};
				applied.merge(change.kind(), (records > 0) ? 1 : 0, Integer::sum);
			}
			return applied;
		}

		String describeChanges() {
			return this.changes.stream().map((change) -> "  " + change).collect(Collectors.joining("\n"));
		}

		private static void insert(RestartFixture fixture, String object, Map<String, Object> columns) {
			fixture.jdbc.update(
					"INSERT INTO " + table(object) + " (" + String.join(", ", columns.keySet()) + ") VALUES ("
							+ columns.keySet().stream().map((column) -> "?").collect(Collectors.joining(", ")) + ")",
					columns.values().toArray());
		}

		/** The live records of an object with this last name (an account: name). */
		private static List<String> ids(EmulatorOrg org, String object, String name) {
			String field = object.equals("Account") ? "Name" : "LastName";
			return org.records(object)
				.stream()
				.filter((record) -> name.equals(record.get(field)))
				.map((record) -> (String) record.get("Id"))
				.toList();
		}

		/**
		 * The fields with an account's id for its name ({@code AccountId}), if it lives.
		 */
		private static Map<String, Object> withAccountIds(EmulatorOrg org, Map<String, Object> fields) {
			Map<String, Object> resolved = new LinkedHashMap<>(fields);
			if (fields.containsKey("AccountId")) {
				List<String> account = ids(org, "Account", (String) fields.get("AccountId"));
				if (account.size() == 1) {
					resolved.put("AccountId", account.get(0));
				}
				else {
					resolved.remove("AccountId");
				}
			}
			return resolved;
		}

		private static String table(String object) {
			return object.equals("Lead") ? "crm_lead" : "crm_contact";
		}

	}

}
