/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.cli;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import com.crmsync.demo.DemoData;
import com.crmsync.emulator.EmulatorSettings;
import com.crmsync.emulator.SalesforceEmulator;
import com.crmsync.job.SettingsCheck;
import com.crmsync.job.SyncRunner;
import com.crmsync.report.NextStep;
import com.crmsync.report.ReportFilesWriter;
import picocli.CommandLine.Command;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The demo: an emulated Salesforce org and the embedded CRM database, both seeded with
 * overlapping data; one run links and fills both sides, then edits on both sides (one of
 * them a conflict) and a second run show smart override at work.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
		description = "Runs the job twice on the embedded MariaDB and an emulated org seeded with demo data, and "
				+ "prints the reports. Uses its own database 'crm_demo', reset at every demo.")
public class DemoCommand extends DatabaseCommand {

	/** The demo's own database in the embedded server, reset at every demo. */
	static final String DATABASE = "crm_demo";

	/**
	 * The demo's reports, apart from the real runs' (its execution ids start again at 1
	 * with every demo).
	 */
	static final String REPORTS = "reports/demo";

	private SalesforceEmulator emulator;

	@Override
	public Integer call() throws Exception {
		try (SalesforceEmulator running = SalesforceEmulator.start(EmulatorSettings.builder().build())) {
			this.emulator = running;
			return super.call();
		}
	}

	@Override
	protected Map<String, Object> defaultProperties() {
		// the emulated org's External Client App, with the key pair the emulator made
		return Map.of("sync.embedded.database", DATABASE, "sync.embedded.reset", "true", "sync.salesforce.login-url",
				this.emulator.baseUrl(), "sync.salesforce.client-id", this.emulator.oauthClientId(),
				"sync.salesforce.username", "sync@example.com", "sync.salesforce.private-key",
				this.emulator.oauthPrivateKey().orElseThrow().toString(), "sync.operator", DemoData.ADMIN,
				"sync.reports", REPORTS);
	}

	@Override
	protected Set<SettingsCheck.Need> needs() {
		return EnumSet.allOf(SettingsCheck.Need.class);
	}

	@Override
	protected int call(ConfigurableApplicationContext context) throws Exception {
		JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
		SyncRunner runner = context.getBean(SyncRunner.class);
		out().println("Demo: Salesforce emulator at " + this.emulator.baseUrl() + " (OAuth 2.0 JWT bearer login), "
				+ "CRM database '" + DATABASE + "' in the embedded MariaDB.");
		Map<String, String> ids = DemoData.seedSalesforce(this.emulator.org());
		DemoData.seedCrm(jdbc);

		out().println();
		out().println("First run: both sides seeded, nothing linked yet.");
		JobExecution first = runner.run(false, false);
		int firstExit = RunOutcome.print(context, first, out(), err());

		DemoData.editBothSides(this.emulator.org(), jdbc, ids);
		out().println();
		out().println("Second run: edits on both sides since the first, one of them a conflict.");
		JobExecution second = runner.run(false, false);
		int secondExit = RunOutcome.print(context, second, out(), err());
		out().println();
		ReportFilesWriter files = context.getBean(ReportFilesWriter.class);
		out().println("Reports: " + files.directory(first.getId()) + "/ and " + files.directory(second.getId())
				+ "/ (report.html); both runs: " + files.directory(second.getId()).resolveSibling("index.html"));
		out().println("The demo's runs are in its own database '" + DATABASE + "' (reset by the next demo); see them "
				+ "with: " + NextStep.COMMAND + " status --demo, or " + NextStep.COMMAND + " report " + second.getId()
				+ " --demo");
		return Math.max(firstExit, secondExit);
	}

}
