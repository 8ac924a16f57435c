/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.crmsync.job.RunReporter;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Writes {@code reports/<executionId>/report.json}.
 */
@Component
public class JsonReportWriter implements RunReporter {

	private static final JsonMapper mapper = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

	private final RunReports reports;

	private final Path directory;

	public JsonReportWriter(RunReports reports, @Value("${sync.reports:reports}") Path directory) {
		this.reports = reports;
		this.directory = directory;
	}

	@Override
	public void report(JobExecution execution) {
		write(this.reports.of(execution));
	}

	/**
	 * Writes one report.
	 * @param report the report
	 * @return the file written
	 */
	public Path write(RunReport report) {
		try {
			Path dir = this.directory.resolve(String.valueOf(report.executionId()));
			Files.createDirectories(dir);
			Path file = dir.resolve("report.json");
			Files.writeString(file, mapper.writeValueAsString(report));
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The report as JSON text.
	 * @param report the report
	 * @return the JSON
	 */
	public static String toJson(RunReport report) {
		return mapper.writeValueAsString(report);
	}

}
