/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.salesforce;

import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

import com.sforce.soap.partner.DescribeSObjectResult;
import com.sforce.soap.partner.Field;
import com.sforce.soap.partner.LimitInfo;
import com.sforce.soap.partner.LimitInfoHeader_element;
import com.sforce.soap.partner.LoginResult;
import com.sforce.soap.partner.PartnerConnection;
import com.sforce.soap.partner.QueryResult;
import com.sforce.soap.partner.SaveResult;
import com.sforce.soap.partner.UpsertResult;
import com.sforce.soap.partner.fault.ApiFault;
import com.sforce.soap.partner.fault.ExceptionCode;
import com.sforce.soap.partner.sobject.SObject;
import com.sforce.ws.ConnectionException;
import com.sforce.ws.ConnectorConfig;
import com.sforce.ws.SoapFaultException;
import com.sforce.ws.bind.XmlObject;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * The sync's only door to Salesforce: a force-wsc {@link PartnerConnection} behind calls
 * that speak the sync's own types. Every call is counted, retried with back-off on
 * transient faults ({@code SERVER_UNAVAILABLE}, HTTP 5xx, connection resets, time-outs;
 * per record {@code UNABLE_TO_LOCK_ROW}), logs in again once on
 * {@code INVALID_SESSION_ID}, and stops the run with {@link ApiLimitReachedException}
 * when the org refuses more requests or the run's share of the daily limit is spent.
 */
public class SalesforceClient {

	/** The Partner API's most records per DML call. */
	public static final int MAX_DML_BATCH = 200;

	/** The Partner API's largest query page. */
	public static final int MAX_QUERY_BATCH = 2000;

	private static final Log logger = LogFactory.getLog(SalesforceClient.class);

	private final SalesforceProperties properties;

	private final ApiCallCounter counter;

	private PartnerConnection connection;

	private LoginResult login;

	private long budgetBaseline;

	private long dailyLimit;

	public SalesforceClient(SalesforceProperties properties, ApiCallCounter counter) {
		this.properties = properties;
		this.counter = counter;
		checkLoginUrl(properties.loginUrl());
	}

	/**
	 * Refuses a login URL that would send the password in clear text over a network.
	 * @param loginUrl the configured login URL
	 */
	static void checkLoginUrl(String loginUrl) {
		if (loginUrl == null || loginUrl.isBlank()) {
			throw new IllegalArgumentException("sync.salesforce.login-url is not set");
		}
		URI uri = URI.create(loginUrl);
		String scheme = String.valueOf(uri.getScheme()).toLowerCase();
		if ("https".equals(scheme)) {
			return;
		}
		String host = String.valueOf(uri.getHost());
		boolean loopback = host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]")
				|| host.equals("::1");
		if (!"http".equals(scheme) || !loopback) {
			throw new IllegalArgumentException(
					"sync.salesforce.login-url must use https (plain http only on loopback): " + uri.getScheme() + "://"
							+ host);
		}
	}

	/**
	 * Logs in (once; later calls reuse the session) and starts counting this run's API
	 * budget.
	 * @return the organization id of the org logged in to
	 */
	public synchronized String login() {
		if (this.login == null) {
			this.login = doLogin();
		}
		return this.login.getUserInfo().getOrganizationId();
	}

	/**
	 * Starts a new run's API budget at the calls made so far.
	 */
	public synchronized void startBudget() {
		this.budgetBaseline = this.counter.total();
	}

	private LoginResult doLogin() {
		try {
			ConnectorConfig config = new ConnectorConfig();
			config.setAuthEndpoint(this.properties.loginUrl());
			config.setServiceEndpoint(this.properties.loginUrl());
			config.setManualLogin(true);
			config.setCompression(true);
			config.setConnectionTimeout((int) this.properties.connectTimeout().toMillis());
			config.setReadTimeout((int) this.properties.readTimeout().toMillis());
			PartnerConnection partner = new PartnerConnection(config);
			LoginResult result = withRetries("login",
					() -> partner.login(this.properties.username(), this.properties.password()));
			config.setServiceEndpoint(result.getServerUrl());
			partner.setSessionHeader(result.getSessionId());
			this.connection = partner;
			return result;
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
									field.isExternalId()));
				}
				descriptions.put(result.getName(), new ObjectDescription(result.getName(), fields));
			}
		}
		return descriptions;
	}

	/**
	 * Runs a query and pages through its result lazily at the API's largest page size:
	 * one {@code query} call, then one {@code queryMore} per 2,000 records, only as far
	 * as the caller reads.
	 * @param soql the query; values in it must be escaped with {@link Soql#quote(String)}
	 * @param includeDeleted {@code queryAll}: deleted and merged records too
	 * @return the records
	 */
	public Iterator<SalesforceRecord> query(String soql, boolean includeDeleted) {
		return new QueryPager(soql, includeDeleted);
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
	public List<RecordSaveResult> upsert(String externalIdField, List<SalesforceRecord> records) {
		return saveWithRowLockRetries("upsert", records,
				(batch) -> toOutcomes(this.connection.upsert(externalIdField, batch)));
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
	 * Saves records in calls of at most {@value #MAX_DML_BATCH}, the API's maximum, so a
	 * chunk larger than one call still costs the fewest calls.
	 */
	private List<RecordSaveResult> saveWithRowLockRetries(String operation, List<SalesforceRecord> records,
			DmlCall dml) {
		List<RecordSaveResult> outcomes = new ArrayList<>(records.size());
		for (int from = 0; from < records.size(); from += MAX_DML_BATCH) {
			outcomes.addAll(
					saveOneCall(operation, records.subList(from, Math.min(records.size(), from + MAX_DML_BATCH)), dml));
		}
		return outcomes;
	}

	private List<RecordSaveResult> saveOneCall(String operation, List<SalesforceRecord> records, DmlCall dml) {
		RecordSaveResult[] outcomes = new RecordSaveResult[records.size()];
		List<Integer> pending = new ArrayList<>();
		for (int i = 0; i < records.size(); i++) {
			pending.add(i);
		}
		for (int attempt = 0; !pending.isEmpty(); attempt++) {
			SObject[] batch = pending.stream().map((i) -> toSObject(records.get(i))).toArray(SObject[]::new);
			List<RecordSaveResult> results = call(operation, () -> dml.save(batch));
			List<Integer> locked = new ArrayList<>();
			for (int k = 0; k < results.size(); k++) {
				RecordSaveResult outcome = results.get(k);
				int index = pending.get(k);
				outcomes[index] = outcome;
				if ("UNABLE_TO_LOCK_ROW".equals(outcome.statusCode()) && attempt < this.properties.maxRetries()) {
					locked.add(index);
				}
			}
			if (!locked.isEmpty()) {
				logger.info(operation + ": " + locked.size() + " record(s) locked, retrying them");
				backOff(attempt);
			}
			pending = locked;
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
		Map<String, String> fields = new LinkedHashMap<>();
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
			if (child.hasChildren()) {
				flatten(prefix + name + ".", child, fields);
			}
			else if (fields.get(prefix + name) == null) {
				// Salesforce repeats sf:Id in query results: keep the first non-nil value
				Object value = child.getValue();
				fields.put(prefix + name, (value != null) ? value.toString() : null);
			}
		}
	}

	/**
	 * One API call: counted, checked against the budget, retried when transient,
	 * re-logged in once on an expired session.
	 */
	private <T> T call(String operation, ApiCall<T> call) {
		ensureLoggedIn();
		checkBudget();
		boolean reloggedIn = false;
		for (int attempt = 0;; attempt++) {
			try {
				this.counter.record(operation);
				T result = call.run();
				readLimits();
				return result;
			}
			catch (ApiFault fault) {
				ExceptionCode code = fault.getExceptionCode();
				if (code == ExceptionCode.INVALID_SESSION_ID && !reloggedIn) {
					logger.info("Salesforce session expired; logging in again");
					reloggedIn = true;
					relogin();
					continue;
				}
				if (code == ExceptionCode.REQUEST_LIMIT_EXCEEDED) {
					// the code leads the message: it is what the operator searches for
					throw new ApiLimitReachedException(code.toString(), code + ": Salesforce refused the request ("
							+ fault.getExceptionMessage() + "); restart the execution once the org's limit allows");
				}
				if (isTransient(code) && attempt < this.properties.maxRetries()) {
					logger.info(operation + " failed with " + code + "; retrying");
					backOff(attempt);
					continue;
				}
				throw translate(operation, fault);
			}
			catch (ConnectionException ex) {
				if (attempt < this.properties.maxRetries() && isTransient(ex)) {
					logger.info(operation + " failed (" + ex.getClass().getSimpleName() + "); retrying");
					backOff(attempt);
					continue;
				}
				throw translate(operation, ex);
			}
		}
	}

	private <T> T withRetries(String operation, ApiCall<T> call) throws ConnectionException {
		for (int attempt = 0;; attempt++) {
			try {
				this.counter.record(operation);
				return call.run();
			}
			catch (ApiFault fault) {
				if (isTransient(fault.getExceptionCode()) && attempt < this.properties.maxRetries()) {
					backOff(attempt);
					continue;
				}
				throw fault;
			}
			catch (ConnectionException ex) {
				if (attempt < this.properties.maxRetries() && isTransient(ex)) {
					backOff(attempt);
					continue;
				}
				throw ex;
			}
		}
	}

	private synchronized void ensureLoggedIn() {
		if (this.login == null) {
			login();
		}
	}

	private synchronized void relogin() {
		this.login = doLogin();
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

	private static boolean isTransient(ExceptionCode code) {
		return code == ExceptionCode.SERVER_UNAVAILABLE || code == ExceptionCode.REQUEST_RUNNING_TOO_LONG
				|| code == ExceptionCode.QUERY_TIMEOUT;
	}

	private static boolean isTransient(ConnectionException ex) {
		if (ex instanceof SoapFaultException fault) {
			// faults force-wsc could not map to a typed ApiFault, e.g. an HTML 503 page
			String message = String.valueOf(fault.getMessage());
			return message.contains("SERVER_UNAVAILABLE") || message.contains("503") || message.contains("502")
					|| message.contains("504") || message.contains("500");
		}
		Throwable cause = ex;
		while (cause != null) {
			if (cause instanceof IOException) {
				return true;
			}
			cause = cause.getCause();
		}
		// force-wsc reports unparseable (e.g. truncated or non-XML error) responses this
		// way
		return true;
	}

	private void backOff(int attempt) {
		long delay = this.properties.retryBackoff().toMillis() << Math.min(attempt, 6);
		try {
			Thread.sleep(delay);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new SalesforceException("INTERRUPTED", "Interrupted while waiting to retry");
		}
	}

	private static SalesforceException translate(String operation, ConnectionException ex) {
		if (ex instanceof ApiFault fault) {
			String code = String.valueOf(fault.getExceptionCode());
			return new SalesforceException(code, operation + " failed: " + code + ": " + fault.getExceptionMessage());
		}
		return new SalesforceException(null, operation + " failed: " + ex.getClass().getSimpleName()
				+ ((ex.getMessage() != null) ? ": " + ex.getMessage() : ""), ex);
	}

	@FunctionalInterface
	private interface ApiCall<T> {

		T run() throws ConnectionException;

	}

	@FunctionalInterface
	private interface DmlCall {

		List<RecordSaveResult> save(SObject[] batch) throws ConnectionException;

	}

	/**
	 * Pages lazily through a query result with {@code queryMore}.
	 */
	private final class QueryPager implements Iterator<SalesforceRecord> {

		private final String soql;

		private final boolean includeDeleted;

		private QueryResult page;

		private int index;

		QueryPager(String soql, boolean includeDeleted) {
			this.soql = soql;
			this.includeDeleted = includeDeleted;
		}

		@Override
		public boolean hasNext() {
			if (this.page == null) {
				this.page = call(this.includeDeleted ? "queryAll" : "query", () -> {
					SalesforceClient.this.connection.setQueryOptions(MAX_QUERY_BATCH);
					return this.includeDeleted ? SalesforceClient.this.connection.queryAll(this.soql)
							: SalesforceClient.this.connection.query(this.soql);
				});
				this.index = 0;
			}
			while (this.index >= records().length) {
				if (this.page.isDone()) {
					return false;
				}
				String locator = this.page.getQueryLocator();
				this.page = call("queryMore", () -> SalesforceClient.this.connection.queryMore(locator));
				this.index = 0;
			}
			return true;
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
