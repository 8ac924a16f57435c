/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.PropertiesLoaderUtils;

/**
 * The test profile's settings ({@code application-test.properties}) as defaults of every
 * application a test starts, in this JVM or a child one (both run the test classpath):
 * each applies where nothing else sets that property, so a test's own properties, however
 * it passes them, always win. Most tests were written for the serial shape of the job
 * ({@code sync.partitions=1}); a test of partitioned steps asks for them.
 */
public class TestDefaults implements EnvironmentPostProcessor, Ordered {

	private static final String FILE = "application-test.properties";

	@Override
	public int getOrder() {
		// after the configuration files are read, so that they count as set too
		return Ordered.LOWEST_PRECEDENCE;
	}

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		Map<String, Object> unset = new LinkedHashMap<>();
		defaults().forEach((name, value) -> {
			if (!environment.containsProperty(name)) {
				unset.put(name, value);
			}
		});
		if (!unset.isEmpty()) {
			environment.getPropertySources().addLast(new MapPropertySource("testDefaults", unset));
		}
	}

	private static Map<String, String> defaults() {
		try {
			Properties properties = PropertiesLoaderUtils.loadProperties(new ClassPathResource(FILE));
			Map<String, String> defaults = new LinkedHashMap<>();
			properties.stringPropertyNames().forEach((name) -> defaults.put(name, properties.getProperty(name)));
			return defaults;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + FILE, ex);
		}
	}

}
