/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The product's command line (DESIGN.md §5). Spring properties may be given as
 * {@code --name=value} arguments anywhere on the line (e.g.
 * {@code --spring.datasource.url=...}); they go to the Spring application, the rest to
 * the commands.
 */
@Command(name = "crm-salesforce-sync", mixinStandardHelpOptions = true, version = "crm-salesforce-sync 0.1.0",
		description = "Keeps a Lead Gen & CRM database and one Salesforce org in step.",
		subcommands = { DemoCommand.class, RunCommand.class, RestartCommand.class, StatusCommand.class,
				ReportCommand.class, ConnectCommand.class, DisconnectCommand.class, ResetOrgCommand.class,
				EmulatorCommand.class, BenchCommand.class, WorkerCommand.class },
		footer = { "", "Spring properties (sync.*, spring.*, logging.*) may be passed as --name=value." })
public class SyncCommandLine implements Runnable {

	private static final Pattern SPRING_PROPERTY = Pattern.compile("--(spring|sync|logging|management)\\.[^=]+=.*");

	@CommandLine.Spec
	CommandLine.Model.CommandSpec spec;

	/**
	 * Parses and runs one command line.
	 * @param args the arguments as given
	 * @return the process exit code: 0 on success, non-zero for a failed run, a refusal
	 * or a bad argument
	 */
	public static int execute(String... args) {
		return execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
	}

	/**
	 * Parses and runs one command line, writing to the given streams.
	 * @param out standard output
	 * @param err standard error
	 * @param args the arguments as given
	 * @return the process exit code
	 */
	public static int execute(PrintWriter out, PrintWriter err, String... args) {
		List<String> springArgs = new ArrayList<>();
		List<String> commandArgs = new ArrayList<>();
		for (String arg : args) {
			(SPRING_PROPERTY.matcher(arg).matches() ? springArgs : commandArgs).add(arg);
		}
		CommandLine commandLine = new CommandLine(new SyncCommandLine(), new SpringAwareFactory(springArgs));
		commandLine.setCaseInsensitiveEnumValuesAllowed(true);
		commandLine.setOut(out);
		commandLine.setErr(err);
		commandLine.setExecutionExceptionHandler(SyncCommandLine::reportFailure);
		commandLine.setParameterExceptionHandler(SyncCommandLine::reportUsage);
		return commandLine.execute(commandArgs.toArray(String[]::new));
	}

	private static int reportFailure(Exception ex, CommandLine commandLine, CommandLine.ParseResult parseResult) {
		commandLine.getErr().println("error: " + OneLineReason.of(ex));
		OneLineReason.problems(ex).forEach((problem) -> commandLine.getErr().println("  - " + problem));
		return Refusals.exitCode(ex);
	}

	private static int reportUsage(CommandLine.ParameterException ex, String[] args) {
		CommandLine commandLine = ex.getCommandLine();
		commandLine.getErr().println("error: " + ex.getMessage());
		CommandLine.UnmatchedArgumentException.printSuggestions(ex, commandLine.getErr());
		commandLine.usage(commandLine.getErr());
		return ExitCodes.USAGE;
	}

	@Override
	public void run() {
		// no command given: that is a usage error, not a silent success
		throw new CommandLine.ParameterException(this.spec.commandLine(), "Missing command");
	}

	/**
	 * Hands the Spring property arguments to every command that starts the application.
	 */
	private record SpringAwareFactory(List<String> springArgs) implements CommandLine.IFactory {

		@Override
		public <K> K create(Class<K> type) throws Exception {
			K instance = CommandLine.defaultFactory().create(type);
			if (instance instanceof DatabaseCommand command) {
				command.springArgs = this.springArgs;
			}
			return instance;
		}

	}

}
