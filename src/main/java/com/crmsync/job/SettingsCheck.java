/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.job;

import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.crmsync.db.EmbeddedDatabaseProperties;
import com.crmsync.job.partition.Partitioning;
import com.crmsync.job.partition.PartitioningProperties;
import com.crmsync.salesforce.CallConcurrencyProperties;
import com.crmsync.salesforce.SalesforceAuth;
import com.crmsync.salesforce.SalesforceProperties;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.ResolvableType;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.util.ClassUtils;
import org.springframework.util.unit.DataSize;

/**
 * The one configuration check a command makes before anything runs (no database started,
 * no execution created, no login): every unknown {@code sync.*} property (with the
 * closest known name), every value that does not convert or is out of range, every
 * setting that would lose data, and, for a command that needs them, the Salesforce login
 * settings and the operator. All problems are listed at once ({@link SettingsException}),
 * so one round of fixes is enough.
 */
public class SettingsCheck implements ApplicationContextInitializer<ConfigurableApplicationContext>, Ordered {

	/** What a command needs beyond settings that are valid. */
	public enum Need {

		/** It logs in to Salesforce: the login settings of the chosen flow. */
		SALESFORCE_LOGIN,

		/** It acts on a CRM Administrator's authority: {@code sync.operator}. */
		OPERATOR

	}

	private final Set<Need> needs;

	/**
	 * A check for a command with these needs.
	 * @param needs what the command needs; none for a command that only reads
	 */
	public SettingsCheck(Set<Need> needs) {
		this.needs = needs.isEmpty() ? EnumSet.noneOf(Need.class) : EnumSet.copyOf(needs);
	}

	@Override
	public int getOrder() {
		// before anything else looks at the settings, SyncPropertyNames included
		return Ordered.HIGHEST_PRECEDENCE;
	}

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		List<String> problems = problems(context.getEnvironment());
		if (!problems.isEmpty()) {
			throw new SettingsException(problems);
		}
	}

	/**
	 * Every problem of the settings in an environment.
	 * @param environment the application's environment
	 * @return the problems, one line each; empty when everything can be used
	 */
	List<String> problems(ConfigurableEnvironment environment) {
		List<String> problems = new ArrayList<>(SyncPropertyNames.unknown(environment));
		Binder binder = Binder.get(environment);
		Map<String, Object> values = new HashMap<>();
		List<String> unreadable = new ArrayList<>();
		bindEach(binder, "sync", SyncProperties.class, values, unreadable);
		bindEach(binder, "sync", PartitioningProperties.class, values, unreadable);
		bindEach(binder, "sync.salesforce", SalesforceProperties.class, values, unreadable);
		bindEach(binder, "sync.salesforce", CallConcurrencyProperties.class, values, unreadable);
		bindEach(binder, "sync.embedded", EmbeddedDatabaseProperties.class, values, unreadable);
		bindEach(binder, "sync.remote", RemotePartitioningProperties.class, values, unreadable);
		bind(binder, "sync.fail-on-errors", ResolvableType.forClass(Boolean.class), values, unreadable);
		problems.addAll(unreadable);
		problems.addAll(SettingsRules.problems(
				new SettingsRules.SyncValues((Integer) values.get("sync.chunk-size"),
						(Duration) values.get("sync.look-back"), (Integer) values.get("sync.partitions"),
						(Partitioning) values.get("sync.partitioning")),
				new SettingsRules.SalesforceValues((Integer) values.get("sync.salesforce.api-budget-percent"),
						(Integer) values.get("sync.salesforce.max-retries"),
						(Duration) values.get("sync.salesforce.retry-backoff"),
						(Duration) values.get("sync.salesforce.connect-timeout"),
						(Duration) values.get("sync.salesforce.read-timeout"),
						(Integer) values.get("sync.salesforce.max-concurrent-calls"))));
		String bufferPool = EmbeddedDatabaseProperties
			.bufferPoolProblem((DataSize) values.get("sync.embedded.buffer-pool-size"));
		if (bufferPool != null) {
			problems.add(bufferPool);
		}
		if (this.needs.contains(Need.OPERATOR) && isBlank(values.get("sync.operator"))) {
			problems.add("sync.operator is not set (the e-mail of the CRM Administrator on whose authority the job "
					+ "runs)");
		}
		// which settings a login needs depends on the flow: without a readable one, only
		// its own problem is listed
		boolean authReadable = unreadable.stream().noneMatch((problem) -> problem.startsWith("sync.salesforce.auth "));
		if (this.needs.contains(Need.SALESFORCE_LOGIN) && authReadable) {
			problems.addAll(new SalesforceProperties((SalesforceAuth) values.get("sync.salesforce.auth"),
					(String) values.get("sync.salesforce.login-url"), (String) values.get("sync.salesforce.client-id"),
					(Path) values.get("sync.salesforce.private-key"),
					(String) values.get("sync.salesforce.client-secret"),
					(String) values.get("sync.salesforce.username"), (String) values.get("sync.salesforce.password"),
					null, null, null, null, null)
				.problems());
		}
		return problems;
	}

	private static void bindEach(Binder binder, String prefix, Class<? extends Record> properties,
			Map<String, Object> values, List<String> unreadable) {
		for (RecordComponent component : properties.getRecordComponents()) {
			String name = prefix + "." + component.getName().replaceAll("([A-Z])", "-$1").toLowerCase(Locale.ROOT);
			bind(binder, name, ResolvableType.forType(component.getGenericType()), values, unreadable);
		}
	}

	private static void bind(Binder binder, String name, ResolvableType type, Map<String, Object> values,
			List<String> unreadable) {
		try {
			binder.bind(name, Bindable.of(ClassUtils.resolvePrimitiveIfNecessary(type.toClass())))
				.ifBound((value) -> values.put(name, value));
		}
		catch (BindException ex) {
			ConfigurationProperty property = ex.getProperty();
			Object value = (property != null) ? property.getValue() : null;
			unreadable.add(name + " cannot be read as " + expected(type.toClass())
					+ ((value != null) ? ": '" + value + "'" : ""));
		}
	}

	/** What an operator should write for a value of this type. */
	private static String expected(Class<?> type) {
		if (type == Integer.class || type == int.class) {
			return "a whole number";
		}
		if (type == Duration.class) {
			return "a duration (such as 30s, 5m, 2h or 1d)";
		}
		if (type == Boolean.class || type == boolean.class) {
			return "true or false";
		}
		if (type == SalesforceAuth.class) {
			return Arrays.stream(SalesforceAuth.values())
				.map(SalesforceAuth::value)
				.collect(Collectors.joining(", ", "one of ", ""));
		}
		if (type.isEnum()) {
			return Arrays.stream(type.getEnumConstants())
				.map((constant) -> ((Enum<?>) constant).name().toLowerCase(Locale.ROOT))
				.collect(Collectors.joining(", ", "one of ", ""));
		}
		return "a " + type.getSimpleName();
	}

	private static boolean isBlank(Object value) {
		return value == null || value.toString().isBlank();
	}

}
