/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.crmsync.emulator.EmulatorSettings;
import com.crmsync.emulator.SalesforceEmulator;
import com.crmsync.testsupport.RabbitBroker;
import com.crmsync.testsupport.SyncProcess;
import com.crmsync.testsupport.TestDatabases;
import com.crmsync.testsupport.TestOrgLogin;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code worker} command as an operator meets it: usage on bad arguments, and a
 * worker JVM that logs in, takes partitions from the broker until SIGTERM, and then ends
 * as a stopped command does.
 */
class WorkerCommandFunctionalTests {

	@Test
	void badArgumentsPrintUsageAndExit2() {
		StringWriter err = new StringWriter();
		int exit = SyncCommandLine.execute(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true),
				"worker", "--partitions", "4");
		assertThat(exit).isEqualTo(ExitCodes.USAGE);
		assertThat(err.toString()).contains("Unknown option", "Usage: crm-salesforce-sync worker");
	}

	@Test
	void aWorkerTakesPartitionsUntilSigtermAndThenExits143() {
		RabbitBroker.assumeAvailable();
		try (SalesforceEmulator emulator = SalesforceEmulator
			.start(TestOrgLogin.withCertificate(EmulatorSettings.builder().build()))) {
			// given: a worker with a run's settings and the broker's
			String database = TestDatabases.newDatabase("worker");
			Map<String, Object> properties = SyncProcess.properties(database, emulator);
			properties.putAll(RabbitBroker.properties());
			SyncProcess worker = SyncProcess.start(List.of("worker"), properties,
					Path.of("target", "worker-processes", database + ".log"));
			try {
				Awaitility.await("the worker to take partitions")
					.atMost(Duration.ofMinutes(2))
					.pollInterval(Duration.ofMillis(100))
					.until(() -> worker.output().contains("Taking partitions from queue") || !worker.isAlive());
				assertThat(worker.isAlive()).as(worker.output()).isTrue();
				assertThat(worker.output()).contains("Logged in to Salesforce org");

				// when
				worker.terminate();

				// then
				assertThat(worker.waitFor(60)).as(worker.output()).isEqualTo(ExitCodes.STOPPED);
				assertThat(worker.output()).contains("Asked to shut down: taking no further partition");
			}
			finally {
				worker.kill();
				RabbitBroker.deleteQueue(properties);
			}
		}
	}

}
