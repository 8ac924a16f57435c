/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

import com.crmsync.CrmSalesforceSyncApplication;
import com.crmsync.job.SettingsCheck;
import picocli.CommandLine;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A command that works on the CRM database: it starts the Spring application (which
 * migrates the database to the current schema first, through Flyway) and then does its
 * work.
 */
abstract class DatabaseCommand implements Callable<Integer> {

	@CommandLine.Spec
	CommandLine.Model.CommandSpec spec;

	List<String> springArgs = List.of();

	@Override
	public Integer call() throws Exception {
		try (ConfigurableApplicationContext context = startApplication()) {
			return call(context);
		}
	}

	/**
	 * Starts the application with the command's Spring properties, once its settings are
	 * checked.
	 * @return the running context, migrated
	 * @throws com.crmsync.job.SettingsException listing every problem of the settings,
	 * before anything has started
	 */
	protected ConfigurableApplicationContext startApplication() {
		return application().run(this.springArgs.toArray(String[]::new));
	}

	/**
	 * The application this command starts: its default properties, and the check of its
	 * settings, which runs before anything else.
	 * @return the application, not yet run
	 */
	protected SpringApplication application() {
		SpringApplication application = new SpringApplication(CrmSalesforceSyncApplication.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		application.setDefaultProperties(defaultProperties());
		// a command that stops its run gracefully on SIGTERM closes the context itself,
		// once the run has stopped: Spring's shutdown hook would close it under the run
		application.setRegisterShutdownHook(!stopsGracefully());
		application.addInitializers(new SettingsCheck(needs()));
		return application;
	}

	/**
	 * What this command needs of the settings beyond valid values.
	 * @return none: the command only reads the database
	 */
	protected Set<SettingsCheck.Need> needs() {
		return Set.of();
	}

	/**
	 * Whether this command runs the job and stops it gracefully on SIGTERM
	 * ({@link StopOnSignal}).
	 * @return {@code false}: the context closes with the JVM
	 */
	protected boolean stopsGracefully() {
		return false;
	}

	/**
	 * Properties this command sets unless the user sets them.
	 * @return the defaults
	 */
	protected java.util.Map<String, Object> defaultProperties() {
		return java.util.Map.of();
	}

	/**
	 * The command's work, on a started and migrated application.
	 * @param context the application
	 * @return the exit code
	 * @throws Exception on failure: reported as a one-line reason
	 */
	protected abstract int call(ConfigurableApplicationContext context) throws Exception;

	protected PrintWriter out() {
		return this.spec.commandLine().getOut();
	}

	protected PrintWriter err() {
		return this.spec.commandLine().getErr();
	}

}
