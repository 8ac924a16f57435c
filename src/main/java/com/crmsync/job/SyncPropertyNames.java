/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.job;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.crmsync.db.EmbeddedDatabaseProperties;
import com.crmsync.job.partition.PartitioningProperties;
import com.crmsync.salesforce.BulkApiProperties;
import com.crmsync.salesforce.CallConcurrencyProperties;
import com.crmsync.salesforce.SalesforceProperties;
import org.apache.commons.text.similarity.LevenshteinDistance;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertySource;

/**
 * Refuses to start with a {@code sync.*} property the sync does not know — a typo such as
 * {@code sync.salesforce.login-uri} would otherwise be ignored silently, and the run
 * would go on with a default. Names are compared as Spring's relaxed binding does (case,
 * dashes and underscores aside), so {@code SYNC_SALESFORCE_LOGIN_URL} and
 * {@code sync.salesforce.loginUrl} are known. Every application context refuses them,
 * with the closest known name; the command line's {@link SettingsCheck} lists them with
 * every other problem of the settings first.
 */
public class SyncPropertyNames implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	private static final LevenshteinDistance EDITS = LevenshteinDistance.getDefaultInstance();

	/** Properties read with {@code @Value} rather than a properties record. */
	private static final List<String> VALUE_PROPERTIES = List.of("sync.reports", "sync.metrics-textfile",
			"sync.fail-on-errors");

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		List<String> unknown = unknown(context.getEnvironment());
		if (!unknown.isEmpty()) {
			throw new SettingsException(unknown);
		}
	}

	/**
	 * The {@code sync.*} properties the sync does not know, each with the closest name it
	 * does know.
	 * @param environment the application's environment
	 * @return one problem per unknown property, in name order
	 */
	static List<String> unknown(ConfigurableEnvironment environment) {
		Map<String, String> known = known();
		List<String> unknown = new ArrayList<>();
		for (PropertySource<?> source : environment.getPropertySources()) {
			if (source instanceof EnumerablePropertySource<?> enumerable) {
				for (String name : enumerable.getPropertyNames()) {
					String key = normalized(name);
					if (key.startsWith("sync") && !name.equalsIgnoreCase("sync") && !known.containsKey(key)
							&& !unknown.contains(name) && isSyncName(name)) {
						unknown.add(name);
					}
				}
			}
		}
		unknown.sort(Comparator.naturalOrder());
		return unknown.stream()
			.map((name) -> name + " is not a setting of the sync; did you mean " + closest(name, known) + "?")
			.toList();
	}

	/**
	 * The known name with the fewest edits from a mistyped one, as written by the user.
	 */
	private static String closest(String name, Map<String, String> known) {
		String key = normalized(name);
		return known.entrySet()
			.stream()
			.min(Comparator.comparingInt((Map.Entry<String, String> entry) -> EDITS.apply(key, entry.getKey()))
				.thenComparing(Map.Entry::getValue))
			.map(Map.Entry::getValue)
			.orElseThrow();
	}

	/** {@code sync.x} or {@code SYNC_X}, not e.g. {@code syncthing.home}. */
	private static boolean isSyncName(String name) {
		String lower = name.toLowerCase(Locale.ROOT);
		return lower.startsWith("sync.") || lower.startsWith("sync_");
	}

	/**
	 * Every {@code sync.*} property, by its relaxed key.
	 * @return the canonical names by key
	 */
	static Map<String, String> known() {
		Map<String, String> known = new LinkedHashMap<>();
		add(known, "sync", SyncProperties.class);
		add(known, "sync", PartitioningProperties.class);
		add(known, "sync.salesforce", SalesforceProperties.class);
		add(known, "sync.salesforce", BulkApiProperties.class);
		add(known, "sync.salesforce", CallConcurrencyProperties.class);
		add(known, "sync.embedded", EmbeddedDatabaseProperties.class);
		add(known, "sync.remote", RemotePartitioningProperties.class);
		VALUE_PROPERTIES.forEach((name) -> known.put(normalized(name), name));
		return known;
	}

	private static void add(Map<String, String> known, String prefix, Class<? extends Record> properties) {
		for (var component : properties.getRecordComponents()) {
			String name = prefix + "." + component.getName().replaceAll("([A-Z])", "-$1").toLowerCase(Locale.ROOT);
			known.put(normalized(name), name);
		}
	}

	static String normalized(String name) {
		return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
	}

}
