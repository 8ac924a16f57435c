/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync;

import com.crmsync.cli.SyncCommandLine;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The nightly sync between the Lead Gen &amp; CRM database and one Salesforce org. The
 * command line comes first (so a bad argument never starts a database); each command then
 * starts this Spring application, which migrates the database before anything else.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class CrmSalesforceSyncApplication {

	public static void main(String[] args) {
		System.exit(SyncCommandLine.execute(args));
	}

}
