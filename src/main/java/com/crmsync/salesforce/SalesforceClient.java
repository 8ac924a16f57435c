/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.salesforce;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Calendar;
import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.TimeZone;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import javax.xml.namespace.QName;

import com.crmsync.salesforce.login.ClientCredentialsLogin;
import com.crmsync.salesforce.login.JwtBearerLogin;
import com.crmsync.salesforce.login.LoginFailedException;
import com.crmsync.salesforce.login.LoginUnavailableException;
import com.crmsync.salesforce.login.OrgLogin;
import com.crmsync.salesforce.login.OrgSession;
import com.crmsync.salesforce.login.PrivateKeys;
import com.crmsync.salesforce.login.SoapLogin;
import com.sforce.async.AsyncApiException;
import com.sforce.async.AsyncExceptionCode;
import com.sforce.async.BulkConnection;
import com.sforce.soap.partner.DeletedRecord;
import com.sforce.soap.partner.DescribeSObjectResult;
import com.sforce.soap.partner.Field;
import com.sforce.soap.partner.GetDeletedResult;
import com.sforce.soap.partner.LimitInfo;
import com.sforce.soap.partner.LimitInfoHeader_element;
import com.sforce.soap.partner.PartnerConnection;
import com.sforce.soap.partner.QueryResult;
import com.sforce.soap.partner.SaveResult;
import com.sforce.soap.partner.SessionHeader_element;
import com.sforce.soap.partner.UpsertResult;
import com.sforce.soap.partner.fault.ApiFault;
import com.sforce.soap.partner.fault.ExceptionCode;
import com.sforce.soap.partner.sobject.SObject;
import com.sforce.ws.ConnectionException;
import com.sforce.ws.ConnectorConfig;
import com.sforce.ws.SessionRenewer;
import com.sforce.ws.bind.XmlObject;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryListener;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryState;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.core.retry.Retryable;
import org.springframework.util.backoff.BackOffExecution;

/**
 * The sync's only door to Salesforce: a force-wsc {@link PartnerConnection} behind calls
 * that speak the sync's own types. It logs in the way {@code sync.salesforce.auth} says
 * (OAuth 2.0 JWT bearer or client credentials; the deprecated SOAP login) and uses the
 * session on the instance's API 65.0 endpoint. Every call is counted; retried with
 * back-off by Spring's {@link RetryTemplate} when its failure is transient
 * ({@link TransientFaults}), and per record on {@code UNABLE_TO_LOCK_ROW}; on an expired
 * or revoked session ({@code INVALID_SESSION_ID}) force-wsc's {@link SessionRenewer} logs
 * in once more and sends the call again; and the run stops with
 * {@link ApiLimitReachedException} when the org refuses more requests or the run's share
 * of the daily limit is spent.
 */
public class SalesforceClient implements RecordSaves, AutoCloseable {

	/** The Partner API's most records per DML call. */
	public static final int MAX_DML_BATCH = 200;

	/** The Partner API's largest query page. */
	public static final int MAX_QUERY_BATCH = 2000;

	private static final Log logger = LogFactory.getLog(SalesforceClient.class);

	/** A Salesforce session id or access token: org id, "!", token. */
	private static final Pattern SESSION_ID = Pattern.compile("00D[0-9A-Za-z]{12,15}![0-9A-Za-z._-]+");

	private static final String OPERATION_LOGIN = "login";

	private final SalesforceProperties properties;

	private final ApiCallCounter counter;

	private final OrgLogin orgLogin;

	private final RetryPolicy retryPolicy;

	private final RetryTemplate retryTemplate;

	/** The operation a thread is calling, which force-wsc sends again after a renewal. */
	private final ThreadLocal<String> operationInFlight = new ThreadLocal<>();

	/**
	 * When the call a thread is making was sent ({@link System#nanoTime()}), so that a
	 * call that finds its session expired can tell whether another call renewed it since.
	 */
	private final ThreadLocal<Long> callSentAt = new ThreadLocal<>();

	private volatile PartnerConnection connection;

	private volatile OrgSession session;

	/** When {@link #session} was obtained ({@link System#nanoTime()}). */
	private volatile long sessionObtainedAt;

	/** The objects described last, by name: every run describes its objects anew. */
	private final Map<String, ObjectDescription> described = new ConcurrentHashMap<>();

	private final int maxConcurrentCalls;

	/**
	 * The org's server time per record of the last bulk batch saved, 0 until one is:
	 * every step and partition writing in bulk starts polling its first batch at that
	 * pace.
	 */
	private volatile double bulkMillisPerRecord;

	/**
	 * How long the org's last bulk batches waited in its queue before it began saving
	 * them (a running average), 0 until one is known: a batch sent while the org works on
	 * as many as it takes at once waits about as long.
	 */
	private volatile long bulkQueueMillis;

	/**
	 * The time per record of this client's last SOAP saves (a running average), 0 until
	 * one is made: the org's pace before any bulk batch has told it.
	 */
	private volatile double soapSaveMillisPerRecord;

	/** Made on the first save that needs more than one call. */
	private volatile ExecutorService callThreads;

	// written by the call threads too
	private volatile long budgetBaseline;

	private volatile long dailyLimit;

	/**
	 * A client of the configured org.
	 * @param properties the org's settings
	 * @param counter the call counter
	 * @throws SalesforceSettingsException when the settings cannot be used to log in
	 */
	public SalesforceClient(SalesforceProperties properties, ApiCallCounter counter) {
		this(properties, counter, CallConcurrencyProperties.DEFAULT_CONCURRENT_CALLS);
	}

	/**
	 * A client of the configured org that has up to so many calls in flight at once.
	 * @param properties the org's settings
	 * @param counter the call counter
	 * @param maxConcurrentCalls calls at once
	 * @throws SalesforceSettingsException when the settings cannot be used to log in
	 */
	public SalesforceClient(SalesforceProperties properties, ApiCallCounter counter, int maxConcurrentCalls) {
		this(properties, counter, orgLogin(properties), maxConcurrentCalls);
	}

	SalesforceClient(SalesforceProperties properties, ApiCallCounter counter, OrgLogin orgLogin,
			int maxConcurrentCalls) {
		this.properties = properties;
		this.counter = counter;
		this.orgLogin = orgLogin;
		this.maxConcurrentCalls = maxConcurrentCalls;
		this.retryPolicy = RetryPolicy.builder()
			.maxRetries(properties.maxRetries())
			.delay(properties.retryBackoff())
			.multiplier(2)
			.maxDelay(properties.retryBackoff().multipliedBy(64))
			.predicate(TransientFaults::isTransient)
			.build();
		this.retryTemplate = new RetryTemplate(this.retryPolicy);
		this.retryTemplate.setRetryListener(new RetryLogging());
	}

	/**
	 * Checks the settings (every problem at once) and chooses the way of logging in.
	 * @param properties the settings
	 * @return the login
	 * @throws SalesforceSettingsException when the settings cannot be used
	 */
	static OrgLogin orgLogin(SalesforceProperties properties) {
		requireUsable(properties);
		return switch (properties.auth()) {
			case JWT_BEARER -> JwtBearerLogin.of(properties.loginUrl(), properties.clientId(), properties.username(),
					properties.privateKey(), properties.connectTimeout(), properties.readTimeout());
			case CLIENT_CREDENTIALS -> ClientCredentialsLogin.of(properties.loginUrl(), properties.clientId(),
					properties.clientSecret(), properties.connectTimeout(), properties.readTimeout());
			case SOAP_LOGIN -> new SoapLogin(properties.loginUrl(), properties.username(), properties.password(),
					properties.connectTimeout(), properties.readTimeout());
		};
	}

	/**
	 * Refuses settings that cannot be used to log in, before anything is created.
	 * @param properties the settings
	 * @throws SalesforceSettingsException listing every problem
	 */
	public static void requireUsable(SalesforceProperties properties) {
		List<String> problems = properties.problems();
		if (!problems.isEmpty()) {
			throw new SalesforceSettingsException(problems);
		}
	}

	/**
	 * Logs in (once; later calls reuse the session, which is renewed when it expires),
	 * warning in the log when the way of logging in is deprecated or the private key file
	 * is readable by other users.
	 * @return the organization id of the org logged in to
	 * @throws com.crmsync.salesforce.login.LoginRefusedException when the org refuses the
	 * login
	 * @throws com.crmsync.salesforce.login.LoginFailedException when the login fails
	 * otherwise (after retries where the failure was transient)
	 */
	public synchronized String login() {
		deprecationWarning().ifPresent(logger::warn);
		if (this.properties.auth() == SalesforceAuth.JWT_BEARER
				&& PrivateKeys.readableByOthers(this.properties.privateKey())) {
			logger.warn("sync.salesforce.private-key " + this.properties.privateKey()
					+ " can be read by other users than its owner; restrict it (chmod 600)");
		}
		if (this.connection == null) {
			OrgSession fresh = acquireSession();
			this.connection = connect(fresh);
			this.session = fresh;
			this.sessionObtainedAt = System.nanoTime();
			logger.info("Logged in to Salesforce org " + fresh.orgId() + " (" + this.orgLogin.method() + ") at "
					+ fresh.instanceUrl());
		}
		return this.session.orgId();
	}

	/**
	 * The warning every run using a deprecated way of logging in carries, in its log and
	 * its report.
	 * @return the warning, or empty for OAuth
	 */
	public Optional<String> deprecationWarning() {
		return (this.properties.auth() == SalesforceAuth.SOAP_LOGIN) ? Optional.of(SoapLogin.DEPRECATION)
				: Optional.empty();
	}

	/**
	 * Starts a new run's API budget at the calls made so far.
	 */
	public synchronized void startBudget() {
		this.budgetBaseline = this.counter.total();
	}

	/**
	 * One login, counted as a {@code login} call and retried when transient.
	 */
	private OrgSession acquireSession() {
		return retry(OPERATION_LOGIN, () -> {
			this.counter.record(OPERATION_LOGIN);
			return this.orgLogin.login();
		});
	}

	private PartnerConnection connect(OrgSession session) {
		ConnectorConfig config = new ConnectorConfig();
		config.setAuthEndpoint(session.serviceEndpoint());
		config.setServiceEndpoint(session.serviceEndpoint());
		config.setSessionId(session.sessionId());
		config.setManualLogin(true);
		config.setCompression(true);
		config.setConnectionTimeout((int) this.properties.connectTimeout().toMillis());
		config.setReadTimeout((int) this.properties.readTimeout().toMillis());
		config.setSessionRenewer(new SessionRenewal());
		try {
			return new PartnerConnection(config);
		}
		catch (ConnectionException ex) {
			throw translate("login", ex);
		}
	}

	/**
	 * Salesforce's clock, the upper watermark of a run.
	 * @return the server time
	 */
	public Instant serverTime() {
		return call("getServerTimestamp", () -> this.connection.getServerTimestamp().getTimestamp().toInstant());
	}

	/**
	 * The records of an object deleted within a window ({@code getDeleted}): those in the
	 * recycle bin and those purged from it, which no query finds any more. Salesforce
	 * covers whole minutes and keeps its delete log about 15 days: a window reaching back
	 * further fails with {@code INVALID_REPLICATION_DATE}.
	 * @param objectName the object
	 * @param start the window's start
	 * @param end the window's end (Salesforce covers it up to its current minute)
	 * @return the ids of the deleted records, in no particular order
	 * @throws SalesforceException with the fault's code when Salesforce refuses the
	 * window
	 */
	public List<String> deletedIds(String objectName, Instant start, Instant end) {
		return call("getDeleted", () -> {
			GetDeletedResult result = this.connection.getDeleted(objectName, calendar(start), calendar(end));
			List<String> ids = new ArrayList<>();
			for (DeletedRecord record : (result.getDeletedRecords() != null) ? result.getDeletedRecords()
					: new DeletedRecord[0]) {
				ids.add(record.getId());
			}
			return ids;
		});
	}

	private static Calendar calendar(Instant instant) {
		Calendar calendar = Calendar.getInstance(TimeZone.getTimeZone("UTC"));
		calendar.setTimeInMillis(instant.toEpochMilli());
		return calendar;
	}

	/**
	 * Describes objects, up to 100 per call.
	 * @param objectNames the objects
	 * @return their descriptions by name
	 */
	public Map<String, ObjectDescription> describe(Collection<String> objectNames) {
		Map<String, ObjectDescription> descriptions = new LinkedHashMap<>();
		List<String> names = List.copyOf(objectNames);
		for (int from = 0; from < names.size(); from += 100) {
			String[] batch = names.subList(from, Math.min(names.size(), from + 100)).toArray(String[]::new);
			DescribeSObjectResult[] results = call("describeSObjects", () -> this.connection.describeSObjects(batch));
			for (DescribeSObjectResult result : results) {
				Map<String, FieldDescription> fields = new LinkedHashMap<>();
				for (Field field : result.getFields()) {
					fields.put(field.getName(),
							new FieldDescription(field.getName(), field.getType().toString(), field.getLength(),
									field.isCreateable(), field.isUpdateable(), field.isNillable(),
									field.isDefaultedOnCreate(), field.isExternalId(), field.isUnique()));
				}
				ObjectDescription description = new ObjectDescription(result.getName(), fields);
				descriptions.put(result.getName(), description);
				this.described.put(result.getName(), description);
			}
		}
		return descriptions;
	}

	/**
	 * One object as this run described it, or as one {@code describeSObjects} call
	 * describes it now when it was not (a step restarted in a new process).
	 * @param objectName the object
	 * @return its description
	 */
	public ObjectDescription description(String objectName) {
		ObjectDescription description = this.described.get(objectName);
		return (description != null) ? description : describe(List.of(objectName)).get(objectName);
	}

	/**
	 * Runs a query and pages through its result lazily at the API's largest page size:
	 * one {@code query} call, then one {@code queryMore} per 2,000 records, only as far
	 * as the caller reads.
	 * @param soql the query; values in it must be escaped with {@link Soql#quote(String)}
	 * @param includeDeleted {@code queryAll}: deleted and merged records too
	 * @return the records
	 */
	public QueryResults query(String soql, boolean includeDeleted) {
		return new QueryPager(soql, includeDeleted);
	}

	/**
	 * Asks for something before it is needed, so that the round trip overlaps the
	 * caller's work until then (a step's delete log while its first pass reads, the
	 * server's clock while the mappings are checked): on a call thread of its own when
	 * the client may have more than one call in flight; held to one call at a time
	 * ({@code sync.salesforce.max-concurrent-calls=1}), only when the answer is first
	 * asked for. The calls made are counted, budgeted and retried as any other; a failure
	 * is thrown to whoever asks for the answer, and an answer never asked for costs the
	 * calls made for it.
	 * @param <T> the answer
	 * @param calls the calls, through this client
	 * @return the answer to come
	 */
	public <T> CallAhead<T> ahead(Supplier<T> calls) {
		return ahead(null, calls);
	}

	/**
	 * Asks ahead, as {@link #ahead(Supplier)}, for a later step: the calls count as that
	 * step's ({@link ApiCallCounter#takeMadeAheadFor}), not as those of the step running
	 * while they are made.
	 * @param <T> the answer
	 * @param step the step, {@link ApiCallCounter#step(long, String)}; {@code null} for
	 * the caller's own
	 * @param calls the calls, through this client
	 * @return the answer to come
	 */
	public <T> CallAhead<T> ahead(String step, Supplier<T> calls) {
		Supplier<T> counted = (step != null) ? () -> this.counter.madeAheadFor(step, calls) : calls;
		if (this.maxConcurrentCalls < 2) {
			return new CallAhead<>() {

				private T answer;

				private boolean asked;

				@Override
				public synchronized T get() {
					if (!this.asked) {
						this.answer = counted.get();
						this.asked = true;
					}
					return this.answer;
				}

			};
		}
		Future<T> answer = callThreads().submit(counted::get);
		return () -> waitFor(answer);
	}

	/**
	 * One Bulk API request through force-wsc's {@link BulkConnection} on the session's
	 * instance: counted, checked against the budget, retried when transient; on an
	 * expired or revoked session ({@code InvalidSessionId}) logged in again and sent once
	 * more.
	 * @param operation the request's name in the call counts, e.g. {@code bulk.createJob}
	 * @param headers request headers of this request only (e.g. the PK chunking header)
	 * @param call the request
	 * @return its answer
	 */
	<T> T bulkCall(String operation, Map<String, String> headers, BulkCall<T> call) {
		if (this.connection == null) {
			login();
		}
		checkBudget();
		return retry(operation, () -> {
			this.counter.record(operation);
			long sentAt = System.nanoTime();
			try {
				return call.run(bulkConnection(headers));
			}
			catch (AsyncApiException ex) {
				if (ex.getExceptionCode() != AsyncExceptionCode.InvalidSessionId) {
					throw ex;
				}
				renewedSince(sentAt);
				this.counter.record(operation);
				return call.run(bulkConnection(headers));
			}
		});
	}

	private BulkConnection bulkConnection(Map<String, String> headers) throws AsyncApiException {
		OrgSession current = this.session;
		ConnectorConfig config = new ConnectorConfig();
		config.setSessionId(current.sessionId());
		config.setRestEndpoint(current.instanceUrl() + "/services/async/" + OrgSession.API_VERSION);
		config.setCompression(true);
		config.setConnectionTimeout((int) this.properties.connectTimeout().toMillis());
		config.setReadTimeout((int) this.properties.readTimeout().toMillis());
		BulkConnection bulk = new BulkConnection(config);
		headers.forEach(bulk::addHeader);
		return bulk;
	}

	/**
	 * A session for a call sent at {@code sentAt} that found its session expired or
	 * revoked: the one another call obtained since, else a new one. Calls side by side
	 * that meet the same expired session so log in again once.
	 * @param sentAt when the call was sent ({@link System#nanoTime()})
	 * @return the session to send it again with
	 */
	private synchronized OrgSession renewedSince(long sentAt) {
		if (this.sessionObtainedAt - sentAt > 0) {
			return this.session;
		}
		logger.info("Salesforce session expired or revoked; logging in again");
		OrgSession fresh = acquireSession();
		this.connection.getConfig().setSessionId(fresh.sessionId());
		this.connection.getConfig().setServiceEndpoint(fresh.serviceEndpoint());
		this.connection.setSessionHeader(fresh.sessionId());
		this.session = fresh;
		this.sessionObtainedAt = System.nanoTime();
		return fresh;
	}

	/**
	 * Runs {@code head IN (values) tail} in as few queries as Salesforce's statement
	 * length allows ({@link Soql#inQueries}), one after the other as the caller reads.
	 * @param head the statement up to the field, e.g.
	 * {@code SELECT Id FROM Lead WHERE Id}
	 * @param values the values to look up
	 * @param tail what follows the list, or empty
	 * @param includeDeleted {@code queryAll}: deleted and merged records too
	 * @return the records
	 */
	public Iterator<SalesforceRecord> queryIn(String head, Collection<String> values, String tail,
			boolean includeDeleted) {
		Iterator<String> statements = Soql.inQueries(head, values, tail).iterator();
		return new Iterator<>() {

			private Iterator<SalesforceRecord> current = Collections.emptyIterator();

			@Override
			public boolean hasNext() {
				while (!this.current.hasNext() && statements.hasNext()) {
					this.current = query(statements.next(), includeDeleted);
				}
				return this.current.hasNext();
			}

			@Override
			public SalesforceRecord next() {
				if (!hasNext()) {
					throw new NoSuchElementException();
				}
				return this.current.next();
			}

		};
	}

	/**
	 * Creates records, {@value #MAX_DML_BATCH} in each call.
	 * @param records records of one type without ids
	 * @return one outcome per record, in order
	 */
	public List<RecordSaveResult> create(List<SalesforceRecord> records) {
		return saveWithRowLockRetries("create", records, (batch) -> toOutcomes(this.connection.create(batch)));
	}

	/**
	 * Updates records by id, {@value #MAX_DML_BATCH} in each call.
	 * @param records records with ids
	 * @return one outcome per record, in order
	 */
	@Override
	public List<RecordSaveResult> update(List<SalesforceRecord> records) {
		return saveWithRowLockRetries("update", records, (batch) -> toOutcomes(this.connection.update(batch)));
	}

	/**
	 * Creates or updates records by an external id field, {@value #MAX_DML_BATCH} in each
	 * call: replaying the same records never creates duplicates.
	 * @param externalIdField the external id field, e.g. {@code CRM_Event_Id__c}
	 * @param records the records, each with its external id set
	 * @return one outcome per record, in order
	 */
	@Override
	public List<RecordSaveResult> upsert(String externalIdField, List<SalesforceRecord> records) {
		return saveWithRowLockRetries("upsert", records,
				(batch) -> toOutcomes(this.connection.upsert(externalIdField, batch)));
	}

	/**
	 * The server time per record of the last bulk batch this org saved; before one is
	 * known, the time per record of this client's SOAP saves (the org runs the same
	 * triggers and rules for both; a call's round trip makes it a little longer), so a
	 * step's first batches are not polled ever more often from a few milliseconds on.
	 * @return milliseconds, 0 while neither is known
	 */
	double bulkMillisPerRecord() {
		double bulk = this.bulkMillisPerRecord;
		return (bulk > 0) ? bulk : this.soapSaveMillisPerRecord;
	}

	void bulkMillisPerRecord(double millis) {
		this.bulkMillisPerRecord = millis;
	}

	/**
	 * How long this org's last bulk batches waited in its queue, on average.
	 * @return milliseconds, 0 while none is known
	 */
	long bulkQueueMillis() {
		return this.bulkQueueMillis;
	}

	/**
	 * Takes in how long a batch just done waited in the org's queue: the average moves
	 * half way towards it, so it follows the org's load within a few batches.
	 * @param millis the batch's wait
	 */
	void bulkQueued(long millis) {
		this.bulkQueueMillis = (this.bulkQueueMillis + millis) / 2;
	}

	/**
	 * The back-off between sends of records Salesforce found locked, as the SOAP saves
	 * use it: the retry policy's.
	 * @return a new back-off
	 */
	BackOffExecution rowLockBackOff() {
		return this.retryPolicy.getBackOff().start();
	}

	/**
	 * The org's daily API request limit as the last response reported it, or 0 before
	 * any.
	 * @return the limit
	 */
	public long dailyLimit() {
		return this.dailyLimit;
	}

	/**
	 * The org's address, where its records open in a browser
	 * ({@code <instanceUrl>/<id>}): the instance URL of the session.
	 * @return e.g. {@code https://acme.my.salesforce.com}, or {@code null} before login
	 */
	public String instanceUrl() {
		OrgSession current = this.session;
		return (current != null) ? current.instanceUrl() : null;
	}

	/**
	 * Saves records in calls of at most {@value #MAX_DML_BATCH}, the API's maximum, so a
	 * chunk larger than one call still costs the fewest calls; up to
	 * {@code sync.salesforce.max-concurrent-calls} of them at once per chunk (the chunks
	 * of a partitioned step's partitions each send theirs: a pool shared by all capped a
	 * step's partitions at the calls of one chunk). Calls made side by side are counted
	 * one by one like any other; the API budget is checked before each, so a run may
	 * overrun it by the calls already in flight.
	 */
	private List<RecordSaveResult> saveWithRowLockRetries(String operation, List<SalesforceRecord> records,
			DmlCall dml) {
		List<List<SalesforceRecord>> batches = new ArrayList<>();
		for (int from = 0; from < records.size(); from += MAX_DML_BATCH) {
			batches.add(records.subList(from, Math.min(records.size(), from + MAX_DML_BATCH)));
		}
		List<RecordSaveResult> outcomes = new ArrayList<>(records.size());
		if (batches.size() < 2 || this.maxConcurrentCalls < 2) {
			batches.forEach((batch) -> outcomes.addAll(saveOneCall(operation, batch, dml)));
			return outcomes;
		}
		// the calls of different records go out side by side; every call is waited for
		// (none is left in flight when one fails), and the outcomes keep the records'
		// order
		Semaphore inFlight = new Semaphore(this.maxConcurrentCalls);
		List<Future<List<RecordSaveResult>>> calls = batches.stream().map((batch) -> {
			inFlight.acquireUninterruptibly();
			return callThreads().submit(() -> {
				try {
					return saveOneCall(operation, batch, dml);
				}
				finally {
					inFlight.release();
				}
			});
		}).toList();
		RuntimeException failure = null;
		for (Future<List<RecordSaveResult>> call : calls) {
			try {
				outcomes.addAll(waitFor(call));
			}
			catch (RuntimeException ex) {
				failure = (failure != null) ? failure : ex;
			}
		}
		if (failure != null) {
			throw failure;
		}
		return outcomes;
	}

	private void savedInSoap(int records, double millis) {
		double perRecord = millis / records;
		double known = this.soapSaveMillisPerRecord;
		this.soapSaveMillisPerRecord = (known > 0) ? (known + perRecord) / 2 : perRecord;
	}

	private static <T> T waitFor(Future<T> call) {
		boolean interrupted = false;
		try {
			while (true) {
				try {
					return call.get();
				}
				catch (InterruptedException ex) {
					// the call is on the wire: it is waited for all the same, so that its
					// outcome is known
					interrupted = true;
				}
				catch (ExecutionException ex) {
					if (ex.getCause() instanceof RuntimeException runtime) {
						throw runtime;
					}
					if (ex.getCause() instanceof Error error) {
						throw error;
					}
					throw new SalesforceException(null, "A call failed: " + ex.getCause(), ex.getCause());
				}
			}
		}
		finally {
			if (interrupted) {
				Thread.currentThread().interrupt();
			}
		}
	}

	private ExecutorService callThreads() {
		ExecutorService threads = this.callThreads;
		if (threads == null) {
			synchronized (this) {
				threads = this.callThreads;
				if (threads == null) {
					AtomicInteger number = new AtomicInteger();
					// as many threads as calls in flight: each chunk caps its own
					threads = Executors.newCachedThreadPool((task) -> {
						Thread thread = new Thread(task, "salesforce-call-" + number.incrementAndGet());
						thread.setDaemon(true);
						return thread;
					});
					this.callThreads = threads;
				}
			}
		}
		return threads;
	}

	/**
	 * Ends the threads of concurrent calls.
	 */
	@Override
	public void close() {
		ExecutorService threads = this.callThreads;
		if (threads != null) {
			threads.shutdown();
		}
	}

	/**
	 * One DML call, then again for the records Salesforce found locked
	 * ({@code UNABLE_TO_LOCK_ROW}) with the retry policy's back-off, until none is locked
	 * or the retries are spent (those records then keep their error).
	 */
	private List<RecordSaveResult> saveOneCall(String operation, List<SalesforceRecord> records, DmlCall dml) {
		RecordSaveResult[] outcomes = new RecordSaveResult[records.size()];
		List<Integer> pending = new ArrayList<>();
		for (int i = 0; i < records.size(); i++) {
			pending.add(i);
		}
		BackOffExecution backOff = this.retryPolicy.getBackOff().start();
		while (!pending.isEmpty()) {
			SObject[] batch = pending.stream().map((i) -> toSObject(records.get(i))).toArray(SObject[]::new);
			long started = System.nanoTime();
			List<RecordSaveResult> results = call(operation, () -> dml.save(batch));
			savedInSoap(batch.length, (System.nanoTime() - started) / 1e6);
			List<Integer> locked = new ArrayList<>();
			for (int k = 0; k < results.size(); k++) {
				RecordSaveResult outcome = results.get(k);
				int index = pending.get(k);
				outcomes[index] = outcome;
				if ("UNABLE_TO_LOCK_ROW".equals(outcome.statusCode())) {
					locked.add(index);
				}
			}
			long delay = locked.isEmpty() ? BackOffExecution.STOP : backOff.nextBackOff();
			if (delay != BackOffExecution.STOP) {
				logger.info(operation + ": " + locked.size() + " record(s) locked, retrying them");
				sleep(delay, "to retry");
			}
			pending = (delay != BackOffExecution.STOP) ? locked : List.of();
		}
		return Arrays.asList(outcomes);
	}

	private static List<RecordSaveResult> toOutcomes(SaveResult[] results) {
		List<RecordSaveResult> outcomes = new ArrayList<>(results.length);
		for (SaveResult result : results) {
			outcomes.add(new RecordSaveResult(result.getId(), result.isSuccess(), false, errors(result.getErrors())));
		}
		return outcomes;
	}

	private static List<RecordSaveResult> toOutcomes(UpsertResult[] results) {
		List<RecordSaveResult> outcomes = new ArrayList<>(results.length);
		for (UpsertResult result : results) {
			outcomes.add(new RecordSaveResult(result.getId(), result.isSuccess(), result.isCreated(),
					errors(result.getErrors())));
		}
		return outcomes;
	}

	private static List<RecordSaveResult.RecordError> errors(com.sforce.soap.partner.Error[] errors) {
		List<RecordSaveResult.RecordError> list = new ArrayList<>();
		if (errors != null) {
			for (com.sforce.soap.partner.Error error : errors) {
				list.add(new RecordSaveResult.RecordError(String.valueOf(error.getStatusCode()), error.getMessage(),
						(error.getFields() != null) ? List.of(error.getFields()) : List.of()));
			}
		}
		return list;
	}

	private static SObject toSObject(SalesforceRecord record) {
		SObject sobject = new SObject(record.type());
		if (record.id() != null) {
			sobject.setId(record.id());
		}
		record.fields().forEach((name, value) -> {
			if (value != null) {
				sobject.setField(name, value);
			}
		});
		if (!record.fieldsToNull().isEmpty()) {
			sobject.setFieldsToNull(record.fieldsToNull().stream().sorted().toArray(String[]::new));
		}
		return sobject;
	}

	static SalesforceRecord toRecord(SObject sobject) {
		// room for a merge's twenty-odd fields without growing
		Map<String, String> fields = new LinkedHashMap<>(64);
		flatten("", sobject, fields);
		String id = sobject.getId();
		fields.put("Id", id);
		return SalesforceRecord.of(sobject.getType(), id, fields);
	}

	private static void flatten(String prefix, XmlObject parent, Map<String, String> fields) {
		Iterator<XmlObject> children = parent.getChildren();
		while (children.hasNext()) {
			XmlObject child = children.next();
			String name = child.getName().getLocalPart();
			if ("type".equals(name)) {
				continue;
			}
			// the record's own fields keep the parser's names: no new string to hash
			String field = prefix.isEmpty() ? name : prefix + name;
			if (child.hasChildren()) {
				flatten(field + ".", child, fields);
			}
			else if (fields.get(field) == null) {
				// Salesforce repeats sf:Id in query results: keep the first non-nil value
				Object value = child.getValue();
				fields.put(field, (value != null) ? value.toString() : null);
			}
		}
	}

	/**
	 * One API call: counted (every attempt, and the attempt force-wsc sends again after
	 * renewing the session), checked against the budget, retried when transient.
	 */
	private <T> T call(String operation, ApiCall<T> call) {
		if (this.connection == null) {
			login();
		}
		checkBudget();
		T result = retry(operation, () -> {
			this.counter.record(operation);
			this.operationInFlight.set(operation);
			this.callSentAt.set(System.nanoTime());
			try {
				return call.run();
			}
			finally {
				this.operationInFlight.remove();
				this.callSentAt.remove();
			}
		});
		readLimits();
		return result;
	}

	/**
	 * Runs an attempt under the retry policy; a failure that is not retried, or the last
	 * one, becomes the sync's own exception.
	 */
	private <T> T retry(String operation, Attempt<T> attempt) {
		try {
			return this.retryTemplate.execute(new Retryable<T>() {

				@Override
				public T execute() throws Throwable {
					return attempt.run();
				}

				@Override
				public String getName() {
					return operation;
				}

			});
		}
		catch (RetryException ex) {
			throw failure(operation, ex.getCause());
		}
	}

	private static RuntimeException failure(String operation, Throwable failure) {
		if (failure instanceof ApiFault fault && fault.getExceptionCode() == ExceptionCode.REQUEST_LIMIT_EXCEEDED) {
			// the code leads the message: it is what the operator searches for
			return new ApiLimitReachedException("REQUEST_LIMIT_EXCEEDED",
					"REQUEST_LIMIT_EXCEEDED: Salesforce refused the request (" + mask(fault.getExceptionMessage())
							+ "); restart the execution once the org's limit allows");
		}
		if (failure instanceof ConnectionException ex) {
			return translate(operation, ex);
		}
		if (failure instanceof AsyncApiException ex) {
			String code = String.valueOf(ex.getExceptionCode());
			return new SalesforceException(code, operation + " failed: " + code + ": " + mask(ex.getExceptionMessage()),
					ex);
		}
		if (failure instanceof RuntimeException ex) {
			return ex;
		}
		if (failure instanceof Error error) {
			throw error;
		}
		return new SalesforceException(null, operation + " failed: " + failure.getClass().getSimpleName(), failure);
	}

	private void checkBudget() {
		if (this.dailyLimit <= 0) {
			return;
		}
		long budget = this.dailyLimit * this.properties.apiBudgetPercent() / 100;
		long spent = this.counter.total() - this.budgetBaseline;
		if (spent >= budget) {
			throw new ApiLimitReachedException("API_BUDGET_SPENT",
					"API_BUDGET_SPENT: this run spent its API budget: " + spent + " calls of " + budget + " ("
							+ this.properties.apiBudgetPercent() + "% of the org's daily limit of " + this.dailyLimit
							+ ")");
		}
	}

	private void readLimits() {
		LimitInfoHeader_element header = this.connection.getLimitInfoHeader();
		if (header == null || header.getLimitInfo() == null) {
			return;
		}
		for (LimitInfo info : header.getLimitInfo()) {
			if ("API REQUESTS".equals(info.getType())) {
				this.dailyLimit = info.getLimit();
			}
		}
	}

	/**
	 * Pauses the calling thread; an interrupt ends the wait as a failed call.
	 * @param millis how long
	 * @param waitingFor what for, for the failure's message ({@code to retry}, ...)
	 * @throws SalesforceException ({@code INTERRUPTED}) when interrupted
	 */
	static void sleep(long millis, String waitingFor) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new SalesforceException("INTERRUPTED", "Interrupted while waiting " + waitingFor);
		}
	}

	private static SalesforceException translate(String operation, ConnectionException ex) {
		if (ex instanceof ApiFault fault) {
			String code = String.valueOf(fault.getExceptionCode());
			return new SalesforceException(code,
					operation + " failed: " + code + ": " + mask(fault.getExceptionMessage()));
		}
		return new SalesforceException(null, operation + " failed: " + ex.getClass().getSimpleName()
				+ ((ex.getMessage() != null) ? ": " + mask(ex.getMessage()) : ""), ex);
	}

	/**
	 * Salesforce quotes a session id it does not know in its fault text: it must not
	 * reach a log, a report or the job repository.
	 */
	static String mask(String message) {
		return (message != null) ? SESSION_ID.matcher(message).replaceAll("******") : null;
	}

	/**
	 * Logs in again when force-wsc meets an expired or revoked session
	 * ({@code INVALID_SESSION_ID}), so that it sends the failed call once more with the
	 * new session; later calls use it too. The new login is counted, and so is the call
	 * sent again.
	 */
	private final class SessionRenewal implements SessionRenewer {

		@Override
		public SessionRenewalHeader renewSession(ConnectorConfig config) {
			Long sentAt = SalesforceClient.this.callSentAt.get();
			OrgSession fresh;
			try {
				fresh = renewedSince((sentAt != null) ? sentAt : System.nanoTime());
			}
			catch (LoginUnavailableException ex) {
				// already tried again: trying the whole call again would renew again
				throw new LoginFailedException("Could not renew the Salesforce session: " + ex.getMessage(), ex);
			}
			// renewedSince set the session on the connection's config, which is the one
			// force-wsc hands over here
			String operation = SalesforceClient.this.operationInFlight.get();
			if (operation != null) {
				SalesforceClient.this.counter.record(operation);
			}
			SessionHeader_element header = new SessionHeader_element();
			header.setSessionId(fresh.sessionId());
			SessionRenewalHeader renewal = new SessionRenewalHeader();
			renewal.name = new QName("urn:partner.soap.sforce.com", "SessionHeader");
			renewal.headerElement = header;
			return renewal;
		}

	}

	/**
	 * Says in the log which call failed and is tried again (the fault's code, never its
	 * text, which may quote a session).
	 */
	private static final class RetryLogging implements RetryListener {

		@Override
		public void beforeRetry(RetryPolicy retryPolicy, Retryable<?> retryable, RetryState retryState) {
			Throwable last = retryState.getLastException();
			String reason = (last instanceof ApiFault fault) ? String.valueOf(fault.getExceptionCode())
					: (last != null) ? last.getClass().getSimpleName() : "unknown";
			logger.info(retryable.getName() + " failed (" + reason + "); retrying");
		}

	}

	@FunctionalInterface
	private interface Attempt<T> {

		T run() throws Throwable;

	}

	@FunctionalInterface
	private interface ApiCall<T> {

		T run() throws ConnectionException;

	}

	/**
	 * One request on a {@link BulkConnection}.
	 *
	 * @param <T> its answer
	 */
	@FunctionalInterface
	interface BulkCall<T> {

		T run(BulkConnection bulk) throws AsyncApiException;

	}

	@FunctionalInterface
	private interface DmlCall {

		List<RecordSaveResult> save(SObject[] batch) throws ConnectionException;

	}

	/**
	 * Pages lazily through a query result with {@code queryMore}, one page ahead: once
	 * the caller reads a page that is not the last, the next one is asked for on another
	 * thread, so that the round trip and the org's work on it overlap whatever the caller
	 * does with this page (a chunk's look-ups and writes). Only the page is fetched
	 * ahead, nothing is decided on it; a page a failed step never reads costs the call it
	 * was fetched with, as it would have a moment later. Asking for the total alone
	 * ({@link #totalSize()}) fetches nothing ahead, nor does a client held to one call at
	 * a time ({@code sync.salesforce.max-concurrent-calls=1}).
	 */
	private final class QueryPager implements QueryResults {

		private final String soql;

		private final boolean includeDeleted;

		private QueryResult page;

		private int index;

		/** The page after {@link #page}, asked for already; {@code null} when not. */
		private Future<QueryResult> ahead;

		QueryPager(String soql, boolean includeDeleted) {
			this.soql = soql;
			this.includeDeleted = includeDeleted;
		}

		@Override
		public long totalSize() {
			firstPage();
			return this.page.getSize();
		}

		private void firstPage() {
			if (this.page == null) {
				this.page = call(this.includeDeleted ? "queryAll" : "query", () -> {
					SalesforceClient.this.connection.setQueryOptions(MAX_QUERY_BATCH);
					return this.includeDeleted ? SalesforceClient.this.connection.queryAll(this.soql)
							: SalesforceClient.this.connection.query(this.soql);
				});
				this.index = 0;
			}
		}

		@Override
		public boolean hasNext() {
			firstPage();
			while (this.index >= records().length) {
				if (this.page.isDone()) {
					return false;
				}
				this.page = (this.ahead != null) ? waitFor(this.ahead) : queryMore(this.page.getQueryLocator());
				this.ahead = null;
				this.index = 0;
			}
			if (this.ahead == null && !this.page.isDone() && SalesforceClient.this.maxConcurrentCalls > 1) {
				String locator = this.page.getQueryLocator();
				this.ahead = callThreads().submit(() -> queryMore(locator));
			}
			return true;
		}

		private QueryResult queryMore(String locator) {
			return call("queryMore", () -> SalesforceClient.this.connection.queryMore(locator));
		}

		@Override
		public SalesforceRecord next() {
			if (!hasNext()) {
				throw new NoSuchElementException();
			}
			return toRecord(records()[this.index++]);
		}

		private SObject[] records() {
			SObject[] records = this.page.getRecords();
			return (records != null) ? records : new SObject[0];
		}

	}

}
