/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.deploy;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The deployable schedule files and the documentation as an operator installs and reads
 * them: systemd accepts the units, the cron file is one for {@code /etc/cron.d}, the
 * environment file's example keeps the format both schedulers read alike, and every
 * relative link in the README, {@code docs/} and {@code jobs/} leads to a file of the
 * repository.
 */
class ScheduleFilesTests {

	private static final Path SCHEDULE = Path.of("jobs", "schedule");

	/** A markdown link's target: {@code [text](target)}. */
	private static final Pattern MARKDOWN_LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");

	/** A file of the repository named in a comment, e.g. {@code docs/DESIGN.md}. */
	private static final Pattern MENTIONED_FILE = Pattern
		.compile("(?<![\\w/.:-])((?:\\.\\./|\\./)*[\\w.-]+(?:/[\\w.-]+)*\\.(?:md|yml))\\b");

	@Test
	void systemdAcceptsTheServiceAndTheTimer() throws Exception {
		Optional<Path> analyze = onPath("systemd-analyze");
		assumeTrue(analyze.isPresent(),
				"systemd-analyze is not installed (Debian: apt-get install systemd; " + ".ci/run installs it)");
		assumeTrue(Files.isExecutable(Path.of("/usr/bin/java")),
				"the service starts /usr/bin/java, which this host lacks");

		Process verify = new ProcessBuilder(analyze.get().toString(), "verify", "--man=no",
				SCHEDULE.resolve("crm-salesforce-sync.service").toAbsolutePath().toString(),
				SCHEDULE.resolve("crm-salesforce-sync.timer").toAbsolutePath().toString())
			.redirectErrorStream(true)
			.start();
		assertThat(verify.waitFor(2, TimeUnit.MINUTES)).isTrue();
		String output = new String(verify.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

		// not even a warning (an unknown key is only a warning to systemd)
		assertThat(verify.exitValue()).as(output).isZero();
		assertThat(output).isEmpty();
	}

	@Test
	void theServiceStartsWhereNodeExporterIsAbsent() throws IOException {
		List<String> readWrite = Files.readAllLines(SCHEDULE.resolve("crm-salesforce-sync.service"))
			.stream()
			.filter((line) -> line.startsWith("ReadWritePaths="))
			.toList();

		assertThat(readWrite).singleElement()
			.isEqualTo("ReadWritePaths=/opt/crm-salesforce-sync -/var/lib/node_exporter/textfile_collector");
	}

	@Test
	void theCronFileIsOneForEtcCronDAndItsCommandIsTheInstalledScript() throws IOException {
		List<String> entries = NightlyRunFunctionalTests.cronEntries();

		assertThat(entries).singleElement().satisfies((entry) -> {
			String[] fields = entry.split("\\s+", 7);
			assertThat(fields).hasSize(7);
			assertThat(fields[5]).as("the user field of /etc/cron.d").isEqualTo("crmsync");
			assertThat(fields[6]).isEqualTo("/opt/crm-salesforce-sync/bin/crm-salesforce-sync-nightly");
		});
		assertThat(Files.readString(SCHEDULE.resolve("crm-salesforce-sync.cron"))).doesNotContain("crontab -e    and")
			.contains("/etc/cron.d");
		for (String script : List.of("crm-salesforce-sync", "crm-salesforce-sync-nightly")) {
			assertThat(SCHEDULE.resolve(script)).isExecutable();
		}
	}

	@Test
	void theEnvironmentFileExampleIsInTheFormatBothSchedulersReadAlike() throws IOException {
		List<String> assignments = Files.readAllLines(SCHEDULE.resolve("crm-salesforce-sync.env.example"))
			.stream()
			.filter((line) -> !line.isEmpty() && !line.startsWith("#") && !line.startsWith(";"))
			.toList();

		assertThat(assignments).isNotEmpty()
			.allSatisfy(
					(line) -> assertThat(line).matches("[A-Za-z_][A-Za-z0-9_]*=[^\"'\\s\\\\]([^\\\\]*[^\\s\\\\])?"));
	}

	@Test
	void theEnvironmentFileExamplesJvmOptionsStartThisJdk() throws IOException, InterruptedException {
		// the options the schedulers split at spaces and pass to java: a misspelt or
		// unsupported one stops every run before it starts
		String javaOpts = Files.readAllLines(SCHEDULE.resolve("crm-salesforce-sync.env.example"))
			.stream()
			.filter((line) -> line.startsWith("JAVA_OPTS="))
			.findFirst()
			.orElseThrow()
			.substring("JAVA_OPTS=".length());
		assertThat(javaOpts).contains("-XX:TieredStopAtLevel=1");
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(List.of(javaOpts.split(" +")));
		command.add("-version");
		Process java = new ProcessBuilder(command).redirectErrorStream(true).start();
		String output = new String(java.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(java.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(java.exitValue()).as(output).isZero();
		assertThat(output).doesNotContain("warning", "Unrecognized", "ignoring option");
	}

	@Test
	void everyLinkInTheReadmeDocsAndJobsLeadsToAFileOfTheRepository() throws IOException {
		Path root = Path.of("").toAbsolutePath();
		List<Path> documents = new ArrayList<>(List.of(root.resolve("README.md")));
		for (String dir : List.of("docs", "jobs")) {
			try (Stream<Path> files = Files.walk(root.resolve(dir))) {
				files.filter(Files::isRegularFile).forEach(documents::add);
			}
		}
		assertThat(documents).contains(root.resolve("docs/DESIGN.md"), root.resolve("jobs/schedule/README.md"));

		List<String> broken = new ArrayList<>();
		int links = 0;
		for (Path document : documents) {
			String text = Files.readString(document);
			List<String> targets = new ArrayList<>();
			Matcher link = MARKDOWN_LINK.matcher(text);
			while (link.find()) {
				targets.add(link.group(1));
			}
			Matcher mention = MENTIONED_FILE.matcher(text);
			while (mention.find()) {
				targets.add(mention.group(1));
			}
			for (String target : targets) {
				if (target.matches("[a-z]+:.*") || target.startsWith("#")) {
					continue; // an address elsewhere, or a heading of this page
				}
				links++;
				String file = target.replaceFirst("#.*$", "");
				// relative to the document, or (a name in a comment) to the repository
				Path fromDocument = document.getParent().resolve(file).normalize();
				Path fromRoot = root.resolve(file).normalize();
				boolean found = (fromDocument.startsWith(root) && Files.exists(fromDocument))
						|| (!target.startsWith(".") && Files.exists(fromRoot));
				if (!found) {
					broken.add(root.relativize(document) + ": " + target);
				}
			}
		}
		assertThat(links).isGreaterThan(10);
		assertThat(broken).isEmpty();
	}

	private static Optional<Path> onPath(String name) {
		return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
			.map((dir) -> Path.of(dir, name))
			.filter(Files::isExecutable)
			.findFirst();
	}

}
