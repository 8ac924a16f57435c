/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.crmsync.testsupport.SyncHarness;
import com.crmsync.testsupport.SyncProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where the mapping file comes from (issue 16, item 13): the jar carries the default
 * {@code jobs/field-mappings.yml}, so the product runs from any directory; a file named
 * by {@code sync.mappings} (a relative path being the working directory's) replaces it;
 * an unreadable one is named in full with the operating system's reason. Each command
 * runs as an operator runs it, in a JVM of its own started in a directory without a
 * checkout.
 */
class MappingFileLocationFunctionalTests {

	@TempDir
	Path elsewhere;

	@Test
	void aRunFromAnotherDirectoryUsesTheJarsMappingsAndAFileNamedRelativelyReplacesThem() throws IOException {
		try (SyncHarness harness = SyncHarness.start()) {
			harness.emulator()
				.org()
				.insert("Lead", Map.of("FirstName", "Ada", "LastName", "Away", "Company", "Acme", "Email",
						"ada@elsewhere.test"));

			// when: run from a directory that holds no jobs/field-mappings.yml
			SyncProcess defaults = start(harness, "defaults", "run");

			// then: the jar's mappings were used and the lead arrived
			assertThat(defaults.waitFor(300)).as(defaults.errors()).isZero();
			assertThat(harness.rows("SELECT email FROM crm_lead")).extracting((row) -> row.get("email"))
				.containsExactly("ada@elsewhere.test");

			// given: a file of the operator's own in that directory, the lead's phone not
			// synced
			String shipped = Files.readString(Path.of("jobs", "field-mappings.yml"));
			int lead = shipped.indexOf("\n  lead:\n");
			String phone = "{ crm: phone,        salesforce: Phone,     type: string, blank-overwrites: false }";
			int at = shipped.indexOf(phone, lead);
			assertThat(at).isPositive();
			String phoneOff = shipped.substring(0, at)
					+ "{ crm: phone,        salesforce: Phone,     type: string, direction: none }"
					+ shipped.substring(at + phone.length());
			Files.writeString(this.elsewhere.resolve("our-mappings.yml"), phoneOff);
			harness.emulator()
				.org()
				.insert("Lead", Map.of("FirstName", "Bo", "LastName", "Away", "Company", "Acme", "Email",
						"bo@elsewhere.test", "Phone", "555-0100"));

			// when: named relatively, it is found in the working directory and replaces
			// the jar's
			SyncProcess own = start(harness, "own", "run", "--sync.mappings=our-mappings.yml");

			// then: the lead came without its phone
			assertThat(own.waitFor(300)).as(own.errors()).isZero();
			assertThat(harness.rows("SELECT email, phone FROM crm_lead WHERE email = 'bo@elsewhere.test'"))
				.singleElement()
				.satisfies((row) -> assertThat(row.get("phone")).isNull());
		}
	}

	@Test
	void anUnreadableMappingFileIsNamedInFullWithTheOperatingSystemsReason() {
		try (SyncHarness harness = SyncHarness.start()) {
			SyncProcess missing = start(harness, "missing", "run", "--sync.mappings=no-such-mappings.yml");

			assertThat(missing.waitFor(300)).isEqualTo(ExitCodes.FAILED);
			assertThat(missing.errors()).contains("Cannot read mapping file "
					+ this.elsewhere.toRealPath().resolve("no-such-mappings.yml") + ": No such file or directory");
			assertThat(harness.rows("SELECT * FROM crm_lead")).isEmpty();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private SyncProcess start(SyncHarness harness, String name, String... command) {
		Map<String, Object> properties = SyncProcess.properties(harness.database(), harness.emulator());
		Path dir = Path.of("target", "mapping-location", harness.database()).toAbsolutePath();
		properties.put("sync.reports", dir.resolve("reports"));
		return SyncProcess.start(List.of(command), properties, dir.resolve(name + ".out"), dir.resolve(name + ".err"),
				this.elsewhere);
	}

}
