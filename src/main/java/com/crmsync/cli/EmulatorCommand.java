/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The Salesforce emulator alone.
 */
@Command(name = "emulator", mixinStandardHelpOptions = true, description = "Runs the Salesforce emulator alone.")
public class EmulatorCommand implements Callable<Integer> {

	@Option(names = "--port", required = true, description = "The port to listen on.")
	int port;

	@Override
	public Integer call() {
		System.err.println("emulator: not yet available");
		return ExitCodes.FAILED;
	}

}
