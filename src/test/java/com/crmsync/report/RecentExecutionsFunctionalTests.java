/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import com.crmsync.crm.JobExecutionIndex;
import com.crmsync.job.SyncJobConfiguration;
import com.crmsync.job.SyncRunner;
import com.crmsync.testsupport.SyncHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The run history's executions, read in a few queries ({@link RecentExecutions}), are the
 * job repository's: every field the history and the status command read, contexts
 * included, for a completed run, a dry run, a failed run and its restart.
 */
class RecentExecutionsFunctionalTests {

	private SyncHarness harness;

	@BeforeEach
	void start() {
		this.harness = SyncHarness.start();
	}

	@AfterEach
	void stop() {
		this.harness.close();
	}

	@Test
	void newestExecutionsAreTheJobRepositorysOwn() throws Exception {
		// given: a completed run, a dry run, a failed run and its restart
		this.harness.emulator()
			.org()
			.insert("Lead", Map.of("FirstName", "Ann", "LastName", "Old", "Company", "Acme", "Email", "ann@acme.test"));
		this.harness.run();
		this.harness.emulator().org().insert("Lead", Map.of("LastName", "Dry", "Company", "Acme"));
		this.harness.run(false, true);
		this.harness.emulator().setApiLimit(0);
		JobExecution failed = this.harness.run();
		assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
		this.harness.emulator().setApiLimit(1_000_000);
		JobExecution restarted = this.harness.context().getBean(SyncRunner.class).restart(failed.getId());
		assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);

		// when
		RecentExecutions.Loaded loaded = this.harness.context()
			.getBean(RecentExecutions.class)
			.newest(SyncJobConfiguration.JOB_NAME, 3);

		// then: the newest three, newest first, as the job repository loads them
		JobRepository repository = this.harness.context().getBean(JobRepository.class);
		JobExecutionIndex index = this.harness.context().getBean(JobExecutionIndex.class);
		assertThat(loaded.executions()).extracting(JobExecution::getId)
			.containsExactlyElementsOf(index.newest(SyncJobConfiguration.JOB_NAME, 3))
			.containsExactly(restarted.getId(), failed.getId(), failed.getId() - 1);
		for (JobExecution execution : loaded.executions()) {
			JobExecution expected = repository.getJobExecution(execution.getId());
			assertThat(describe(execution)).isEqualTo(describe(expected));
			assertThat(loaded.ofInstance(execution))
				.isEqualTo(index.ofInstance(expected.getJobInstance().getInstanceId()));
		}
		assertThat(loaded.ofInstance(loaded.executions().get(0))).containsExactly(failed.getId(), restarted.getId());

		// and: the history page, written once the run has ended, shows the restart as
		// completed and the failed run as restarted
		String history = Files.readString(this.harness.reportsDir().resolve("index.html"));
		assertThat(history).contains("restart of " + failed.getId(), "restarted as " + restarted.getId());
		Path report = this.harness.reportsDir().resolve(restarted.getId() + "/report.json");
		assertThat(Files.readString(report)).contains("\"status\" : \"COMPLETED\"");
	}

	@Test
	void noExecutionsIsAnEmptyHistory() {
		RecentExecutions.Loaded loaded = this.harness.context()
			.getBean(RecentExecutions.class)
			.newest(SyncJobConfiguration.JOB_NAME, 30);
		assertThat(loaded.executions()).isEmpty();
	}

	/** Everything of an execution that can be compared by value. */
	private static List<Object> describe(JobExecution execution) {
		List<Object> fields = new ArrayList<>(List.of(execution.getId(), execution.getJobInstance().getInstanceId(),
				execution.getJobInstance().getJobName(), execution.getStatus(), execution.getExitStatus(),
				String.valueOf(execution.getStartTime()), String.valueOf(execution.getEndTime()),
				String.valueOf(execution.getCreateTime()), String.valueOf(execution.getLastUpdated()),
				execution.getVersion(), execution.getJobParameters(), execution.getExecutionContext().toMap()));
		List<StepExecution> steps = new ArrayList<>(execution.getStepExecutions());
		steps.sort(Comparator.comparing(StepExecution::getId));
		for (StepExecution step : steps) {
			fields.add(List.of(step.getId(), step.getStepName(), step.getStatus(), step.getExitStatus(),
					String.valueOf(step.getStartTime()), String.valueOf(step.getEndTime()),
					String.valueOf(step.getLastUpdated()), String.valueOf(step.getCreateTime()), step.getVersion(),
					List.of(step.getReadCount(), step.getWriteCount(), step.getFilterCount(), step.getCommitCount(),
							step.getRollbackCount(), step.getReadSkipCount(), step.getWriteSkipCount(),
							step.getProcessSkipCount()),
					step.getExecutionContext().toMap()));
		}
		return fields;
	}

}
