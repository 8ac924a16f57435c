/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.restart;

import java.util.List;
import java.util.Map;

import com.crmsync.crm.FieldConflictRecord;
import com.crmsync.job.SyncRunner;
import com.crmsync.report.RunReport;
import com.crmsync.report.RunReports;
import com.crmsync.testsupport.SyncProcess;
import org.junit.jupiter.api.Test;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The journal belongs to the run, not to one execution: a run killed (SIGKILL) in the
 * middle of a step full of true conflicts and restarted journals every conflict exactly
 * once — those its killed execution committed, those of the chunk in flight (whose
 * Salesforce writes may have gone out before the kill, so that the replayed chunk no
 * longer sees them), and the rest — every row with the run's id, and the report of the
 * restarted execution shows the whole run.
 */
class RunJournalRestartFunctionalTests {

	@Test
	void aKilledAndRestartedRunJournalsEachConflictOnceAndItsReportShowsTheWholeRun() throws Exception {
		try (RestartFixture fixture = RestartFixture.seeded()) {
			// given: a first run links both sides
			ConfigurableApplicationContext context = fixture.startApplication(Map.of());
			assertThat(context.getBean(SyncRunner.class).run(false, false).getStatus())
				.isEqualTo(BatchStatus.COMPLETED);
			// and: every linked lead's title edited on both sides, the CRM last: a true
			// conflict the CRM wins, so its value goes to Salesforce
			List<Map<String, Object>> links = fixture.jdbc
				.queryForList("SELECT crm_id, salesforce_id FROM sync_link WHERE object_type = 'LEAD'");
			assertThat(links).hasSizeGreaterThan(2 * Integer.parseInt(RestartFixture.CHUNK_SIZE));
			for (Map<String, Object> link : links) {
				fixture.emulator.org()
					.update((String) link.get("salesforce_id"), Map.of("Title", "SF title " + link.get("crm_id")));
			}
			Thread.sleep(50);
			fixture.jdbc.update("UPDATE crm_lead SET title = CONCAT('CRM title ', id) "
					+ "WHERE id IN (SELECT crm_id FROM sync_link WHERE object_type = 'LEAD')");

			// when: the second run is killed once mergeLeads has committed a chunk
			fixture.emulator.faults().latencyMs(15);
			SyncProcess child = fixture.startProcess("run");
			RestartFixture.await("mergeLeads to commit a chunk", () -> fixture.stepHasCommitted("mergeLeads"),
					child::isAlive);
			child.kill();
			fixture.emulator.faults().latencyMs(0);
			long killed = fixture.jdbc.queryForObject("SELECT MAX(JOB_EXECUTION_ID) FROM BATCH_JOB_EXECUTION",
					Long.class);
			RestartFixture.await("the server to release the dead run's lock", () -> !fixture.runLockHeld(), () -> true);
			// and: restarted
			JobExecution restarted = context.getBean(SyncRunner.class).restart(killed);
			assertThat(restarted.getStatus()).as(child.output()).isEqualTo(BatchStatus.COMPLETED);

			// then: one conflict per lead, each once, all with the run's id
			Map<String, Object> journal = fixture.jdbc.queryForMap(
					"SELECT COUNT(*) AS all_rows, "
							+ "COUNT(DISTINCT crm_id) AS leads, MIN(run_id) AS min_run, MAX(run_id) AS max_run, "
							+ "SUM(job_execution_id = ?) AS by_killed FROM sync_conflict "
							+ "WHERE object_type = 'LEAD' AND field = 'Title' AND job_execution_id >= ?",
					killed, killed);
			assertThat(((Number) journal.get("all_rows")).intValue()).as(journal.toString()).isEqualTo(links.size());
			assertThat(((Number) journal.get("leads")).intValue()).isEqualTo(links.size());
			assertThat(((Number) journal.get("min_run")).longValue()).isEqualTo(killed);
			assertThat(((Number) journal.get("max_run")).longValue()).isEqualTo(killed);
			assertThat(((Number) journal.get("by_killed")).intValue()).as("the killed execution journaled its chunks")
				.isPositive();

			// and: the restarted execution's report shows the whole run
			RunReport report = context.getBean(RunReports.class).of(restarted);
			assertThat(report.conflicts()).filteredOn((conflict) -> conflict.step().equals("mergeLeads"))
				.extracting(FieldConflictRecord::crmId)
				.doesNotHaveDuplicates()
				.hasSize(links.size());
			assertThat(report.steps()).extracting(RunReport.StepReport::name)
				.startsWith("connect", "pullAccounts", "pullOpportunities", "mergeLeads")
				.doesNotHaveDuplicates();
		}
	}

}
