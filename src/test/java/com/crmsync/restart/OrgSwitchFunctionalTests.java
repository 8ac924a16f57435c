/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.restart;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.crmsync.cli.ExitCodes;
import com.crmsync.cli.SyncCommandLine;
import com.crmsync.emulator.EmulatorSettings;
import com.crmsync.emulator.SalesforceEmulator;
import com.crmsync.job.OrgConnector;
import com.crmsync.job.RefusedException;
import com.crmsync.job.SyncRunner;
import com.crmsync.testsupport.SyncProcess;
import com.crmsync.testsupport.TestOrgLogin;
import org.junit.jupiter.api.Test;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The hostile operator: {@code disconnect}, then a run against another org. The
 * identity map, merge bases, references and watermarks belong to the first org, so the
 * run is refused (exit 3, no restart advice) and nothing of the CRM is archived or
 * overwritten; {@code reset-org} with the first org's id forgets them, and the next run
 * against the new org is a first run that keeps every CRM record.
 */
class OrgSwitchFunctionalTests {

	private static final String OTHER_ORG = "00D000000000002BBB";

	@Test
	void aRunAgainstAnotherOrgAfterDisconnectIsRefusedUntilResetAndThenStartsClean() throws Exception {
		try (RestartFixture fixture = RestartFixture.seeded();
				SalesforceEmulator other = SalesforceEmulator
					.start(TestOrgLogin.withCertificate(EmulatorSettings.builder().orgId(OTHER_ORG).build()))) {
			// given: a run against the first org, then the CRM disconnected from it
			ConfigurableApplicationContext first = fixture.startApplication(Map.of());
			assertThat(first.getBean(SyncRunner.class).run(false, false).getStatus()).isEqualTo(BatchStatus.COMPLETED);
			// and a later run of it that failed past connect (its API budget spent),
			// which a restart would resume
			fixture.emulator.setApiLimit(500);
			JobExecution failed = fixture.startApplication(Map.of("sync.salesforce.api-budget-percent", "1"))
				.getBean(SyncRunner.class)
				.run(true, false);
			fixture.emulator.setApiLimit(1_000_000);
			assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
			assertThat(failed.getStepExecutions()).filteredOn((step) -> step.getStepName().equals("connect"))
				.singleElement()
				.satisfies((step) -> assertThat(step.getStatus()).isEqualTo(BatchStatus.COMPLETED));
			first.getBean(OrgConnector.class).disconnect();
			List<Map<String, Object>> crmBefore = crm(fixture);
			long links = fixture.jdbc.queryForObject("SELECT COUNT(*) FROM sync_link", Long.class);
			other.org()
				.insert("Lead", Map.of("LastName", "Newcomer", "Company", "Other Co", "Email", "new@other.test"));

			// when: the same CRM runs against another org
			ConfigurableApplicationContext second = fixture.startApplication(other, Map.of());
			JobExecution refused = second.getBean(SyncRunner.class).run(false, false);

			// then: refused in connect, naming both orgs and the command that resets
			assertThat(refused.getStatus()).isEqualTo(BatchStatus.FAILED);
			assertThat(refused.getStepExecutions()).extracting((step) -> step.getStepName()).containsExactly("connect");
			assertThat(refused.getAllFailureExceptions()).singleElement()
				.satisfies((failure) -> assertThat(failure).isInstanceOf(RefusedException.class)
					.hasMessageContaining(EmulatorSettings.DEFAULT_ORG_ID)
					.hasMessageContaining(OTHER_ORG)
					.hasMessageContaining("reset-org " + EmulatorSettings.DEFAULT_ORG_ID));
			// and nothing of the CRM was archived or overwritten, nothing went to the org
			assertThat(crm(fixture)).isEqualTo(crmBefore);
			assertThat(fixture.jdbc.queryForObject("SELECT COUNT(*) FROM sync_link", Long.class)).isEqualTo(links);
			assertThat(other.org().records("Lead")).hasSize(1);
			assertThat(fixture.jdbc.queryForList("SELECT org_id FROM sync_org")).isEmpty();
			assertThatExceptionOfType(RefusedException.class)
				.isThrownBy(() -> second.getBean(OrgConnector.class).connect())
				.withMessageContaining("reset-org " + EmulatorSettings.DEFAULT_ORG_ID);
			// a restart resumes after connect: it is refused all the same
			assertThatExceptionOfType(RefusedException.class)
				.isThrownBy(() -> second.getBean(SyncRunner.class).restart(failed.getId()))
				.withMessageContaining("reset-org " + EmulatorSettings.DEFAULT_ORG_ID);
			assertThat(crm(fixture)).isEqualTo(crmBefore);

			// and: the command line says so on one line and exits 3, without restart
			// advice
			StringWriter out = new StringWriter();
			StringWriter err = new StringWriter();
			int exitCode = SyncCommandLine.execute(new PrintWriter(out, true), new PrintWriter(err, true),
					args(fixture, other, "run"));
			assertThat(exitCode).as(err.toString()).isEqualTo(ExitCodes.REFUSED);
			assertThat(err.toString().strip().lines()).hasSize(1);
			assertThat(err.toString()).contains("reset-org " + EmulatorSettings.DEFAULT_ORG_ID)
				.doesNotContain("restart");

			// when: an Administrator resets the link, naming the org whose data goes
			assertThatExceptionOfType(RefusedException.class)
				.isThrownBy(() -> second.getBean(SyncRunner.class).resetOrg(OTHER_ORG))
				.withMessageContaining("nothing was reset");
			out.getBuffer().setLength(0);
			assertThat(SyncCommandLine.execute(new PrintWriter(out, true), new PrintWriter(err, true),
					args(fixture, other, "reset-org", EmulatorSettings.DEFAULT_ORG_ID)))
				.isEqualTo(ExitCodes.OK);
			assertThat(out.toString()).contains("Forgot Salesforce org " + EmulatorSettings.DEFAULT_ORG_ID);
			for (String table : List.of("sync_link", "sync_reference", "sync_watermark", "sync_pushed_value",
					"sync_data_org")) {
				assertThat(fixture.jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class)).as(table).isZero();
			}

			// then: the first org's unfinished execution can no longer be restarted
			assertThatExceptionOfType(RefusedException.class)
				.isThrownBy(() -> second.getBean(SyncRunner.class).restart(failed.getId()))
				.withMessageContaining("ABANDONED");

			// and a run against the new org is a first run: every live CRM record is
			// created there, the new org's lead comes in, and no CRM record is archived
			JobExecution clean = second.getBean(SyncRunner.class).run(false, false);
			assertThat(clean.getStatus()).isEqualTo(BatchStatus.COMPLETED);
			assertThat(fixture.jdbc.queryForObject(
					"SELECT COUNT(*) FROM crm_lead WHERE deleted_at IS NOT NULL OR id NOT IN (SELECT crm_id FROM "
							+ "sync_link WHERE object_type = 'LEAD')",
					Long.class))
				.as("no lead archived, every lead linked to the new org")
				.isZero();
			assertThat(archived(fixture)).isEqualTo(archived(crmBefore));
			long crmLeads = fixture.jdbc.queryForObject("SELECT COUNT(*) FROM crm_lead", Long.class);
			assertThat(crmLeads).isEqualTo(rows(crmBefore, "crm_lead") + 1);
			assertThat(other.org().records("Lead")).hasSize((int) crmLeads);
			assertThat(fixture.jdbc.queryForList("SELECT org_id FROM sync_data_org", String.class))
				.containsExactly(OTHER_ORG);
		}
	}

	private static String[] args(RestartFixture fixture, SalesforceEmulator org, String... command) {
		List<String> args = new ArrayList<>(List.of(command));
		SyncProcess.properties(fixture.database, org).forEach((name, value) -> args.add("--" + name + "=" + value));
		return args.toArray(String[]::new);
	}

	/** Every synced CRM row, each with its table. */
	private static List<Map<String, Object>> crm(RestartFixture fixture) {
		List<Map<String, Object>> rows = new ArrayList<>();
		for (String table : List.of("crm_lead", "crm_contact", "crm_campaign", "crm_account", "crm_opportunity",
				"crm_membership", "crm_campaign_member")) {
			fixture.jdbc.queryForList("SELECT '" + table + "' AS tbl, t.* FROM " + table + " t ORDER BY id")
				.forEach(rows::add);
		}
		return rows;
	}

	private static long archived(RestartFixture fixture) {
		return archived(crm(fixture));
	}

	private static long archived(List<Map<String, Object>> rows) {
		return rows.stream().filter((row) -> row.get("deleted_at") != null).count();
	}

	private static long rows(List<Map<String, Object>> rows, String table) {
		return rows.stream().filter((row) -> table.equals(row.get("tbl"))).count();
	}

}
