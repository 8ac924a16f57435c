/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.emulator;

import java.io.PrintWriter;
import java.io.StringWriter;

import com.crmsync.cli.EmulatorCommand;
import com.crmsync.emulator.cost.CostProfile;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code emulator} command line.
 */
class EmulatorCommandTests {

	@Test
	void parsesEveryOption() {
		CommandLine commandLine = new CommandLine(new EmulatorCommand());
		commandLine.parseArgs("--port", "9443", "--records", "1000", "--seed", "3", "--latency-ms", "5", "--api-limit",
				"500", "--org-id", "00D5g000004XyZaEAK", "--username", "u@example.com", "--password", "pw", "--https");
		CommandSpec spec = commandLine.getCommandSpec();
		assertThat(spec.findOption("--port").<Integer>getValue()).isEqualTo(9443);
		assertThat(spec.findOption("--records").<Long>getValue()).isEqualTo(1000);
		assertThat(spec.findOption("--seed").<Long>getValue()).isEqualTo(3);
		assertThat(spec.findOption("--latency-ms").<Long>getValue()).isEqualTo(5);
		assertThat(spec.findOption("--api-limit").<Long>getValue()).isEqualTo(500);
		assertThat(spec.findOption("--org-id").<String>getValue()).isEqualTo("00D5g000004XyZaEAK");
		assertThat(spec.findOption("--username").<String>getValue()).isEqualTo("u@example.com");
		assertThat(spec.findOption("--password").<String>getValue()).isEqualTo("pw");
		assertThat(spec.findOption("--https").<Boolean>getValue()).isTrue();
	}

	@Test
	void parsesTheCostProfileAndItsKnobs() {
		CommandLine commandLine = new CommandLine(new EmulatorCommand());
		commandLine.parseArgs("--port", "0", "--profile", "realistic", "--query-ms-per-row", "0.5",
				"--dml-ms-per-record", "2.5", "--max-concurrent-requests", "4", "--bulk-parallelism", "3");
		CommandSpec spec = commandLine.getCommandSpec();
		assertThat(spec.findOption("--profile").<CostProfile>getValue()).isEqualTo(CostProfile.REALISTIC);
		assertThat(spec.findOption("--latency-ms").<Long>getValue()).as("left to the profile").isNull();
		assertThat(spec.findOption("--query-ms-per-row").<Double>getValue()).isEqualTo(0.5);
		assertThat(spec.findOption("--dml-ms-per-record").<Double>getValue()).isEqualTo(2.5);
		assertThat(spec.findOption("--max-concurrent-requests").<Integer>getValue()).isEqualTo(4);
		assertThat(spec.findOption("--bulk-parallelism").<Integer>getValue()).isEqualTo(3);
		CommandLine defaults = new CommandLine(new EmulatorCommand());
		defaults.parseArgs("--port", "0");
		assertThat(defaults.getCommandSpec().findOption("--profile").<CostProfile>getValue())
			.isEqualTo(CostProfile.ZERO);
		StringWriter errors = new StringWriter();
		CommandLine unknown = new CommandLine(new EmulatorCommand());
		unknown.setErr(new PrintWriter(errors));
		assertThat(unknown.execute("--port", "0", "--profile", "sluggish")).isEqualTo(2);
		assertThat(errors.toString()).contains("sluggish");
	}

	@Test
	void parsesTheLoginOptions() {
		CommandLine commandLine = new CommandLine(new EmulatorCommand());
		commandLine.parseArgs("--port", "0", "--security-token", "T0ken", "--oauth-client-id", "3MVG9.app",
				"--oauth-client-secret", "s3cret", "--oauth-certificate", "/etc/sync/client.crt");
		CommandSpec spec = commandLine.getCommandSpec();
		assertThat(spec.findOption("--security-token").<String>getValue()).isEqualTo("T0ken");
		assertThat(spec.findOption("--oauth-client-id").<String>getValue()).isEqualTo("3MVG9.app");
		assertThat(spec.findOption("--oauth-client-secret").<String>getValue()).isEqualTo("s3cret");
		assertThat(spec.findOption("--oauth-certificate").<java.nio.file.Path>getValue())
			.isEqualTo(java.nio.file.Path.of("/etc/sync/client.crt"));

		CommandLine defaults = new CommandLine(new EmulatorCommand());
		defaults.parseArgs("--port", "0");
		assertThat(defaults.getCommandSpec().findOption("--oauth-client-id").<String>getValue())
			.isEqualTo(EmulatorSettings.DEFAULT_OAUTH_CLIENT_ID);
		assertThat(defaults.getCommandSpec().findOption("--security-token").<String>getValue()).isNull();
		assertThat(defaults.getCommandSpec().findOption("--oauth-certificate").<java.nio.file.Path>getValue()).isNull();
	}

	@Test
	void appliesDefaultsAndRequiresThePort() {
		CommandLine commandLine = new CommandLine(new EmulatorCommand());
		commandLine.parseArgs("--port", "0");
		CommandSpec spec = commandLine.getCommandSpec();
		assertThat(spec.findOption("--records").<Long>getValue()).isZero();
		assertThat(spec.findOption("--api-limit").<Long>getValue()).isEqualTo(1_000_000);
		assertThat(spec.findOption("--org-id").<String>getValue()).isEqualTo("00D000000000001AAA");
		assertThat(spec.findOption("--username").<String>getValue()).isEqualTo("sync@example.com");
		assertThat(spec.findOption("--password").<String>getValue()).isEqualTo("emulator");
		StringWriter errors = new StringWriter();
		CommandLine missingPort = new CommandLine(new EmulatorCommand());
		missingPort.setErr(new PrintWriter(errors));
		assertThat(missingPort.execute("--records", "10")).isNotZero();
		assertThat(errors.toString()).contains("--port");
	}

	@Test
	void printsUsageHelp() {
		StringWriter out = new StringWriter();
		CommandLine commandLine = new CommandLine(new EmulatorCommand());
		commandLine.setOut(new PrintWriter(out));
		assertThat(commandLine.execute("--help")).isZero();
		assertThat(out.toString()).contains("emulator", "--api-limit", "--https", "--profile", "--bulk-parallelism");
	}

}
