/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The child JVM {@code bench --job-xmx} starts carries its settings on its command line
 * but no secret: any user of the host reads a command line ({@code ps}); passwords and
 * client secrets go through its environment, readable by its user only.
 */
class ChildJobRunsTests {

	@Test
	void secretsGoThroughTheEnvironmentNeverOnTheCommandLine() throws Exception {
		Map<String, String> properties = new LinkedHashMap<>();
		properties.put("spring.datasource.url", "jdbc:mysql://127.0.0.1:3306/crm_bench");
		properties.put("spring.datasource.username", "bench");
		properties.put("spring.datasource.password", "db-pass-123");
		properties.put("sync.salesforce.client-secret", "client-secret-456");
		properties.put("sync.salesforce.password", "sf-pass-789");
		properties.put("sync.operator", "admin@bench.example");
		try (ChildJobRuns children = new ChildJobRuns("256m", properties, Path.of("target", "bench-logs"), null, null,
				null)) {
			ProcessBuilder child = children.processBuilder(true, null);

			String commandLine = String.join(" ", child.command());
			assertThat(commandLine).contains("run --full")
				.contains("--spring.datasource.url=jdbc:mysql://127.0.0.1:3306/crm_bench")
				.contains("--spring.datasource.username=bench")
				.contains("--sync.operator=admin@bench.example")
				.doesNotContain("db-pass-123")
				.doesNotContain("client-secret-456")
				.doesNotContain("sf-pass-789")
				.doesNotContain("password")
				.doesNotContain("secret");
			Map<String, Object> environment = JsonMapper.builder()
				.build()
				.readValue(child.environment().get("SPRING_APPLICATION_JSON"),
						new TypeReference<Map<String, Object>>() {
						});
			assertThat(environment).containsEntry("spring.datasource.password", "db-pass-123")
				.containsEntry("sync.salesforce.client-secret", "client-secret-456")
				.containsEntry("sync.salesforce.password", "sf-pass-789")
				.doesNotContainKey("spring.datasource.url");
		}
	}

	@Test
	void theChildRunsOnTheJvmOptionsProductionIsGiven() throws Exception {
		// what the benchmark measures is the JVM the environment file's example
		// configures
		List<String> production = Files.readAllLines(Path.of("jobs", "schedule", "crm-salesforce-sync.env.example"))
			.stream()
			.filter((line) -> line.startsWith("JAVA_OPTS="))
			.flatMap((line) -> Arrays.stream(line.substring("JAVA_OPTS=".length()).split(" +")))
			.filter((option) -> !option.startsWith("-Xmx"))
			.toList();
		try (ChildJobRuns children = new ChildJobRuns("256m", Map.of(), Path.of("target", "bench-logs"), null, null,
				null)) {
			assertThat(production).isNotEmpty();
			assertThat(children.processBuilder(false, null).command()).contains("-Xmx256m").containsAll(production);
		}
	}

}
