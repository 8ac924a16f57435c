/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.emulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.net.ssl.SSLContext;

import com.crmsync.emulator.bulk.BulkHttpHandler;
import com.crmsync.emulator.bulk.BulkJobs;
import com.crmsync.emulator.cost.CostModel;
import com.crmsync.emulator.cost.CostProfile;
import com.crmsync.emulator.faults.ApiUsage;
import com.crmsync.emulator.faults.EmulatorFaults;
import com.crmsync.emulator.http.ControlHttpHandler;
import com.crmsync.emulator.http.SelfSignedTls;
import com.crmsync.emulator.http.SoapHttpHandler;
import com.crmsync.emulator.oauth.ClientAppKey;
import com.crmsync.emulator.oauth.ExternalClientApp;
import com.crmsync.emulator.oauth.TokenEndpoint;
import com.crmsync.emulator.org.EmulatorOrg;
import com.crmsync.emulator.org.StandardSchema;
import com.crmsync.emulator.org.WriteClock;
import com.crmsync.emulator.query.QueryCursors;
import com.crmsync.emulator.query.QueryLog;
import com.crmsync.emulator.query.SoqlQueryExecutor;
import com.crmsync.emulator.seed.OrgSeeder;
import com.crmsync.emulator.session.SessionRegistry;
import com.crmsync.emulator.soap.OrgIdentity;
import com.crmsync.emulator.soap.PartnerApi;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

/**
 * An emulator of the Salesforce SOAP partner API and Bulk API 1.0 (v65.0) on 127.0.0.1: a
 * real HTTP(S) server that force-wsc's {@code PartnerConnection} and
 * {@code BulkConnection} talk to as they would to Salesforce. Log in with OAuth 2.0 at
 * {@link #tokenUrl()} (JWT bearer or client credentials of the org's External Client App)
 * and use the access token as the session at
 * {@code <instance_url>/services/Soap/u/65.0/<orgId15>} and at {@link #bulkUrl()}; or,
 * deprecated, with SOAP {@code login} at {@link #loginUrl()} (API 64.0: {@code login} is
 * refused from 65.0 on, as in Salesforce). Requests cost what the settings'
 * {@link CostProfile} says; {@link #controlUrl()} lets another process inject faults and
 * read the API usage.
 * <p>
 * Test hooks: {@link #org()} reads and writes records directly, {@link #faults()} injects
 * faults, {@link #apiCalls()} and {@link #calls(String)} count calls.
 */
public final class SalesforceEmulator implements AutoCloseable {

	/** The last API version with SOAP {@code login}. */
	private static final String LOGIN_PATH = "/services/Soap/u/64.0";

	static {
		// The JDK server leaves Nagle's algorithm on: the last small chunk of every
		// response then waits for the client's delayed ACK (~40 ms a call). The property
		// is read once, when the JVM's first HTTP server is created.
		if (System.getProperty("sun.net.httpserver.nodelay") == null) {
			System.setProperty("sun.net.httpserver.nodelay", "true");
		}
	}

	private final EmulatorSettings settings;

	private final EmulatorOrg org;

	private final EmulatorFaults faults;

	private final ApiUsage usage;

	private final QueryLog queries;

	private final CostModel costs;

	private final BulkJobs bulkJobs;

	private final SessionRegistry sessions;

	private final QueryCursors cursors;

	private final HttpServer server;

	private final ExecutorService executor;

	private final SelfSignedTls tls;

	private final ExternalClientApp clientApp;

	private SalesforceEmulator(EmulatorSettings settings) throws IOException, GeneralSecurityException {
		this.settings = settings;
		this.org = new EmulatorOrg(StandardSchema.create(), new WriteClock(settings.clock()), settings.username());
		if (settings.records() > 0) {
			new OrgSeeder(this.org, settings.seed()).seed(settings.records());
		}
		this.faults = new EmulatorFaults();
		this.costs = new CostModel(settings.costs());
		this.org.setLockContention(this.faults::nextRecordLocked);
		this.usage = new ApiUsage(settings.apiLimit());
		this.sessions = new SessionRegistry(settings.clock(), settings.sessionLifetime(), settings.orgId());
		this.cursors = new QueryCursors(settings.clock());
		OrgIdentity identity = new OrgIdentity(settings.orgId(), settings.username(), settings.password(),
				settings.sessionLifetime().toSeconds(), settings.securityToken());
		this.clientApp = new ExternalClientApp(
				settings.oauthClientId(), settings.oauthClientSecret(), (settings.oauthCertificate() != null)
						? ClientAppKey.ofCertificate(settings.oauthCertificate()) : ClientAppKey.generatedOnDemand(),
				settings.tokenLifetime());
		this.queries = new QueryLog(new SoqlQueryExecutor(this.org.schema(), this.org));
		PartnerApi api = new PartnerApi(identity, this.org, this.sessions, this.queries, this.cursors, this::baseUrl,
				this.costs);
		InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), settings.port());
		if (settings.https()) {
			this.tls = SelfSignedTls.generate();
			HttpsServer https = HttpsServer.create(address, 256);
			https.setHttpsConfigurator(new HttpsConfigurator(this.tls.serverContext()));
			this.server = https;
		}
		else {
			this.tls = null;
			this.server = HttpServer.create(address, 256);
		}
		this.server.createContext("/services/Soap/u/",
				new SoapHttpHandler(api, this.sessions, this.usage, this.faults, this.costs));
		this.bulkJobs = new BulkJobs(this.org, this.costs, this.faults, settings.costs().bulkParallelism());
		this.server.createContext(BulkHttpHandler.PATH,
				new BulkHttpHandler(this.bulkJobs, this.sessions, this.usage, this.faults, this.costs));
		this.server.createContext(ControlHttpHandler.PATH, new ControlHttpHandler(this.faults, this.usage,
				(operation) -> api.supports(operation) || operation.equals(BulkHttpHandler.OPERATION)));
		this.server.createContext(TokenEndpoint.PATH,
				new TokenEndpoint(this.clientApp, settings.orgId(), settings.username(), this.sessions, this.usage,
						this.faults, this.costs, settings.clock(), this::baseUrl));
		this.executor = requestThreads(settings.costs());
		this.server.setExecutor(this.executor);
		this.server.start();
	}

	/**
	 * Starts an emulator.
	 * @param settings the settings
	 * @return the running emulator
	 * @throws UncheckedIOException when the port cannot be bound or TLS set up
	 */
	public static SalesforceEmulator start(EmulatorSettings settings) {
		try {
			return new SalesforceEmulator(settings);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Could not set up TLS", ex);
		}
	}

	/**
	 * The threads serving requests: a fixed pool when requests cost nothing (they are
	 * served in microseconds), else a thread per waiting request, so that requests queue
	 * in the cost model's line (the org's cap) and not in front of the server.
	 */
	private static ExecutorService requestThreads(CostProfile costs) {
		if (costs.isFree()) {
			return Executors.newFixedThreadPool(Math.max(8, 4 * Runtime.getRuntime().availableProcessors()),
					daemonThreads());
		}
		return Executors.newCachedThreadPool(daemonThreads());
	}

	private static ThreadFactory daemonThreads() {
		AtomicInteger count = new AtomicInteger();
		return (runnable) -> {
			Thread thread = new Thread(runnable, "sf-emulator-" + count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		};
	}

	/**
	 * The bound port.
	 * @return the port
	 */
	public int port() {
		return this.server.getAddress().getPort();
	}

	/**
	 * The org's instance URL, which is also its login host for OAuth 2.0 (what
	 * {@code sync.salesforce.login-url} takes for {@code jwt-bearer} and
	 * {@code client-credentials}, and a JWT's accepted {@code aud}).
	 * @return {@code http(s)://127.0.0.1:<port>}
	 */
	public String baseUrl() {
		return (this.settings.https() ? "https" : "http") + "://127.0.0.1:" + port();
	}

	/**
	 * The OAuth 2.0 token endpoint.
	 * @return {@code http(s)://127.0.0.1:<port>/services/oauth2/token}
	 */
	public String tokenUrl() {
		return baseUrl() + TokenEndpoint.PATH;
	}

	/**
	 * The deprecated SOAP login endpoint, for {@code ConnectorConfig.setAuthEndpoint}:
	 * API 64.0, the last version with {@code login}.
	 * @return {@code http(s)://127.0.0.1:<port>/services/Soap/u/64.0}
	 */
	public String loginUrl() {
		return baseUrl() + LOGIN_PATH;
	}

	/**
	 * The Bulk API endpoint, for {@code ConnectorConfig.setRestEndpoint}.
	 * @return {@code http(s)://127.0.0.1:<port>/services/async/65.0}
	 */
	public String bulkUrl() {
		return baseUrl() + BulkHttpHandler.PATH + "65.0";
	}

	/**
	 * The control endpoint's base: {@code POST}/{@code DELETE .../faults},
	 * {@code GET .../usage}.
	 * @return {@code http(s)://127.0.0.1:<port>/emulator}
	 */
	public String controlUrl() {
		return baseUrl() + "/emulator";
	}

	/**
	 * The External Client App's consumer key.
	 * @return the client id
	 */
	public String oauthClientId() {
		return this.clientApp.clientId();
	}

	/**
	 * The External Client App's consumer secret (client credentials).
	 * @return the secret
	 */
	public String oauthClientSecret() {
		return this.clientApp.clientSecret();
	}

	/**
	 * The private key of the key pair the emulator generated for JWT bearer assertions
	 * (when it was given no certificate): a PEM PKCS#8 file only its owner may read,
	 * written on first call and deleted when the emulator closes.
	 * @return the file, or empty when the emulator was given a certificate
	 */
	public Optional<Path> oauthPrivateKey() {
		return this.clientApp.key().privateKeyFile();
	}

	/**
	 * The PKCS12 trust store holding the server's certificate (password
	 * {@code changeit}).
	 * @return the path
	 * @throws IllegalStateException when the emulator serves plain HTTP
	 */
	public Path trustStore() {
		return tls().trustStore();
	}

	/**
	 * A client TLS context trusting the server's certificate, e.g. for
	 * {@code ConnectorConfig.setSslContext}.
	 * @return the context
	 * @throws IllegalStateException when the emulator serves plain HTTP
	 */
	public SSLContext clientSslContext() {
		try {
			return tls().clientContext();
		}
		catch (IOException | GeneralSecurityException ex) {
			throw new IllegalStateException("Could not read the trust store", ex);
		}
	}

	private SelfSignedTls tls() {
		if (this.tls == null) {
			throw new IllegalStateException("The emulator serves plain HTTP");
		}
		return this.tls;
	}

	/**
	 * The org's data, for test set-up and assertions.
	 * @return the org
	 */
	public EmulatorOrg org() {
		return this.org;
	}

	/**
	 * Fault injection.
	 * @return the faults
	 */
	public EmulatorFaults faults() {
		return this.faults;
	}

	/**
	 * The cost model requests are charged to (its peak concurrency and modelled time).
	 * @return the cost model
	 */
	public CostModel costs() {
		return this.costs;
	}

	/**
	 * The org's bulk jobs (how many batches were processed at once).
	 * @return the bulk jobs
	 */
	public BulkJobs bulkJobs() {
		return this.bulkJobs;
	}

	/**
	 * The API requests counted toward the limit (every call with a valid session).
	 * @return the count
	 */
	public long apiCalls() {
		return this.usage.used();
	}

	/**
	 * Changes the API request limit while running.
	 * @param limit the new limit
	 */
	public void setApiLimit(long limit) {
		this.usage.setLimit(limit);
	}

	/**
	 * Calls received of one operation, faulted ones included.
	 * @param operation e.g. {@code create}, {@code upsert}, {@code query}
	 * @return the count
	 */
	public long calls(String operation) {
		return this.usage.calls(operation);
	}

	/**
	 * Calls received per operation.
	 * @return operation to count
	 */
	public Map<String, Long> callsByOperation() {
		return this.usage.callsByOperation();
	}

	/**
	 * Keeps the SOQL queries received from now on ({@link #queries()}); they are not kept
	 * unless a test asks.
	 */
	public void logQueries() {
		this.queries.start();
	}

	/**
	 * The SOQL queries received ({@code query}, {@code queryAll}; the latest 10,000)
	 * since {@link #logQueries()}, in the order they arrived, each with when.
	 * @return the queries, oldest first
	 */
	public List<QueryLog.Query> queries() {
		return this.queries.queries();
	}

	/**
	 * Ends every session and revokes every access token, as if they had timed out.
	 */
	public void expireSessions() {
		this.sessions.expireAll();
	}

	/**
	 * Releases every query cursor: outstanding query locators become invalid.
	 */
	public void releaseQueryCursors() {
		this.cursors.clear();
	}

	/**
	 * Stops the server.
	 */
	@Override
	public void close() {
		this.server.stop(0);
		this.bulkJobs.close();
		this.clientApp.key().close();
		this.executor.shutdownNow();
		try {
			this.executor.awaitTermination(5, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
