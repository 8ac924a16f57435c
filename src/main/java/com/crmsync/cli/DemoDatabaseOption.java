/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.cli;

import java.util.Map;

import picocli.CommandLine.Option;

import org.springframework.core.env.Environment;

/**
 * {@code --demo}: read the demo's own database instead of the configured one. The demo
 * resets its database at every start, so it never shares one with real runs; this switch
 * is how {@code status} and {@code report} reach it.
 */
final class DemoDatabaseOption {

	@Option(names = "--demo", description = "Read the demo's database ('" + DemoCommand.DATABASE
			+ "' in the embedded MariaDB) " + "instead of the configured one.")
	boolean demo;

	/**
	 * The properties that point the command at the demo's database.
	 * @return them, or none without {@code --demo}
	 */
	Map<String, Object> properties() {
		return this.demo ? Map.of("sync.embedded.database", DemoCommand.DATABASE) : Map.of();
	}

	/**
	 * Why {@code --demo} cannot be honoured here, if it cannot.
	 * @param environment the started application's environment
	 * @return the problem, or {@code null}
	 */
	String problem(Environment environment) {
		String url = environment.getProperty("spring.datasource.url");
		return (this.demo && url != null && !url.isBlank())
				? "--demo reads the demo's embedded database, but spring.datasource.url names another one; "
						+ "unset it to read the demo's runs"
				: null;
	}

}
